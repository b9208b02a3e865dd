/** PeerTube, the platform added as one folder: its adapter against a local server speaking its REST API. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { account, video, videoList } from './format.js';
import { LiveHttpClient } from '../../../src/http/live.js';
import { peertube, peertubeActor } from '../../../src/platforms/peertube/adapter.js';
import { platformOfUrl } from '../../../src/platforms/urls.js';
import { AS_OF, settings, makeProfile } from '../../helpers/builders.js';
import { cli } from '../../helpers/cli.js';
import { serveRoutes } from '../../helpers/evidence-server.js';

const OWNER = { host: 'videos.northwind.example', name: 'northwind', displayName: 'Northwind films', id: 7 };
const days = (n: number) => new Date(AS_OF.getTime() - n * 86_400_000).toISOString();
const VIDEOS = [3, 17, 40, 95, 260].map((d, i) =>
  video(
    i + 1,
    OWNER,
    `Trail film ${i + 1}`,
    i === 0 ? '<p>New boots, <b>use code</b> TRAIL10 for 10% off</p>' : null,
    days(d),
  ),
);
const JSON_TYPE = 'application/json; charset=utf-8';
const routes = {
  '/api/v1/accounts/northwind': { type: JSON_TYPE, body: JSON.stringify(account(OWNER, 'Films about trails')) },
  '/api/v1/accounts/northwind/videos?sort=-publishedAt&start=0&count=25': {
    type: JSON_TYPE,
    body: JSON.stringify(videoList(VIDEOS.length, VIDEOS)),
  },
  '/api/v1/video-channels/northwind_channel': {
    type: JSON_TYPE,
    body: JSON.stringify(account({ ...OWNER, name: 'northwind_channel' }, 'The channel')),
  },
  '/api/v1/video-channels/northwind_channel/videos?sort=-publishedAt&start=0&count=25': {
    type: JSON_TYPE,
    body: JSON.stringify(videoList(2, VIDEOS.slice(0, 2))),
  },
  '/api/v1/accounts/broken/videos?sort=-publishedAt&start=0&count=25': {
    type: JSON_TYPE,
    body: '{"total": 3, "data": "nope"}',
  },
  '/api/v1/accounts/broken': { type: JSON_TYPE, body: JSON.stringify(account({ ...OWNER, name: 'broken' }, '')) },
};
const http = new LiveHttpClient({
  userAgent: 't',
  timeoutMs: 2000,
  env: {},
  hostLimits: { concurrency: 2, intervalMs: 0 },
});
const tmp = mkdtempSync(join(tmpdir(), 'ca-peertube-'));
afterAll(async () => {
  await http.close();
  rmSync(tmp, { recursive: true, force: true });
});
const profile = makeProfile;

describe('PeerTube', () => {
  it.each([
    ['https://tube.example/a/northwind/videos', { kind: 'accounts', name: 'northwind' }],
    ['https://tube.example/c/northwind_channel/videos', { kind: 'video-channels', name: 'northwind_channel' }],
    ['https://tube.example/accounts/northwind@other.example', { kind: 'accounts', name: 'northwind@other.example' }],
    ['https://tube.example/a/northwind', { kind: 'accounts', name: 'northwind' }],
    ['https://tube.example/a/%E0%A4%A/videos', null],
  ])('reads the actor of %s', (url, actor) => {
    expect(peertubeActor(new URL(url))).toEqual(actor);
  });

  it('is recognised by the URLs PeerTube shows, and a bare /a/NAME only with platform: peertube', () => {
    expect(platformOfUrl(new URL('https://tube.example/a/northwind/videos'))).toBe('peertube');
    expect(platformOfUrl(new URL('https://tube.example/video-channels/northwind'))).toBe('peertube');
    expect(platformOfUrl(new URL('https://www.example.com/a/about'))).toBe('web');
    expect(platformOfUrl(new URL('https://www.youtube.com/c/northwind'))).toBe('youtube');
  });

  it("reads an account's videos, newest first, as dated posts; replies are not visible, with the reason", async () => {
    const server = await serveRoutes(routes);
    try {
      const out = await peertube.fetch(profile(`${server.url}/a/northwind/videos`), {
        http,
        settings,
        endpoints: settings.endpoints,
        asOf: AS_OF,
      });
      if (out.kind !== 'ok') throw new Error(out.reason);
      const t = out.timeline;
      expect(t.facts).toMatchObject({
        displayName: 'Northwind films',
        handle: 'northwind@videos.northwind.example',
        postsCount: 5,
        lastPostAt: null,
      });
      expect(t.posts.map((p) => p.createdAt)).toEqual(VIDEOS.map((v) => v.publishedAt));
      expect(t.posts[0]!.text).toBe('Trail film 1 — New boots, use code TRAIL10 for 10% off');
      expect(t.reachedEnd).toBe(true);
      expect(t.repliesVisible).toBe(false);
      expect(t.repliesHiddenReason).toMatch(/comment threads/);
    } finally {
      await server.close();
    }
  });

  it('reads a channel through /api/v1/video-channels with platform: peertube on a bare /c/NAME', async () => {
    const server = await serveRoutes(routes);
    try {
      const out = await peertube.fetch(profile(`${server.url}/c/northwind_channel`, 'peertube'), {
        http,
        settings,
        endpoints: settings.endpoints,
        asOf: AS_OF,
      });
      expect(out).toMatchObject({ kind: 'ok', timeline: { facts: { postsCount: 2 } } });
    } finally {
      await server.close();
    }
  });

  it('a missing account is unreachable; a malformed video list is an error', async () => {
    const server = await serveRoutes(routes);
    try {
      const ctx = { http, settings, endpoints: settings.endpoints, asOf: AS_OF };
      expect(await peertube.fetch(profile(`${server.url}/a/gone/videos`), ctx)).toMatchObject({
        kind: 'unreachable',
        fetch: { httpStatus: 404 },
      });
      const broken = await peertube.fetch(profile(`${server.url}/a/broken/videos`), ctx);
      expect(broken).toMatchObject({ kind: 'error' });
      expect(broken.kind === 'error' && broken.reason).toMatch(/malformed PeerTube account broken video list/);
    } finally {
      await server.close();
    }
  });

  it('audits end to end from the CLI: staleness and promo measured, conversation null with the reason', async () => {
    const server = await serveRoutes(routes);
    const file = join(tmp, 'inventory.yaml');
    writeFileSync(file, `company: Northwind\nprofiles:\n  - url: ${server.url}/a/northwind/videos\n`);
    try {
      const { code, stdout } = await cli([
        'audit',
        file,
        '--as-of',
        AS_OF.toISOString(),
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      expect(code).toBe(0);
      const p = (
        JSON.parse(stdout) as {
          profiles: Array<{
            platform: string;
            status: string;
            metrics: {
              lastPostAt: string;
              conversationRatio: null;
              promoRatio: number;
              unavailable: Record<string, string>;
            };
          }>;
        }
      ).profiles[0]!;
      expect(p).toMatchObject({
        platform: 'peertube',
        status: 'active',
        metrics: { lastPostAt: days(3), conversationRatio: null, promoRatio: 0.2 },
      });
      expect(p.metrics.unavailable.conversationRatio).toMatch(/comment threads/);
    } finally {
      await server.close();
    }
  });
});
