/**
 * The third hostile-input pass (issue 30), the network edge and the parsing of pages: nesting and
 * selector searches, URLs a server hands over, one time budget per profile, the --record/--cache
 * folders, proxies that close the connection. One test per item, named after it; each was seen failing
 * before its fix. (The other items of the pass are in hostile-input-3.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractSiteLinks } from '../src/discovery/site-links.js';
import { discoverFeeds } from '../src/platforms/feed/discover.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { embeddedThreadsPosts } from '../src/platforms/threads/embedded.js';
import { facebookPostDates } from '../src/platforms/walled/facebook-posts.js';
import { extractPageDates } from '../src/platforms/web/page-dates.js';
import { htmlToText, MAX_ITEM_HTML } from '../src/sources/text.js';
import { cli } from './helpers/cli.js';
import { serveRoutes } from './helpers/evidence-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-3-network-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function inventory(name: string, profiles: string, settings = ''): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, `company: Hostile network\n${settings}profiles:\n${profiles}`);
  return file;
}

/** A hang guard: a test of these finishes in moments, and one that does not is a failure, not a stuck run. */
const MOMENTS = 10_000;
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
