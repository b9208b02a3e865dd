/**
 * Opening the bio link (issue 36, item 5): each distinct link once per run, through the audit's own
 * HTTP client, on local servers on 127.0.0.1/127.0.0.2 — 200 is ok, 404/410 (after redirects) dead,
 * 403/429/timeouts/robots.txt unknown, a replay without it unknown, never an error on the profile.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../src/audit.js';
import { createHttpClient } from '../src/client.js';
import { parseInventory } from '../src/config/load.js';
import type { Report } from '../src/model/index.js';
import { parseReport } from '../src/report/read.js';
import { BioLinkChecker, onPlatformSite } from '../src/discovery/bio-link-check.js';
import { FetchError, NO_SUCH_HOST, type HttpClient } from '../src/http/types.js';
import { AS_OF, settings } from './helpers/builders.js';
import { schemaErrors } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'ca-biolink-'));
const fast = { ...structuredClone(settings), timeoutMs: 400, hostIntervalMs: 0, hostConcurrency: 4 };

/** The bio links' site: one path per answer, and how often each was asked for. */
const asked = new Map<string, number>();
/** What the servers saw, in order: Mastodon lookups ("lookup acme") and the end of the request for /held. */
const events: string[] = [];
function linkSite(req: { url?: string }, res: import('node:http').ServerResponse) {
  const path = req.url ?? '/';
  asked.set(path, (asked.get(path) ?? 0) + 1);
  const answer = (status: number, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/html', ...headers });
    res.end('<html><body>page</body></html>');
  };
  if (path === '/robots.txt')
    return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n');
  if (path === '/ok') return answer(200);
  if (path.startsWith('/gone404')) return answer(404);
  if (path === '/gone410') return answer(410);
  if (path === '/forbidden') return answer(403);
  if (path === '/limited') return answer(429, { 'retry-after': '1' });
  if (path === '/hop1') return answer(301, { location: '/hop2' });
  if (path === '/hop2') return answer(302, { location: '/gone404-after-hops' });
  if (path === '/slow') return; // never answers: the client's timeout ends it
  if (path === '/held') {
    // never answers either: when the client gives up on it is what the lane test reads
    res.on('close', () => events.push('held closed'));
    return;
  }
  answer(200);
}

/** A Mastodon server whose accounts link their bio to `link(account)`. */
function mastodonSite(link: (acct: string) => string) {
  return (req: { url?: string }, res: import('node:http').ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown) =>
      void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/api/v1/accounts/lookup') {
      const acct = url.searchParams.get('acct') ?? 'acme';
      events.push(`lookup ${acct}`);
      return json({
        id: acct,
        username: acct,
        acct,
        display_name: 'Acme',
        note: `<p>Acme: <a href="${link(acct)}">our shop</a></p>`,
        fields: [],
      });
    }
    if (/^\/api\/v1\/accounts\/[^/]+\/statuses$/.test(url.pathname))
      return json(
        [30, 28, 25, 21, 18, 14, 10, 7, 3, 1].map((d, i) => ({
          id: String(100 + i),
          created_at: new Date(AS_OF.getTime() - d * 86_400_000).toISOString(),
          in_reply_to_id: null,
          in_reply_to_account_id: null,
          reblog: null,
          content: `<p>Post ${i}</p>`,
          url: `https://example.org/${i}`,
          replies_count: 0,
        })),
      );
    res.writeHead(404).end();
  };
}

const servers: Server[] = [];
async function serve(address: string, handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return `http://${address}:${(server.address() as AddressInfo).port}`;
}

let links = '';
let mastodonOrigin = '';
let bioLink = '';
/** One account's own bio link, where it is not `bioLink`. */
const bioLinkOf: Record<string, string> = {};
beforeAll(async () => {
  links = await serve('127.0.0.2', linkSite);
  mastodonOrigin = await serve(
    '127.0.0.1',
    mastodonSite((acct) => bioLinkOf[acct] ?? bioLink),
  );
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  rmSync(tmp, { recursive: true, force: true });
});

const live = () => createHttpClient(fast, { env: {} });
const checker = (http: HttpClient, resolves = true) => new BioLinkChecker(http, async () => resolves);

describe('what opening a bio link shows', () => {
  it.each([
    ['/ok', 'ok', 200],
    ['/gone404', 'dead', 404],
    ['/gone410', 'dead', 410],
    ['/forbidden', 'unknown', 403],
    ['/limited', 'unknown', 429],
    ['/hop1', 'dead', 404],
  ] as const)('%s is %s (HTTP %s)', async (path, result, httpStatus) => {
    const http = live();
    try {
      const status = await checker(http).check(`${links}${path}`, 'https://mastodon.example/@acme', 'mastodon');
      expect(status).toMatchObject({ result, httpStatus });
      if (result === 'ok') expect(status!.reason).toBeNull();
      else expect(status!.reason).toContain(`HTTP ${httpStatus}`);
    } finally {
      await http.close();
    }
  });

  it('a redirect chain is followed to its end, which is named', async () => {
    const http = live();
    const status = await checker(http).check(`${links}/hop1`, 'https://mastodon.example/@acme', 'mastodon');
    await http.close();
    expect(status!.finalUrl).toBe(`${links}/gone404-after-hops`);
  });

  it('a page that does not answer in time, or that robots.txt closes, is unknown, never dead', async () => {
    const http = live();
    const slow = await checker(http).check(`${links}/slow`, 'https://mastodon.example/@acme', 'mastodon');
    const closed = await checker(http).check(`${links}/private/page`, 'https://mastodon.example/@acme', 'mastodon');
    await http.close();
    expect(slow).toMatchObject({ result: 'unknown', httpStatus: null });
    expect(closed).toMatchObject({
      result: 'unknown',
      httpStatus: null,
      reason: expect.stringContaining('robots.txt'),
    });
  });

  it('a domain that no longer exists is dead only while this machine resolves other names', async () => {
    const http: HttpClient = {
      get: async (url) => {
        throw new FetchError('dns', url, `could not reach gone.example from this machine: ${NO_SUCH_HOST}`);
      },
      close: async () => {},
    };
    expect(await checker(http, true).check('https://gone.example/', 'https://x.com/acme', 'x')).toMatchObject({
      result: 'dead',
      reason: 'the domain gone.example no longer exists',
    });
    expect(await checker(http, false).check('https://gone.example/', 'https://x.com/acme', 'x')).toMatchObject({
      result: 'unknown',
    });
  });

  it("a link on the platform's own site is not opened", () => {
    expect(onPlatformSite('https://mastodon.social/@acmehelp', 'https://mastodon.social/@acme', 'mastodon')).toBe(true);
    expect(onPlatformSite('https://youtube.com/@acme', 'https://www.youtube.com/@acme', 'youtube')).toBe(true);
    expect(onPlatformSite('https://shop.acme.example/', 'https://mastodon.social/@acme', 'mastodon')).toBe(false);
  });
});

describe('bio links in an audit', () => {
  const inventory = () =>
    parseInventory(
      [
        'company: Acme',
        'website: https://www.acme.example/',
        'settings:',
        '  timeoutMs: 2000',
        '  hostIntervalMs: 0',
        'profiles:',
        `  - url: ${mastodonOrigin}/@acme`,
        '    platform: mastodon',
        `  - url: ${mastodonOrigin}/@acmehelp`,
        '    platform: mastodon',
        `  - url: ${mastodonOrigin}/@acmejobs`,
        '    platform: mastodon',
      ].join('\n'),
      'inventory.yaml',
    );
  const audit = (http: HttpClient, source: 'live' | 'replay' = 'live') =>
    runAudit(inventory(), {
      http,
      asOf: AS_OF,
      generatedAt: AS_OF,
      source,
      tool: { name: 'channel-audit', version: 'test' },
      namesResolve: async () => true,
    });

  it('opens a link three profiles share once, and names the page that is gone on each of them', async () => {
    bioLink = `${links}/gone404-shared`;
    const http = createHttpClient(inventory().settings, { env: {}, record: join(tmp, 'evidence') });
    const report = await audit(http);
    await http.close();
    expect(asked.get('/gone404-shared')).toBe(1);
    for (const p of report.profiles) {
      expect(p.status).toBe('active');
      expect(p.account.bioLinkStatus).toMatchObject({ result: 'dead', httpStatus: 404 });
      const dead = p.findings.find((f) => f.code === 'dead-bio-link');
      expect(dead).toMatchObject({ severity: 'warning' });
      expect(dead!.message).toBe(`the bio links to ${bioLink}, a page that is gone (HTTP 404)`);
      // said once: not also "another domain than the website"
      expect(p.findings.map((f) => f.code)).not.toContain('bio-link');
    }
  });

  it("a bio link that does not answer never holds up the next profile of the same host's lane", async () => {
    // one lane for the Mastodon host: the first account's bio link is held open until the client's timeout
    // (2 s); the next account's lookup must come before it ends, not after
    bioLink = `${links}/ok`;
    bioLinkOf.acme = `${links}/held`;
    const one = parseInventory(
      [
        'company: Acme',
        'settings:',
        '  timeoutMs: 2000',
        '  hostIntervalMs: 0',
        '  hostConcurrency: 1',
        'profiles:',
        `  - url: ${mastodonOrigin}/@acme`,
        '    platform: mastodon',
        `  - url: ${mastodonOrigin}/@acmehelp`,
        '    platform: mastodon',
      ].join('\n'),
      'inventory.yaml',
    );
    const http = createHttpClient(one.settings, { env: {} });
    events.length = 0;
    const report = await runAudit(one, {
      http,
      asOf: AS_OF,
      generatedAt: AS_OF,
      source: 'live',
      tool: { name: 'channel-audit', version: 'test' },
      namesResolve: async () => true,
    }).finally(() => http.close());
    delete bioLinkOf.acme;
    expect(events).toEqual(['lookup acme', 'lookup acmehelp', 'held closed']);
    // and the held link is still told: could not tell, never dead; the report keeps the inventory's order
    expect(report.profiles.map((p) => p.account.bioLinkStatus?.result)).toEqual(['unknown', 'ok']);
  });

  it('replays the recorded answer, and a replay without one is unknown, never an error on the profile', async () => {
    const evidence = join(tmp, 'evidence');
    const replayed = await audit(createHttpClient(inventory().settings, { replay: evidence }), 'replay');
    expect(replayed.profiles.map((p) => p.account.bioLinkStatus?.result)).toEqual(['dead', 'dead', 'dead']);
    // evidence recorded before bio links were opened: the bio link's host has nothing recorded
    for (const dir of readdirSync(evidence))
      if (dir.startsWith('127.0.0.2')) rmSync(join(evidence, dir), { recursive: true });
    const older = await audit(createHttpClient(inventory().settings, { replay: evidence }), 'replay');
    for (const p of older.profiles) {
      expect(p.status).toBe('active');
      expect(p.account.bioLinkStatus).toMatchObject({
        result: 'unknown',
        reason: expect.stringContaining('not checked'),
      });
      expect(p.findings.map((f) => f.code)).not.toContain('dead-bio-link');
    }
  });

  it('a page that answers is ok and gives no dead-link finding', async () => {
    bioLink = `${links}/ok`;
    const http = createHttpClient(inventory().settings, { env: {} });
    const report = await audit(http);
    await http.close();
    expect(report.profiles.map((p) => p.account.bioLinkStatus?.result)).toEqual(['ok', 'ok', 'ok']);
    expect(report.profiles.flatMap((p) => p.findings.map((f) => f.code))).not.toContain('dead-bio-link');
  });
});

it('a report from before bio links were opened reads them as null', () => {
  const old = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8')) as Report;
  for (const p of old.profiles) delete (p.account as Partial<typeof p.account>).bioLinkStatus;
  const upgraded = parseReport(JSON.stringify(old), 'old.json');
  expect(schemaErrors(upgraded)).toBeNull();
  expect(upgraded.profiles.map((p) => p.account.bioLinkStatus)).toEqual(old.profiles.map(() => null));
});
