/**
 * The feed adapter (RSS, Atom, JSON Feed) against real HTTP servers on 127.0.0.1 serving the demo evidence.
 */
import { describe, expect, it } from 'vitest';
import { feed } from '../../../src/platforms/feed/adapter.js';
import { parseFeed } from '../../../src/platforms/feed/parse.js';
import { makeProfile } from '../../helpers/builders.js';
import { serveRoutes } from '../../helpers/evidence-server.js';
import { demoWorld } from '../../helpers/adapter-world.js';

const world = demoWorld([
  'https://blog.northwind.example',
  'https://news.northwind.example',
  'https://press.northwind.example',
]);
const { ctx } = world;
const profile = makeProfile;

describe('feed adapter', () => {
  it('reads an RSS feed', async () => {
    const out = await feed.fetch(profile(`${world.server(0).url}/feed.xml`), ctx());
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
    const out = await feed.fetch(profile(`${world.server(1).url}/`, 'feed'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(out.timeline.sourceUrl).toBe(`${world.server(1).url}/atom.xml`);
  });

  it('decodes an ISO-8859-1 feed', async () => {
    const out = await feed.fetch(profile(`${world.server(2).url}/rss`), ctx());
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
