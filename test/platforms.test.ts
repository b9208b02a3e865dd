/** Adapters against real HTTP servers on 127.0.0.1 serving the demo evidence (written in the services' formats). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../src/http/live.js';
import { bluesky } from '../src/platforms/bluesky/adapter.js';
import { feed } from '../src/platforms/feed/adapter.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import { adapterFor } from '../src/platforms/registry.js';
import type { AdapterContext } from '../src/platforms/types.js';
import { AS_OF, settings, makeProfile } from './helpers/builders.js';
import { serveEvidence, serveRoutes, type LocalServer } from './helpers/evidence-server.js';

const EVIDENCE = 'fixtures/demo/evidence';
let masto: LocalServer, bsky: LocalServer, blog: LocalServer, news: LocalServer, press: LocalServer;
const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {} });

beforeAll(async () => {
  masto = await serveEvidence(EVIDENCE, 'https://social.northwind.example');
  bsky = await serveEvidence(EVIDENCE, 'https://public.api.bsky.app');
  blog = await serveEvidence(EVIDENCE, 'https://blog.northwind.example');
  news = await serveEvidence(EVIDENCE, 'https://news.northwind.example');
  press = await serveEvidence(EVIDENCE, 'https://press.northwind.example');
});
afterAll(async () => {
  await Promise.all([masto, bsky, blog, news, press].map((s) => s.close()));
  await http.close();
});

const profile = makeProfile;
const ctx = (): AdapterContext => ({
  http,
  settings,
  endpoints: { ...settings.endpoints, bluesky: bsky.url },
  asOf: AS_OF,
});

describe('mastodon adapter', () => {
  it('looks up the account and pages statuses by the Link header until the window is covered', async () => {
    const out = await mastodon.fetch(profile(`${masto.url}/@northwind_help`, 'mastodon'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    const pages = masto.requests.filter((r) => r.includes('/statuses'));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[1]).toMatch(/max_id=\d+/);
    expect(out.timeline.posts.length).toBeGreaterThanOrEqual(400);
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect(kinds.has('reply')).toBe(true);
    expect(out.timeline.posts.find((p) => p.kind === 'reply')!.inReplyToCreatedAt).not.toBeNull();
  });

  it('classifies self-threads and boosts', async () => {
    const out = await mastodon.fetch(profile(`${masto.url}/@northwind`, 'mastodon'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    const kinds = out.timeline.posts.map((p) => p.kind);
    expect(kinds).toContain('thread');
    expect(kinds).toContain('repost');
  });

  it('reports a 404 account as unreachable with the evidence', async () => {
    const out = await mastodon.fetch(profile(`${masto.url}/@northwind_shop`, 'mastodon'), ctx());
    expect(out).toMatchObject({ kind: 'unreachable', fetch: { httpStatus: 404 } });
  });

  it('reports a refused connection as an error, not unreachable', async () => {
    const out = await mastodon.fetch(profile('http://127.0.0.1:9/@nobody', 'mastodon'), ctx());
    expect(out.kind).toBe('error');
  });
});

describe('bluesky adapter', () => {
  it('reads the profile and the author feed with replies, reposts and threads', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['original', 'reply', 'repost', 'thread']);
    expect(bsky.requests.some((r) => r.includes('filter=posts_with_replies'))).toBe(true);
  });

  it('pages by cursor', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwindhelp.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(bsky.requests.some((r) => r.includes('cursor='))).toBe(true);
    expect(out.timeline.posts.length).toBeGreaterThan(100);
  });

  it('reports "Profile not found" as unreachable', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind-outlet.bsky.social'), ctx());
    expect(out.kind).toBe('unreachable');
  });
});

describe('feed adapter', () => {
  it('reads an RSS feed', async () => {
    const out = await feed.fetch(profile(`${blog.url}/feed.xml`), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.timeline.posts.length).toBeGreaterThan(10);
    expect(out.timeline.repliesVisible).toBe(false);
  });

  it("reads an item's HTML as text: entities decoded, scripts and styles left out", () => {
    const rss = `<rss version="2.0"><channel><title>t</title><item><title>Caf&amp;eacute; news</title>
      <description><![CDATA[<p>Open &amp; <b>ready</b></p><script>track()</script><style>p{}</style><p>été</p>]]></description>
      <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    const [item] = parseFeed(rss).items;
    expect(item!.title).toBe('Café news');
    expect(item!.text).toBe('Café news — Open & ready été'); // paragraphs apart, whitespace collapsed
  });

  it('finds the feed of a page by <link rel="alternate">', async () => {
    const out = await feed.fetch(profile(`${news.url}/`, 'feed'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.timeline.sourceUrl).toBe(`${news.url}/atom.xml`);
  });

  it('decodes an ISO-8859-1 feed', async () => {
    const out = await feed.fetch(profile(`${press.url}/rss`), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.timeline.posts[0]!.text).toContain('Communiqué');
    expect(out.timeline.posts[0]!.text).toContain('Équipe presse, Montréal');
  });

  it('turns a page without a feed, an empty body and garbage into errors', async () => {
    const server = await serveRoutes({
      '/page': { type: 'text/html', body: '<!doctype html><html><head><title>x</title></head></html>' },
      '/empty': { type: 'application/rss+xml', body: '' },
      '/noise': { type: 'application/rss+xml', body: '\u0001\u0002 line noise' },
    });
    try {
      for (const [path, reason] of [
        ['/page', /announces no feed/],
        ['/empty', /empty response/],
        ['/noise', /not a feed/],
      ] as const) {
        const out = await feed.fetch(profile(`${server.url}${path}`, 'feed'), ctx());
        expect(out.kind).toBe('error');
        if (out.kind === 'error') expect(out.reason).toMatch(reason);
      }
    } finally {
      await server.close();
    }
  });

  it('parses a feed with no dates into undated posts', () => {
    const parsed = parseFeed(
      '<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>',
    );
    expect(parsed.items).toEqual([expect.objectContaining({ title: 'a', publishedAt: null })]);
  });

  it('parses JSON Feed', () => {
    const parsed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 't',
        items: [{ id: 1, content_text: 'hi', date_published: '2026-10-01T10:00:00+02:00' }],
      }),
    );
    expect(parsed.items[0]).toMatchObject({ id: '1', publishedAt: '2026-10-01T08:00:00.000Z' });
  });
});

describe('platform detection', () => {
  it.each([
    ['https://mastodon.social/@northwind', 'mastodon'],
    ['https://bsky.app/profile/northwind.bsky.social', 'bluesky'],
    ['https://blog.northwind.example/feed.xml', 'feed'],
    ['https://northwind.substack.com/', 'feed'],
    ['https://medium.com/@northwind', 'feed'],
    ['https://x.com/northwind', 'x'],
    ['https://twitter.com/northwind', 'x'],
    ['https://www.youtube.com/@northwind', 'youtube'],
    ['https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q', 'youtube'],
    ['https://www.youtube.com/c/Northwind', 'youtube'],
    ['https://www.youtube.com/user/northwind', 'youtube'],
    ['https://www.reddit.com/user/northwind', 'reddit'],
    ['https://old.reddit.com/r/northwind/', 'reddit'],
    ['https://www.threads.net/@northwind', 'threads'],
    ['https://www.threads.com/@northwind', 'threads'],
    ['https://www.tiktok.com/@northwind', 'tiktok'],
    ['https://www.instagram.com/northwind/', 'instagram'],
    ['https://www.linkedin.com/company/northwind', 'linkedin'],
    ['https://www.facebook.com/northwind', 'facebook'],
    ['https://m.facebook.com/northwind', 'facebook'],
    ['https://www.northwind.example/about', 'web'],
  ])('%s → %s', async (url, id) => {
    expect((await adapterFor(profile(url)))?.id ?? null).toBe(id);
  });
});
