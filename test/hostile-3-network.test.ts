/**
 * The third hostile-input pass (issue 30), the network edge and the parsing of pages: nesting and
 * selector searches, URLs a server hands over, one time budget per profile, the --record/--cache
 * folders, proxies that close the connection. One test per item, named after it; each was seen failing
 * before its fix. (The other items of the pass are in the other hostile-3-*.test.ts files.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingHttpClient, ReplayHttpClient, writeExchange } from '../src/http/evidence.js';
import { LiveHttpClient } from '../src/http/live.js';
import { isPrivateAddress } from '../src/http/private-address.js';
import { FetchError } from '../src/http/types.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import type { AdapterContext } from '../src/platforms/types.js';
import { web } from '../src/platforms/web/adapter.js';
import { extractSiteLinks } from '../src/discovery/site-links.js';
import { discoverFeeds } from '../src/platforms/feed/discover.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { embeddedThreadsPosts } from '../src/platforms/threads/embedded.js';
import { facebookPostDates } from '../src/platforms/walled/facebook-posts.js';
import { extractPageDates } from '../src/platforms/web/page-dates.js';
import { htmlToText, MAX_ITEM_HTML } from '../src/sources/text.js';
import { AS_OF, makeProfile, settings } from './helpers/builders.js';
import { cli } from './helpers/cli.js';
import { type LocalServer, serveRoutes } from './helpers/evidence-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-3-network-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function inventory(name: string, profiles: string, settings = ''): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, `company: Hostile network\n${settings}profiles:\n${profiles}`);
  return file;
}

/** A hang guard: a test of these finishes in moments, and one that does not is a failure, not a stuck run. */
const MOMENTS = 10_000;

/** serveRoutes on another loopback address (127.0.0.x): a second host for tests that need two. */
async function serveRoutesAt(
  address: string,
  routes: Record<string, { status?: number; type?: string; body: string; headers?: Record<string, string> }>,
): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const route = routes[req.url ?? '/'];
    res.writeHead(route?.status ?? (route ? 200 : 404), {
      'content-type': route?.type ?? 'text/plain',
      ...route?.headers,
    });
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const url = `http://${address}:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
const TOO_DEEP = /nests elements more than 256 deep: refused as malformed/;

describe('critical 6: a 3.6 MB page of 600,000 nested <body> tags', () => {
  // every element a parser keeps open, the ones HTML lets a page leave unclosed included
  const KEPT_OPEN = ['body', 'html', 'head', 'caption', 'colgroup', 'thead', 'tfoot', 'rb', 'div'];

  it.each(KEPT_OPEN)(
    '600,000 nested <%s> are refused as malformed by every page reader, in moments',
    (tag) => {
      const page = `<html><body>${`<${tag}>`.repeat(600_000)}x`;
      expect(page.length).toBeGreaterThan(2_400_000);
      expect(() => extractPageDates(page, 'https://example.org/')).toThrow(TOO_DEEP);
      expect(() => discoverFeeds(page, 'https://example.org/')).toThrow(TOO_DEEP);
      expect(() => extractSiteLinks(page, 'https://example.org/')).toThrow(TOO_DEEP);
      expect(() => facebookPostDates(`publish_time${page}`, 'https://m.facebook.com/a')).toThrow(TOO_DEEP);
      expect(() => embeddedThreadsPosts(page, 'a', 'https://www.threads.net')).toThrow(TOO_DEEP);
    },
    MOMENTS,
  );

  it('a page that repeats <body> a few times, as broken templates do, still reads', () => {
    const page = `<html><body><body><body><article><time datetime="2026-10-01T10:00:00Z">Oct 1</time><h2>Launch</h2></article></body></body></body></html>`;
    expect(extractPageDates(page, 'https://example.org/').items).toEqual([
      { date: '2026-10-01T10:00:00.000Z', text: 'Launch', url: null, source: 'time' },
    ]);
  });

  it(
    'its siblings: a feed (XML) and a post (HTML fragment) of the same, in moments',
    () => {
      const deep = '<body>'.repeat(600_000);
      expect(() => parseFeed(`<rss version="2.0"><channel>${deep}</channel></rss>`)).toThrow(TOO_DEEP);
      expect(htmlToText(`Hello${deep}world`).length).toBeLessThanOrEqual(MAX_ITEM_HTML);
    },
    MOMENTS,
  );

  it('the audit of a website serving it makes the profile `error` and goes on', async () => {
    const site = await serveRoutes({
      '/': { type: 'text/html', body: `<html><body>${'<body>'.repeat(600_000)}` },
      '/feed.xml': {
        type: 'application/rss+xml',
        body: '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>',
      },
    });
    try {
      const inv = inventory(
        'deep-page',
        `  - url: ${site.url}/\n    platform: web\n  - url: ${site.url}/feed.xml\n    platform: feed\n`,
      );
      const out = join(tmp, 'deep-page.json');
      await cli(['audit', inv, '--as-of', '2026-11-01', '--format', 'json', '-o', out, '--fail-on', 'never']);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(report.profiles[0].status).toBe('error');
      expect(report.profiles[0].statusReason).toMatch(TOO_DEEP);
      expect(report.profiles[1].status).toBe('active');
    } finally {
      await site.close();
    }
  }, 30_000);
});

describe('critical 6: no selector search over a page is quadratic', () => {
  const N = 100_000;
  // each took minutes (quadratic): the guard leaves room for a loaded 2-core machine
  const MOMENTS = 30_000;

  it(
    'an <article> of 100,000 <time>s: each dated, the article read once',
    () => {
      const page = `<html><body><article><h2>All</h2>${'<time datetime="2026-10-01T10:00:00Z">x</time>'.repeat(N)}</article></body></html>`;
      const dates = extractPageDates(page, 'https://example.org/');
      expect(dates.found.time).toBe(N);
      expect(dates.items).toEqual([{ date: '2026-10-01T10:00:00.000Z', text: 'All', url: null, source: 'time' }]);
    },
    MOMENTS,
  );

  it(
    '<time>s in 250 nested sections without headings: text read only as far as it is kept',
    () => {
      const page = `<html><body>${'<section>'.repeat(250)}${'<time datetime="2026-10-01T10:00:00Z">x</time><b>words words words</b>'.repeat(N / 2)}</body></html>`;
      const dates = extractPageDates(page, 'https://example.org/');
      expect(dates.items).toHaveLength(1);
      expect(dates.items[0]!.text.length).toBe(500);
    },
    MOMENTS,
  );

  it(
    '100,000 top-level elements (no <html> around them) for every reader that searches a page',
    () => {
      const links = '<a href="https://www.instagram.com/brand/">i</a>'.repeat(N);
      expect(extractSiteLinks(links, 'https://example.org/').profiles).toHaveLength(1);
      const feeds = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'.repeat(N);
      expect(discoverFeeds(feeds, 'https://example.org/')).toEqual(['https://example.org/feed.xml']);
      const stories = `<div data-ft='{"publish_time":1790000000,"top_level_post_id":"1"}'><p>hi</p></div>`.repeat(N);
      expect(facebookPostDates(stories, 'https://m.facebook.com/a')).toHaveLength(1);
      const scripts = '<script type="application/json">{"thread_items":[]}</script>'.repeat(N);
      expect(embeddedThreadsPosts(scripts, 'a', 'https://www.threads.net')).toEqual([]);
      const times = '<time datetime="2026-10-01T10:00:00Z">x</time>'.repeat(N);
      expect(extractPageDates(times, 'https://example.org/').found.time).toBe(N);
    },
    MOMENTS,
  );

  it(
    '250 nested Facebook stories around 100,000 paragraphs: each story read only as far as kept',
    () => {
      const open = Array.from(
        { length: 250 },
        (_, i) => `<div data-ft='{"publish_time":1790000000,"top_level_post_id":"${i}"}'>`,
      ).join('');
      const posts = facebookPostDates(`${open}${'<p>hello world</p>'.repeat(N)}`, 'https://m.facebook.com/a');
      expect(posts).toHaveLength(250);
      expect(posts[0]!.text.length).toBe(500);
    },
    MOMENTS,
  );
});

describe('critical 7: URLs a server hands over are fetched only at public addresses', () => {
  // the test servers are on 127.0.0.x; the resolver plays DNS: it makes 127.0.0.3 "public" and names
  // internal hosts, as item 13 of hostile-input.test.ts does for redirects
  const addresses: Record<string, string[]> = {
    '127.0.0.3': ['93.184.216.34'],
    'metadata.google.internal': ['169.254.169.254'],
    'both.example': ['93.184.216.35', '10.1.2.3'],
  };
  const resolve = async (host: string) => addresses[host] ?? [host];
  const client = (allowPrivateRedirects = false) =>
    new LiveHttpClient({
      userAgent: 't',
      timeoutMs: 2000,
      env: {},
      hostLimits: { concurrency: 2, intervalMs: 0 },
      retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
      resolve,
      allowPrivateRedirects,
    });
  const SECRET = 'AKIA-instance-role-credentials';
  let inside: LocalServer; // the private side: the machine itself, reachable, with something to steal
  let site: LocalServer; // the "public" side
  beforeAll(async () => {
    inside = await serveRoutesAt('127.0.0.2', {
      '/latest/meta-data/iam/': { type: 'text/plain', body: SECRET },
      '/statuses': { type: 'application/json', body: JSON.stringify([{ id: '9', content: SECRET }]) },
      '/feed.xml': {
        type: 'application/rss+xml',
        body: `<rss version="2.0"><channel><title>${SECRET}</title><item><title>${SECRET}</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>`,
      },
    });
    const privateUrl = inside.url;
    site = await serveRoutesAt('127.0.0.3', {
      '/api/v1/accounts/lookup?acct=brand': { type: 'application/json', body: '{"id":"1","username":"brand"}' },
      '/api/v1/accounts/1/statuses?limit=40': {
        type: 'application/json',
        body: JSON.stringify([
          {
            id: '110000000000000001',
            created_at: '2026-10-29T10:00:00.000Z',
            content: '<p>hello</p>',
            replies_count: 0,
          },
        ]),
        headers: { link: `<${privateUrl}/statuses>; rel="next"` },
      },
      '/blog': {
        type: 'text/html',
        body: `<html><head><link rel="alternate" type="application/rss+xml" href="${privateUrl}/feed.xml"></head><body>hi</body></html>`,
      },
    });
  });
  afterAll(async () => {
    await site.close();
    await inside.close();
  });
  const ctx = (http: AdapterContext['http']): AdapterContext => ({
    http,
    settings,
    endpoints: settings.endpoints,
    asOf: AS_OF,
  });

  it("a Mastodon Link: rel=next and a page's feed link into a private address are refused, and nothing of them is recorded", async () => {
    const record = mkdtempSync(join(tmp, 'record-'));
    const live = client();
    const http = new RecordingHttpClient(live, record);
    try {
      const before = inside.requests.length;
      const masto = await mastodon.fetch(makeProfile(`${site.url}/@brand`, 'mastodon'), ctx(http));
      expect(masto.kind).toBe('error');
      expect(JSON.stringify(masto)).toContain(
        `a URL from ${new URL(site.url).host} (a public address) leading to a private one (${new URL(inside.url).host}) refused; set allowPrivateRedirects: true for intranet audits`,
      );
      const page = await web.fetch(makeProfile(`${site.url}/blog`, 'web'), ctx(http));
      expect(page.kind).toBe('error');
      expect(JSON.stringify(page)).toMatch(/leading to a private one \(127\.0\.0\.2:\d+\) refused/);
      expect(inside.requests.length).toBe(before);
      const recorded = readdirSync(record, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
        .join('\n');
      expect(recorded).toContain('refused');
      expect(recorded).not.toContain(SECRET);
      expect(JSON.stringify([masto, page])).not.toContain(SECRET);
    } finally {
      await live.close();
    }
  });

  it('allowPrivateRedirects lets them through (intranet audits)', async () => {
    const http = client(true);
    try {
      const page = await web.fetch(makeProfile(`${site.url}/blog`, 'web'), ctx(http));
      expect(page.kind).toBe('ok');
      expect(JSON.stringify(page)).toContain(SECRET);
    } finally {
      await http.close();
    }
  });

  it('an intranet the inventory names may link inside itself (private to private)', async () => {
    const http = client();
    try {
      const feed = await http.get(`${inside.url}/feed.xml`, { from: `${inside.url}/blog` });
      expect(feed.status).toBe(200);
    } finally {
      await http.close();
    }
  });

  it.each([
    ['169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['10.0.0.1/admin', '10.0.0.1'],
    ['[::1]/', '[::1]'],
    ['2130706433/', '127.0.0.1'],
    ['0x7f.1/', '127.0.0.1'],
    ['0177.0.0.1/', '127.0.0.1'],
    ['metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is 169.254.169.254'],
    ['both.example/', 'both.example is 10.1.2.3'],
    ['[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['[::7f00:1]/', '[::7f00:1]'],
    ['[64:ff9b::a9fe:a9fe]/', '[64:ff9b::a9fe:a9fe]'],
    ['[64:ff9b:1::808:808]/', '[64:ff9b:1::808:808]'],
    ['[2002:7f00:1::1]/', '[2002:7f00:1::1]'],
  ])(
    'http://%s handed over by a public server is refused before any request, as a redirect there is',
    async (target, shown) => {
      const http = client();
      try {
        const link = await http.get(`http://${target}`, { from: `${site.url}/page` }).catch((e: unknown) => e);
        expect(link).toBeInstanceOf(FetchError);
        expect((link as FetchError).code).toBe('private-address');
        expect((link as FetchError).message).toBe(
          `a URL from ${new URL(site.url).host} (a public address) leading to a private one (${shown}) refused; set allowPrivateRedirects: true for intranet audits`,
        );
      } finally {
        await http.close();
      }
    },
  );

  it('NAT64, 6to4, Teredo and IPv4-compatible addresses are judged by the IPv4 address they reach', () => {
    for (const address of [
      '::7f00:1',
      '::ffff:7f00:1',
      '::ffff:0:7f00:1',
      '64:ff9b::7f00:1',
      '64:ff9b::a00:1',
      '64:ff9b:1::808:808',
      '2002:a9fe:a9fe::',
      '2002:c0a8:101::1',
      '2001:0:4136:e378:8000:63bf:80ff:fffe',
      '2001:db8::1',
      'fec0::1',
      '100::1',
    ])
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    for (const address of ['::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1', '2606:4700::1111', '8.8.8.8'])
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
  });
});

describe('must-see 4: one time budget per profile', () => {
  let slow: LocalServer;
  let pages = 0;
  beforeAll(async () => {
    // a Mastodon server that pages forever, a status a page, each page slow but well within the request timeout
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/v1/accounts/lookup') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1","username":"brand","url":"http://x/@brand"}');
        return;
      }
      if (url.pathname === '/api/v1/accounts/1/statuses') {
        const page = Number(url.searchParams.get('page') ?? 0);
        pages++;
        setTimeout(() => {
          const id = String(110000000000000000 - page);
          res.writeHead(200, {
            'content-type': 'application/json',
            link: `<${slow.url}/api/v1/accounts/1/statuses?limit=40&page=${page + 1}>; rel="next"`,
          });
          res.end(JSON.stringify([{ id, created_at: '2026-10-29T10:00:00.000Z', content: `<p>post ${page}</p>` }]));
        }, 150);
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    slow = { url, requests: [], close: () => new Promise((resolve) => server.close(() => resolve())) };
  });
  afterAll(() => slow.close());

  it('a server that pages slowly forever makes its profile `error` "took longer than …" with what was read, and the run goes on', async () => {
    const feed = await serveRoutes({
      '/feed.xml': {
        type: 'application/rss+xml',
        body: '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>',
      },
    });
    try {
      const inv = inventory(
        'endless',
        `  - url: ${slow.url}/@brand\n    platform: mastodon\n  - url: ${feed.url}/feed.xml\n    platform: feed\n`,
        'settings:\n  profileTimeoutMs: 2000\n  hostIntervalMs: 0\n  listenBudget: 0\n',
      );
      const out = join(tmp, 'endless.json');
      const started = performance.now();
      await cli(['audit', inv, '--as-of', '2026-11-01', '--format', 'json', '-o', out, '--fail-on', 'never']);
      expect(performance.now() - started).toBeLessThan(15_000);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const [endless, other] = report.profiles;
      expect(endless.status).toBe('error');
      expect(endless.statusReason).toMatch(
        /^took longer than 2 s \(settings\.profileTimeoutMs\); read \d+ posts before stopping$/,
      );
      expect(Number(/read (\d+) posts/.exec(endless.statusReason)![1])).toBeGreaterThan(2);
      expect(endless.fetch.error).toBe(endless.statusReason);
      expect(pages).toBeGreaterThan(3);
      expect(other.status).toBe('active');
      // no request goes out for the profile after its budget
      const sent = pages;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(pages).toBe(sent);
    } finally {
      await feed.close();
    }
  }, 30_000);

  it("time a request waits for its slot (the host interval, other profiles) is not the profile's", async () => {
    const status = (n: number) => ({
      id: String(110000000000000000 - n),
      created_at: '2026-10-29T10:00:00.000Z',
      content: 'hi',
    });
    const site = await serveRoutes({
      '/api/v1/accounts/lookup?acct=brand': { type: 'application/json', body: '{"id":"1","username":"brand"}' },
      ...Object.fromEntries(
        [0, 1, 2].map((n) => [
          `/api/v1/accounts/1/statuses?limit=40${n ? `&page=${n}` : ''}`,
          {
            type: 'application/json',
            body: JSON.stringify([status(n)]),
            headers: n < 2 ? { link: `</api/v1/accounts/1/statuses?limit=40&page=${n + 1}>; rel="next"` } : undefined,
          },
        ]),
      ),
    });
    try {
      // four requests 700 ms apart: 2.1 s of waiting for the host, far less of work
      const inv = inventory(
        'polite-budget',
        `  - url: ${site.url}/@brand\n    platform: mastodon\n`,
        'settings:\n  profileTimeoutMs: 1000\n  hostIntervalMs: 700\n  hostConcurrency: 1\n  listenBudget: 0\n',
      );
      const out = join(tmp, 'polite-budget.json');
      await cli(['audit', inv, '--as-of', '2026-11-01', '-f', 'json', '-o', out, '--fail-on', 'never']);
      const [profile] = JSON.parse(readFileSync(out, 'utf8')).profiles;
      expect(site.requests).toHaveLength(4);
      expect(profile.status).not.toBe('error');
    } finally {
      await site.close();
    }
  }, 30_000);

  it('--profile-timeout overrides it, and the setting is validated', async () => {
    const bad = inventory(
      'bad-budget',
      `  - url: ${slow.url}/@brand\n    platform: mastodon\n`,
      'settings:\n  profileTimeoutMs: 0\n',
    );
    const invalid = await cli(['validate', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/profileTimeoutMs: expected a number above 0 \(milliseconds\)/);
    const inv = inventory(
      'flag-budget',
      `  - url: ${slow.url}/@brand\n    platform: mastodon\n`,
      'settings:\n  hostIntervalMs: 0\n',
    );
    const out = join(tmp, 'flag-budget.json');
    const args = ['audit', inv, '--as-of', '2026-11-01', '-f', 'json', '-o', out, '--fail-on', 'never'];
    await cli([...args, '--profile-timeout', '1000']);
    expect(JSON.parse(readFileSync(out, 'utf8')).profiles[0].statusReason).toMatch(/^took longer than 1 s/);
    expect((await cli([...args, '--profile-timeout', 'soon'])).code).toBe(2);
  }, 30_000);
});

describe('major: a symlink planted in the --record or --cache folder', () => {
  const FEED =
    '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>';

  it.each(['--record', '--cache'])('%s: no write follows it out of the folder', async (flag) => {
    const site = await serveRoutes({
      '/feed.xml': { type: 'application/rss+xml', body: FEED, headers: { etag: '"v1"' } },
    });
    try {
      const folder = mkdtempSync(join(tmp, 'store-'));
      const outside = mkdtempSync(join(tmp, 'outside-'));
      // the host's folder in the store, replaced by a link to somewhere else
      symlinkSync(outside, join(folder, new URL(site.url).host.replace(':', '_')));
      const inv = inventory(`planted${flag}`, `  - url: ${site.url}/feed.xml\n    platform: feed\n`);
      const out = join(tmp, `planted${flag}.json`);
      const args = ['audit', inv, '--as-of', '2026-11-01', '-f', 'json', '-o', out, '--fail-on', 'never'];
      await cli([...args, flag, folder]);
      expect(readdirSync(outside)).toEqual([]);
      const [profile] = JSON.parse(readFileSync(out, 'utf8')).profiles;
      if (flag === '--cache')
        expect(profile.status).toBe('active'); // a cache that cannot be written costs the next run a full fetch
      else expect(profile.statusReason).toMatch(/is a symlink or leads outside/);
    } finally {
      await site.close();
    }
  });

  it('an entry read through a linked folder is not used (a cache miss, a replay that says why)', async () => {
    const folder = mkdtempSync(join(tmp, 'store-'));
    const elsewhere = mkdtempSync(join(tmp, 'elsewhere-'));
    const url = 'https://blog.example/feed.xml';
    await writeExchange(elsewhere, url, { url, finalUrl: url, status: 200, headers: {}, body: Buffer.from(FEED) });
    symlinkSync(join(elsewhere, 'blog.example'), join(folder, 'blog.example'));
    await expect(new ReplayHttpClient(folder).get(url)).rejects.toThrow(/cannot be used: refusing .* is a symlink/);
  });
});

describe('minor: an http target behind a proxy that closes the connection', () => {
  it('is the proxy failing, not the target: error (never unreachable), naming the proxy', async () => {
    const proxy = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const at = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const file = inventory('closing-proxy', '  - url: http://news.example.org/feed.xml\n');
    try {
      const { stdout } = await cli(['audit', file, '--format', 'json', '--fail-on', 'never', '--timeout', '3000'], {
        HTTP_PROXY: `http://${at}`,
        NO_PROXY: '',
      });
      const [profile] = JSON.parse(stdout).profiles;
      expect(profile.status).toBe('error');
      expect(profile.statusReason).toBe(
        `connection failed: the proxy ${at} failed (the connection closed unexpectedly) on the way to news.example.org`,
      );
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  }, 30_000);

  it('a proxy that is down or not found is named too, never a dead target', async () => {
    const settings = { userAgent: 't', timeoutMs: 2000, hostLimits: { concurrency: 1, intervalMs: 0 } };
    const retry = { retries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };
    for (const [proxy, says] of [
      ['http://127.0.0.1:9', 'the proxy 127.0.0.1:9 failed (connection refused) on the way to news.example.org'],
      ['http://proxy.invalid:3128', 'the proxy proxy.invalid:3128 was not found on the way to news.example.org'],
    ] as const) {
      const http = new LiveHttpClient({ ...settings, retry, env: { HTTP_PROXY: proxy } });
      try {
        const error = await http.get('http://news.example.org/feed.xml').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FetchError);
        expect([(error as FetchError).code, (error as FetchError).message]).toEqual([
          'connection',
          `connection failed: ${says}`,
        ]);
      } finally {
        await http.close();
      }
    }
  });
});
