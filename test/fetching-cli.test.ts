/**
 * Fetching end to end through the binary: malformed responses as typed errors on their profile,
 * robots.txt, proxies from the environment, and Ctrl-C in the middle of an audit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, schemaErrors } from './helpers/cli.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-fetch-'));
let site: FaultServer, robotsSite: FaultServer;

beforeAll(async () => {
  site = await startFaultServer({ address: '127.0.0.2' });
  robotsSite = await startFaultServer({
    address: '127.0.0.3',
    robots: 'User-agent: *\nDisallow: /page.html\nDisallow: /feed/\n',
  });
});
afterAll(async () => Promise.all([site.close(), robotsSite.close()]));

function inventory(name: string, profiles: string, settings = ''): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, `company: Fetch Test\n${settings}profiles:\n${profiles}`);
  return file;
}
const json = async (args: string[], env: Record<string, string> = {}) => {
  const run = await cli([...args, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never'], env);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : null };
};

describe('malformed responses', () => {
  it('are a typed parse error on that profile; the others are still audited', async () => {
    const inv = inventory(
      'malformed',
      `  - url: ${site.url}/@trunc\n    platform: mastodon\n  - url: ${site.url}/@html\n    platform: mastodon\n  - url: ${site.url}/feed/ok.xml\n    platform: feed\n`,
    );
    const { code, report } = await json(['audit', inv]);
    expect(code).toBe(0);
    expect(schemaErrors(report)).toBeNull();
    expect(report.profiles.map((p: { status: string }) => p.status)).toEqual(['error', 'error', 'active']);
    expect(report.profiles[0].statusReason).toMatch(/^malformed .*JSON/i);
    expect(report.profiles[1].statusReason).toMatch(/^malformed /);
  });
});

describe('identity and conditional re-fetching', () => {
  it('names itself in the User-Agent (version and home page), or as told', async () => {
    const inv = inventory('ua', `  - url: ${site.url}/feed/ua.xml\n    platform: feed\n`);
    await json(['audit', inv]);
    expect(site.seen.at(-1)!.headers['user-agent']).toMatch(/^channel-audit\/\d+\.\d+\.\d+ \(\+https:\/\/\S+\)$/);
    await json(['audit', inv, '--user-agent', 'acme-audit/1.0 (ops@acme.example)']);
    expect(site.seen.at(-1)!.headers['user-agent']).toBe('acme-audit/1.0 (ops@acme.example)');
  });

  it('--cache revalidates on the next run and reuses the body on 304', async () => {
    const inv = inventory('cache', `  - url: ${site.url}/etag\n    platform: feed\n`);
    const dir = join(tmp, 'cache');
    const first = await json(['audit', inv, '--cache', dir]);
    const second = await json(['audit', inv, '--cache', dir]);
    const asked = site.seen.filter((r) => r.path === '/etag');
    expect(asked.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, '"v1"']);
    expect(second.report.profiles[0].metrics).toEqual(first.report.profiles[0].metrics);
  });
});

describe('robots.txt', () => {
  it('keeps HTML pages it disallows unfetched, reports them blocked with the rule, and exempts feeds', async () => {
    const inv = inventory(
      'robots',
      `  - url: ${robotsSite.url}/page.html\n    platform: web\n  - url: ${robotsSite.url}/feed/declared.xml\n    platform: feed\n`,
    );
    const { report } = await json(['audit', inv]);
    expect(report.profiles.map((p: { status: string }) => p.status)).toEqual(['blocked', 'active']);
    expect(report.profiles[0].statusReason).toMatch(
      /robots\.txt disallows .*\/page\.html for channel-audit \(--ignore-robots fetches it anyway\)/,
    );
    expect(robotsSite.seen.map((r) => r.path)).not.toContain('/page.html');
    const ignoring = await json(['audit', inv, '--ignore-robots']);
    expect(ignoring.report.profiles[0].status).toBe('active');
    expect(robotsSite.seen.map((r) => r.path)).toContain('/page.html');
  });

  it('applies to the page a redirect leads to', async () => {
    const inv = inventory('robots-redirect', `  - url: ${robotsSite.url}/redirects?n=0\n    platform: web\n`);
    const { report } = await json(['audit', inv]);
    expect(report.profiles[0].status).toBe('blocked');
    expect(report.profiles[0].statusReason).toMatch(/robots\.txt disallows .*\/feed\/end\.xml/);
    expect(robotsSite.seen.map((r) => r.path)).not.toContain('/feed/end.xml');
  });
});

describe('proxies from the environment', () => {
  let proxy: Server;
  const proxied: string[] = [];
  beforeAll(async () => {
    // a forward proxy: absolute-URL requests (http targets), and CONNECT tunnels (https targets)
    proxy = createServer((req, res) => {
      proxied.push(req.url ?? '');
      const upstream = httpRequest(new URL(req.url ?? ''), { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    proxy.on('connect', (req, client, head) => {
      proxied.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host!, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('sends requests through HTTP_PROXY, except to hosts in NO_PROXY', async () => {
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const inv = inventory('proxy', `  - url: ${site.url}/feed/via-proxy.xml\n    platform: feed\n`);
    const through = await json(['audit', inv], { HTTP_PROXY: proxyUrl, NO_PROXY: '' });
    expect(through.report.profiles[0].status).toBe('active');
    expect(proxied).toEqual([`${site.url}/feed/via-proxy.xml`]);
    const bypass = await json(['audit', inv], { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.2' });
    expect(bypass.report.profiles[0].status).toBe('active');
    expect(proxied).toHaveLength(1);
  });
});

describe('Ctrl-C in the middle of an audit', () => {
  let slow: FaultServer;
  beforeAll(async () => {
    slow = await startFaultServer({ address: '127.0.0.4', latency: 200 });
  });
  afterAll(() => slow.close());

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s stops, writes the report of the profiles done (the rest "interrupted") atomically, and exits 3',
    async (signal) => {
      const profiles = Array.from(
        { length: 40 },
        (_, i) => `  - url: ${slow.url}/feed/${i}.xml\n    platform: feed\n`,
      ).join('');
      const inv = inventory('interrupt', profiles, 'settings:\n  hostConcurrency: 1\n  hostIntervalMs: 0\n');
      const out = join(tmp, `partial-${signal}.json`);
      const child = spawn('node', [BIN, 'audit', inv, '--as-of', '2026-11-01', '-o', out, '--fail-on', 'never'], {
        env: { ...process.env, CI: '1', NO_COLOR: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // signal once a few profiles are done (the server has seen 5 requests, one at a time)
      const before = slow.seen.length;
      while (slow.seen.length < before + 5) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(existsSync(out)).toBe(false);
      const sentAt = performance.now();
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(performance.now() - sentAt).toBeLessThan(5000);
      expect(code).toBe(3);
      expect(stderr).toMatch(new RegExp(`${signal}: stopping`));
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(schemaErrors(report)).toBeNull();
      expect(report.interrupted).toBe(true);
      const statuses = report.profiles.map((p: { status: string }) => p.status);
      expect(statuses).toHaveLength(40);
      const done = statuses.filter((s: string) => s === 'active').length;
      expect(done).toBeGreaterThanOrEqual(4);
      expect(done).toBeLessThan(40);
      for (const p of report.profiles.filter((p: { status: string }) => p.status !== 'active')) {
        expect(p.status).toBe('error');
        expect(p.statusReason).toMatch(/^interrupted/);
      }
    },
    20_000,
  );
});
