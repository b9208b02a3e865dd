/**
 * The web page adapter against local servers (demo evidence and hand-made pages).
 */
import { describe, expect, it } from 'vitest';
import { web } from '../../../src/platforms/web/adapter.js';
import { extractPageDates } from '../../../src/platforms/web/page-dates.js';
import { makeProfile } from '../../helpers/builders.js';
import { withRoutes } from '../../helpers/evidence-server.js';
import { demoWorld } from '../../helpers/adapter-world.js';

const world = demoWorld(['https://trails.northwind.example']);
const { ctx } = world;
const profile = makeProfile;

describe('web page adapter', () => {
  it('reads JSON-LD and <time> dates from a page without a feed, and says where they came from', async () => {
    const out = await web.fetch(profile(`${world.server().url}/`), ctx());
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
