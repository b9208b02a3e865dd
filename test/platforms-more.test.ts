/** YouTube, Reddit, Threads and web-page adapters against local servers (demo evidence and hand-made faults). */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../src/http/live.js';
import type { FetchOutcome } from '../src/model/index.js';
import { reddit } from '../src/platforms/reddit/adapter.js';
import { threads } from '../src/platforms/threads/adapter.js';
import { web } from '../src/platforms/web/adapter.js';
import { extractPageDates } from '../src/platforms/web/page-dates.js';
import { youtube } from '../src/platforms/youtube/adapter.js';
import { AS_OF, settings, makeProfile } from './helpers/builders.js';
import { serveEvidence, serveRoutes, type LocalServer } from './helpers/evidence-server.js';
import { wallPage } from './helpers/walls.js';

const EVIDENCE = 'fixtures/demo/evidence';
const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {} });
let yt: LocalServer, rd: LocalServer, th: LocalServer, trails: LocalServer;

beforeAll(async () => {
  yt = await serveEvidence(EVIDENCE, 'https://www.youtube.com');
  rd = await serveEvidence(EVIDENCE, 'https://www.reddit.com');
  th = await serveEvidence(EVIDENCE, 'https://www.threads.net');
  trails = await serveEvidence(EVIDENCE, 'https://trails.northwind.example');
});
afterAll(async () => {
  await Promise.all([yt, rd, th, trails].map((s) => s.close()));
  await http.close();
});

const profile = makeProfile;
const ctx = (endpoints: Partial<typeof settings.endpoints> = {}) => ({
  http,
  settings,
  endpoints: { ...settings.endpoints, youtube: yt.url, reddit: rd.url, ...endpoints },
  asOf: AS_OF,
});
const wall = wallPage('youtube-consent.html');

async function withRoutes(
  routes: Parameters<typeof serveRoutes>[0],
  run: (url: string) => Promise<FetchOutcome>,
): Promise<FetchOutcome> {
  const server = await serveRoutes(routes);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

describe('youtube adapter', () => {
  it('resolves @handle to the channel id from the page, then reads the channel feed', async () => {
    const out = await youtube.fetch(profile('https://www.youtube.com/@northwindoutfitters'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(yt.requests.slice(-2)).toEqual([
      '/@northwindoutfitters',
      `/feeds/videos.xml?channel_id=UC${'NorthwindOutfitters'.padEnd(22, 'x')}`,
    ]);
    expect(out.timeline.posts).toHaveLength(15);
    expect(out.timeline.sampleNote).toMatch(/newest ~15 videos/);
    expect(out.timeline.repliesVisible).toBe(false);
    expect(out.timeline.facts).toMatchObject({ displayName: 'Northwind Outfitters', handle: '@northwindoutfitters' });
  });

  it('takes the id straight from a /channel/UC… URL without fetching the page', async () => {
    const before = yt.requests.length;
    const out = await youtube.fetch(
      profile(`https://www.youtube.com/channel/UC${'NorthwindOutfitters'.padEnd(22, 'x')}`),
      ctx(),
    );
    expect(out.kind).toBe('ok');
    expect(yt.requests.slice(before)).toEqual([
      `/feeds/videos.xml?channel_id=UC${'NorthwindOutfitters'.padEnd(22, 'x')}`,
    ]);
  });

  it.each([
    [
      '/c/Northwind',
      {
        '/c/Northwind': {
          type: 'text/html',
          body: '<html><head><link rel="alternate" type="application/rss+xml" title="RSS" href="https://www.youtube.com/feeds/videos.xml?channel_id=UCaaaaaaaaaaaaaaaaaaaaaa"></head></html>',
        },
      },
    ],
    [
      '/user/northwind',
      {
        '/user/northwind': {
          type: 'text/html',
          body: '<html><head><meta itemprop="channelId" content="UCaaaaaaaaaaaaaaaaaaaaaa"></head></html>',
        },
      },
    ],
  ])('finds the channel id of %s in the RSS link or itemprop meta', async (path, routes) => {
    const dir = `${EVIDENCE}/www.youtube.com`;
    // evidence files are named by the hash of their URL: find the channel feed's by the URL it records
    const meta = readdirSync(dir).find(
      (f) =>
        f.endsWith('.json') &&
        (JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { url: string }).url.includes('/feeds/videos.xml'),
    )!;
    const feed = { type: 'application/atom+xml', body: readFileSync(`${dir}/${meta.replace(/\.json$/, '.body')}`) };
    const out = await withRoutes({ ...routes, '/feeds/videos.xml?channel_id=UCaaaaaaaaaaaaaaaaaaaaaa': feed }, (url) =>
      youtube.fetch(profile(`https://www.youtube.com${path}`), ctx({ youtube: url })),
    );
    expect(out).toMatchObject({ kind: 'ok', timeline: { platform: 'youtube' } });
  });

  it("reports a terminated channel (feed 404 with Google's error page) as unreachable", async () => {
    const out = await withRoutes(
      {
        '/feeds/videos.xml?channel_id=UCTGjY2I-ZUGnwVoWAGRd7XQ': {
          status: 404,
          type: 'text/html; charset=UTF-8',
          body: '<!DOCTYPE html><html lang=en><title>Error 404 (Not Found)!!1</title><p><b>404.</b> <ins>That’s an error.</ins></html>',
        },
      },
      (url) =>
        youtube.fetch(profile('https://www.youtube.com/channel/UCTGjY2I-ZUGnwVoWAGRd7XQ'), ctx({ youtube: url })),
    );
    expect(out).toMatchObject({ kind: 'unreachable', fetch: { httpStatus: 404 } });
  });

  it("reports a channel page with an error alert as unreachable, with YouTube's words", async () => {
    const body = `<html><script>var ytInitialData = ${JSON.stringify({ alerts: [{ alertRenderer: { type: 'ERROR', text: { simpleText: 'This channel does not exist.' } } }] })};</script></html>`;
    const out = await withRoutes({ '/@gone': { type: 'text/html', body } }, (url) =>
      youtube.fetch(profile('https://www.youtube.com/@gone'), ctx({ youtube: url })),
    );
    expect(out).toMatchObject({ kind: 'unreachable', reason: 'YouTube says: This channel does not exist.' });
  });

  it.each([
    [
      'consent page',
      {
        '/@northwind': { status: 302, body: '', headers: { location: '/consent' } },
        '/consent': { type: 'text/html', body: wall },
      },
      /^youtube-consent: /,
    ],
    [
      'bot check',
      { '/@northwind': { type: 'text/html', body: wallPage('youtube-bot-check.html') } },
      /^youtube-bot-check: /,
    ],
  ])('reports a %s as blocked, not unreachable', async (_, routes, evidence) => {
    const out = await withRoutes(routes, (url) =>
      youtube.fetch(profile('https://www.youtube.com/@northwind'), ctx({ youtube: url })),
    );
    expect(out).toMatchObject({ kind: 'blocked', evidence: expect.stringMatching(evidence) });
  });
});

describe('reddit adapter', () => {
  it("reads a user's overview: comments are replies, submissions originals", async () => {
    const out = await reddit.fetch(profile('https://www.reddit.com/user/northwind_official'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['original', 'reply']);
    expect(out.timeline.repliesVisible).toBe(true);
    expect(rd.requests).toContain('/user/northwind_official/about.json?raw_json=1');
  });

  const listing = (after: string | null, t: number) =>
    JSON.stringify({
      kind: 'Listing',
      data: {
        after,
        children: [
          {
            kind: 't3',
            data: { name: `t3_${t}`, created_utc: t, title: 'x', selftext: '', permalink: `/r/a/comments/${t}/` },
          },
        ],
      },
    });
  const about = { type: 'application/json', body: JSON.stringify({ kind: 't5', data: { title: 'Northwind fans' } }) };

  it('pages a subreddit by `after` and treats its submissions as community posts (replies not visible)', async () => {
    const recent = AS_OF.getTime() / 1000 - 86400;
    const out = await withRoutes(
      {
        '/r/northwind/about.json?raw_json=1': about,
        '/r/northwind/new.json?limit=100&sort=new&raw_json=1': {
          type: 'application/json',
          body: listing('t3_b', recent),
        },
        '/r/northwind/new.json?limit=100&sort=new&raw_json=1&after=t3_b': {
          type: 'application/json',
          body: listing(null, recent - 86400),
        },
      },
      (url) => reddit.fetch(profile('https://old.reddit.com/r/northwind/'), ctx({ reddit: url })),
    );
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.timeline.posts).toHaveLength(2);
    expect(out.timeline.repliesVisible).toBe(false);
    expect(out.timeline.facts.displayName).toBe('Northwind fans');
  });

  it.each([
    [
      '403 "blocked by network security"',
      'blocked',
      { status: 403, type: 'text/html', body: wallPage('reddit-network-security.html') },
      /^reddit-network-security: HTTP 403/,
    ],
    [
      'an HTML page instead of JSON',
      'blocked',
      {
        status: 200,
        type: 'text/html',
        body: '<!DOCTYPE html><html><head><title>reddit.com: Over 18?</title></head></html>',
      },
      /^reddit-html-instead-of-json/,
    ],
    [
      'a private subreddit',
      'blocked',
      { status: 403, type: 'application/json', body: '{"reason": "private", "message": "Forbidden", "error": 403}' },
      /^reddit-private/,
    ],
    [
      '429 rate limit',
      'error',
      { status: 429, type: 'application/json', body: '{"message": "Too Many Requests", "error": 429}' },
      null,
    ],
    [
      '404',
      'unreachable',
      { status: 404, type: 'application/json', body: '{"message": "Not Found", "error": 404}' },
      null,
    ],
  ] as const)('reports %s as %s', async (_, kind, route, evidence) => {
    const out = await withRoutes({ '/r/northwind/about.json?raw_json=1': route }, (url) =>
      reddit.fetch(profile('https://www.reddit.com/r/northwind'), ctx({ reddit: url })),
    );
    expect(out.kind).toBe(kind);
    if (evidence && out.kind === 'blocked') expect(out.evidence).toMatch(evidence);
  });

  it("does not take a comment that quotes Reddit's refusal for the refusal itself", async () => {
    const comment = {
      kind: 't1',
      data: {
        name: 't1_a',
        created_utc: AS_OF.getTime() / 1000 - 3600,
        body: "You've been blocked by network security? Try again later.",
        parent_id: 't1_b',
        permalink: '/r/a/comments/b/_/a/',
      },
    };
    const out = await withRoutes(
      {
        '/user/northwind/about.json?raw_json=1': {
          type: 'application/json',
          body: '{"kind": "t2", "data": {"name": "northwind"}}',
        },
        '/user/northwind/overview.json?limit=100&sort=new&raw_json=1': {
          type: 'application/json',
          body: JSON.stringify({ kind: 'Listing', data: { after: null, children: [comment] } }),
        },
      },
      (url) => reddit.fetch(profile('https://www.reddit.com/user/northwind'), ctx({ reddit: url })),
    );
    expect(out).toMatchObject({ kind: 'ok', timeline: { posts: [{ kind: 'reply' }] } });
  });

  it('reports a suspended user as unreachable', async () => {
    const out = await withRoutes(
      {
        '/user/gone/about.json?raw_json=1': {
          type: 'application/json',
          body: '{"kind": "t2", "data": {"is_suspended": true, "name": "gone"}}',
        },
      },
      (url) => reddit.fetch(profile('https://www.reddit.com/u/gone'), ctx({ reddit: url })),
    );
    expect(out).toMatchObject({ kind: 'unreachable', reason: 'Reddit user u/gone is suspended' });
  });
});

describe('threads adapter', () => {
  it('reads the posts the profile and replies pages embed, with reply parents dated', async () => {
    const out = await threads.fetch(profile(`${th.url}/@northwind`, 'threads'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(th.requests).toEqual(expect.arrayContaining(['/@northwind', '/@northwind/replies']));
    const replies = out.timeline.posts.filter((p) => p.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.inReplyToCreatedAt !== null)).toBe(true);
    expect(out.timeline.posts.some((p) => p.kind === 'original')).toBe(true);
  });

  it('reports the login page as blocked', async () => {
    const out = await withRoutes(
      { '/@northwind': { type: 'text/html', body: wallPage('threads-login.html') } },
      (url) => threads.fetch(profile(`${url}/@northwind`, 'threads'), ctx()),
    );
    expect(out).toMatchObject({ kind: 'blocked', evidence: 'threads-login: <title> "Threads • Log in"' });
  });
});

describe('web page adapter', () => {
  it('reads JSON-LD and <time> dates from a page without a feed, and says where they came from', async () => {
    const out = await web.fetch(profile(`${trails.url}/`), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.timeline.method).toBe('html');
    expect(out.timeline.sampleNote).toMatch(
      /^dates read from the page: 3 JSON-LD datePublished, \d+ <time datetime> elements, page modified \d{4}-\d\d-\d\d$/,
    );
    expect(out.timeline.facts.lastPostAt).not.toBeNull();
  });

  it('audits the feed a page announces', async () => {
    const out = await withRoutes(
      {
        '/': {
          type: 'text/html',
          body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>',
        },
        '/feed': {
          type: 'application/rss+xml',
          body: '<rss version="2.0"><channel><title>t</title><item><title>a</title><pubDate>Mon, 05 Oct 2026 10:00:00 +0000</pubDate></item></channel></rss>',
        },
      },
      (url) => web.fetch(profile(`${url}/`), ctx()),
    );
    expect(out).toMatchObject({
      kind: 'ok',
      timeline: { method: 'feed', platform: 'web', sampleNote: expect.stringMatching(/announced by/) },
    });
  });

  it('calls a page with no dates an error "no dated content", not active', async () => {
    const out = await withRoutes(
      {
        '/': {
          type: 'text/html',
          body: '<!doctype html><html><head><title>Hello</title></head><body><p>Welcome</p></body></html>',
        },
      },
      (url) => web.fetch(profile(`${url}/`), ctx()),
    );
    expect(out).toMatchObject({ kind: 'error', reason: expect.stringMatching(/^no dated content/) });
  });

  it('extracts article:published_time, og:updated_time and nested JSON-LD @graph dates', () => {
    const dates = extractPageDates(
      `<html><head><meta property="og:title" content="Launch"><meta property="article:published_time" content="2026-09-01T08:00:00+02:00"><meta property="og:updated_time" content="2026-09-03T08:00:00Z">
       <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Hello","datePublished":"2026-08-01"}]}</script><script type="application/ld+json">{ broken</script></head></html>`,
      'https://example.org/',
    );
    expect(dates.items.map((i) => [i.source, i.date])).toEqual([
      ['json-ld', '2026-08-01T00:00:00.000Z'],
      ['meta', '2026-09-01T06:00:00.000Z'],
    ]);
    expect(dates.modifiedAt).toBe('2026-09-03T08:00:00.000Z');
  });
});
