/**
 * The YouTube adapter against local servers (demo evidence and hand-made faults).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { youtube } from '../../../src/platforms/youtube/adapter.js';
import { makeProfile } from '../../helpers/builders.js';
import { withRoutes } from '../../helpers/evidence-server.js';
import { demoWorld } from '../../helpers/adapter-world.js';
import { wallPage } from '../../helpers/walls.js';

const world = demoWorld(['https://www.youtube.com'], 'youtube');
const { ctx } = world;
const profile = makeProfile;

const wall = wallPage('youtube-consent.html');

describe('youtube adapter', () => {
  it('resolves @handle to the channel id from the page, then reads the channel feed', async () => {
    const out = await youtube.fetch(profile('https://www.youtube.com/@northwindoutfitters'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(world.server().requests.slice(-2)).toEqual([
      '/@northwindoutfitters',
      `/feeds/videos.xml?channel_id=UC${'NorthwindOutfitters'.padEnd(22, 'x')}`,
    ]);
    expect(out.timeline.posts).toHaveLength(15);
    expect(out.timeline.sampleNote).toMatch(/newest ~15 videos/);
    expect(out.timeline.repliesVisible).toBe(false);
    expect(out.timeline.facts).toMatchObject({ displayName: 'Northwind Outfitters', handle: '@northwindoutfitters' });
  });

  it('takes the id straight from a /channel/UC… URL without fetching the page', async () => {
    const before = world.server().requests.length;
    const out = await youtube.fetch(
      profile(`https://www.youtube.com/channel/UC${'NorthwindOutfitters'.padEnd(22, 'x')}`),
      ctx(),
    );
    expect(out.kind).toBe('ok');
    expect(world.server().requests.slice(before)).toEqual([
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
    const dir = 'fixtures/demo/evidence/www.youtube.com';
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
