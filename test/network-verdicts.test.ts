/**
 * The auditor's network never decides a verdict (issue 31, item 6): DNS failures, refused connections
 * and timeouts on this machine's side are `error`, never `unreachable`; a profile's own domain that no
 * longer resolves is `unreachable` only while this machine resolves other names; and when most hosts
 * fail the same way the run says the network is down and exits 3.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditOptions } from '../src/audit.js';
import { parseInventory } from '../src/config/load.js';
import { FetchError, NO_SUCH_HOST, type HttpClient } from '../src/http/types.js';
import { networkDown } from '../src/report/network-down.js';
import { AS_OF } from './helpers/builders.js';
import { BIN, schemaErrors } from './helpers/cli.js';
import { rss } from './helpers/fault-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'ca-network-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FEED = rss('Brand news', [
  { title: 'New season', date: 'Fri, 30 Oct 2026 09:15:00 +0000' },
  { title: 'Autumn sale', date: 'Mon, 12 Oct 2026 09:15:00 +0000' },
]);

/** A client as this machine's network would answer: feeds from the hosts that work, the resolver's or the socket's failure from the others. */
function network(failing: Record<string, 'no-such-host' | 'no-answer' | 'refused'>): HttpClient {
  return {
    async get(url) {
      const host = new URL(url).hostname;
      const how = failing[host];
      if (how === 'no-such-host')
        throw new FetchError('dns', url, `could not reach ${host} from this machine: ${NO_SUCH_HOST}`);
      if (how === 'no-answer')
        throw new FetchError('dns', url, `could not reach ${host} from this machine: DNS lookup failed (no answer)`);
      if (how === 'refused')
        throw new FetchError('connection', url, `connection failed: cannot reach ${host} (connection refused)`);
      return {
        url,
        finalUrl: url,
        status: 200,
        headers: { 'content-type': 'application/rss+xml' },
        body: Buffer.from(FEED),
      };
    },
    close: async () => {},
  };
}

const inventory = (hosts: string[]) =>
  parseInventory(
    ['company: Brand', 'profiles:', ...hosts.map((h) => `  - url: https://${h}/feed.xml\n    platform: feed`)].join(
      '\n',
    ),
    'inventory.yaml',
  );

const options = (http: HttpClient, resolves: boolean): AuditOptions => ({
  http,
  asOf: AS_OF,
  generatedAt: AS_OF,
  source: 'live',
  tool: { name: 'channel-audit', version: 'test' },
  namesResolve: async () => resolves,
});

describe("item 6: the auditor's network never decides a verdict", () => {
  it('a run with no DNS: every profile is error "could not reach … from this machine", none unreachable, and the network is down', async () => {
    const hosts = ['blog.brand.example', 'news.brand.example', 'x.com', 'www.youtube.com'];
    const failing = Object.fromEntries(hosts.map((h) => [h, 'no-such-host' as const]));
    const report = await runAudit(inventory(hosts), options(network(failing), false));
    expect(report.profiles.map((p) => p.status)).toEqual(['error', 'error', 'error', 'error']);
    expect(report.profiles[0]!.statusReason).toBe(
      'could not reach blog.brand.example from this machine: DNS lookup failed (no such host)',
    );
    expect(report.profiles.map((p) => p.verdict)).not.toContain('close');
    expect(report.actions.map((a) => a.kind)).not.toContain('remove-dead');
    expect(report.networkDown).toMatchObject({ hostsTried: 4, hostsFailed: 4 });
    expect(report.networkDown!.reason).toMatch(
      /^4 of 4 hosts could not be reached from this machine \(DNS lookup failed\)/,
    );
    expect(schemaErrors(report)).toBeNull();
  });

  it('one self-hosted domain that stopped resolving among working ones is unreachable; the network is not down', async () => {
    const hosts = ['blog.brand.example', 'news.brand.example', 'old-shop.brand.example', 'press.brand.example'];
    const report = await runAudit(
      inventory(hosts),
      options(network({ 'old-shop.brand.example': 'no-such-host' }), true),
    );
    expect(report.profiles.map((p) => p.status)).toEqual(['active', 'active', 'unreachable', 'active']);
    expect(report.profiles[2]!.statusReason).toBe(
      'the domain old-shop.brand.example no longer exists: DNS answers "no such host", while this machine resolves other names',
    );
    expect(report.networkDown).toBeNull();
  });

  it.each([
    ['this machine resolves no other name', 'no-such-host', false, 'www.brand.example'],
    ['the resolver gave no answer (EAI_AGAIN)', 'no-answer', true, 'www.brand.example'],
    ["the host is a platform's, not the company's", 'no-such-host', true, 'x.com'],
    ['the connection was refused', 'refused', true, 'www.brand.example'],
  ] as const)('a profile whose host fails is error, not unreachable, when %s', async (_, how, resolves, host) => {
    const report = await runAudit(inventory([host, 'blog.brand.example']), options(network({ [host]: how }), resolves));
    expect(report.profiles.map((p) => p.status)).toEqual(['error', 'active']);
    expect(report.networkDown).toBeNull(); // one host of two is not "most hosts"
  });

  it('is down only when most hosts fail the same way, and at least two', () => {
    const fail = (host: string, kind: 'dns' | 'connection' = 'dns') => ({ host, failure: { host, kind } });
    const ok = (host: string) => ({ host, failure: null });
    expect(networkDown([fail('a')])).toBeNull();
    expect(networkDown([fail('a'), fail('b'), ok('c'), ok('d')])).toBeNull();
    expect(networkDown([fail('a'), fail('b'), ok('c')])).toMatchObject({ hostsTried: 3, hostsFailed: 2 });
    expect(networkDown([fail('a'), fail('b', 'connection'), ok('c')])).toBeNull();
    // a host counts as failed only when every profile on it failed
    expect(networkDown([fail('a'), ok('a'), fail('b'), ok('c')])).toBeNull();
  });
});

describe('item 6: a black-holed proxy', () => {
  let proxy: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // accepts every connection and never answers: the auditor's way out of the network is broken
    proxy = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('turns no profile unreachable, writes the report, says the network is down and exits 3', async () => {
    const inv = join(tmp, 'proxy.yaml');
    writeFileSync(
      inv,
      [
        'company: Brand',
        'settings:\n  timeoutMs: 300',
        'profiles:',
        ...['blog', 'news', 'press'].map((h) => `  - url: http://${h}.brand.example/feed.xml\n    platform: feed`),
      ].join('\n'),
    );
    const out = join(tmp, 'proxy.json');
    const port = (proxy.address() as { port: number }).port;
    const child = spawn(
      'node',
      [BIN, 'audit', inv, '--as-of', '2026-11-01', '--format', 'json', '-o', out, '--fail-on', 'never'],
      { env: { ...process.env, CI: '1', NO_COLOR: '1', HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '' } },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.profiles.map((p: { status: string }) => p.status)).toEqual(['error', 'error', 'error']);
    expect(report.networkDown).toMatchObject({ hostsTried: 3, hostsFailed: 3 });
    expect(stderr).toMatch(/the run failed: 3 of 3 hosts could not be reached from this machine/);
    expect(code).toBe(3);
  }, 30_000);
});

describe('item 6: the demo audited live on a machine without a network', () => {
  it('gives no unreachable profile, says the network is down, writes the report and exits 3, with nothing else on stderr', async () => {
    const out = join(tmp, 'demo-offline.json');
    // every connection goes to a proxy port nothing listens on: no request leaves this machine
    const args = [BIN, 'audit', 'fixtures/demo/inventory.yaml', '--as-of', '2026-11-01', '-f', 'json', '-o', out];
    const child = spawn('node', [...args, '--fail-on', 'never'], {
      env: {
        ...process.env,
        CI: '1',
        NO_COLOR: '1',
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '',
      },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.summary.byStatus.unreachable).toBe(0);
    // what failed on this machine's side is to be checked, never closed (the owner's exports are still read)
    const failed = report.profiles.filter((p: { status: string }) => p.status === 'error');
    expect(failed.length).toBeGreaterThan(20);
    expect(new Set(failed.map((p: { verdict: string }) => p.verdict))).toEqual(new Set(['check']));
    expect(report.networkDown.hostsFailed).toBe(report.networkDown.hostsTried);
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toEqual([
      `wrote json report to ${out}`,
      expect.stringMatching(/^the run failed: 14 of 14 hosts could not be reached from this machine \(no connection\)/),
    ]);
  }, 60_000);
});
