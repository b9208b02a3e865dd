/**
 * The analysis of timelines on worker threads (issue 19, item 4): a worker measures exactly what the
 * analysis in place measures, with the run's date, settings and profiles it was started with; an
 * analysis that throws gives the same message either way; a worker that dies costs time and never a
 * result; and only large runs on machines with a spare core use it. The workers are the built
 * JavaScript: this test uses dist/ (npm test builds first).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Post, Timeline } from '../src/model/index.js';
import { rss } from '../scripts/formats/feeds.js';

const BUILT = existsSync('dist/analysis/analyze-worker.js');
if (!BUILT) console.warn('analysis pool tests skipped: dist/ is not built (npm run build)');

const AS_OF = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

/** A support account's timeline: posts, replies to customers (some of them one pasted script), a thread under a post. */
function timeline(seed: number): Timeline {
  const at = (days: number) => new Date(AS_OF.getTime() - days * DAY).toISOString();
  const posts: Post[] = Array.from({ length: 60 }, (_, i) => {
    const reply = i % 3 !== 0;
    const canned = reply && i % 2 === 0;
    return {
      id: `${seed}-${i}`,
      createdAt: at(i * 2 + (seed % 3)),
      text: canned
        ? `Hi there, we are sorry to hear that. Please DM us your account email and we will look into it ^${String.fromCharCode(65 + (i % 5))}${seed}`
        : reply
          ? `Thanks ${i}, the ${['boots', 'tent', 'stove'][i % 3]} ships on ${i % 7 === 0 ? 'Monday' : 'Friday'} from store ${seed + i}`
          : `New in: ${i} things for the trail, ${i % 4 === 0 ? 'shop now' : 'read the guide'}`,
      kind: reply ? 'reply' : 'original',
      url: `https://social.example/@shop/${seed}-${i}`,
      inReplyToCreatedAt: reply ? at(i * 2 + (seed % 3) + 0.1) : null,
    };
  });
  return {
    platform: 'mastodon',
    method: 'api',
    facts: { displayName: 'Shop', handle: '@shop@social.example', postsCount: 900, lastPostAt: at(0) },
    posts,
    repliesVisible: true,
    repliesHiddenReason: null,
    repostsVisible: true,
    sampleNote: null,
    sourceUrl: 'https://social.example/api/v1/accounts/1/statuses',
    listening: {
      self: '@shop@social.example',
      withReplies: 1,
      budget: 40,
      requests: 1,
      failed: null,
      threads: [
        {
          rootId: `${seed}-0`,
          rootUrl: `https://social.example/@shop/${seed}-0`,
          replies: [
            {
              id: 'r1',
              parentId: `${seed}-0`,
              author: '@ann@else.example',
              createdAt: at(0.5),
              text: 'Is the tent in stock?',
              url: null,
            },
            {
              id: 'r2',
              parentId: 'r1',
              author: '@help@social.example',
              createdAt: at(0.4),
              text: 'It is, Ann',
              url: null,
            },
          ],
        },
      ],
    },
  };
}

describe.skipIf(!BUILT)('the analysis pool', () => {
  const load = async () => {
    const pool = await import('../dist/analysis/analyze-pool.js');
    const analyze = await import('../dist/analysis/analyze.js');
    const { DEFAULT_SETTINGS } = await import('../dist/config/defaults.js');
    const run = {
      asOf: AS_OF,
      settings: { ...DEFAULT_SETTINGS, cannedMinClusterSize: 3 },
      // the sibling help account answers for the shop: listening counts its answer
      siblings: new Map([['@help@social.example', 'help']]),
    };
    const inPlace = (t: Timeline) => analyze.analyzeTimeline(t, run.asOf, run.settings, { siblings: run.siblings });
    return { ...pool, run, inPlace };
  };

  it('measures on a worker exactly what the analysis in place measures, in any order of answers', async () => {
    const { AnalysisPool, run, inPlace } = await load();
    const pool = new AnalysisPool(2, run);
    await pool.whenReady();
    try {
      const timelines = [1, 2, 3, 4, 5, 6].map(timeline);
      const measured = await Promise.all(timelines.map((t) => pool.analyze(t)));
      expect(measured).toEqual(timelines.map(inPlace));
      // the fixture exercises what matters: canned replies, conversation, listening by a sibling
      expect(measured[0]!.templateCount).toBeGreaterThan(0);
      expect(measured[0]!.answeredBy).toEqual([{ by: 'help', count: 1 }]);
    } finally {
      await pool.close();
    }
  });

  it('gives back what a failed analysis threw, with the message it has in place', async () => {
    const { AnalysisPool, run, inPlace } = await load();
    const pool = new AnalysisPool(1, run);
    await pool.whenReady();
    try {
      const broken = { ...timeline(1), posts: null } as unknown as Timeline;
      const expected = (() => {
        try {
          inPlace(broken);
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(expected).toBeTruthy();
      await expect(pool.analyze(broken)).rejects.toThrow(expected!);
    } finally {
      await pool.close();
    }
  });

  it('measures in place what a worker that died was given', async () => {
    const { AnalysisPool, run, inPlace } = await load();
    const pool = new AnalysisPool(1, run);
    await pool.whenReady();
    const timelines = [1, 2, 3].map(timeline);
    const pending = timelines.map((t) => pool.analyze(t));
    await (
      pool as unknown as { pool: { workers: Array<{ terminate(): Promise<number> }> } }
    ).pool.workers[0]!.terminate();
    expect(await Promise.all(pending)).toEqual(timelines.map(inPlace));
    expect(await pool.analyze(timelines[0]!)).toEqual(inPlace(timelines[0]!));
    await pool.close();
  });

  it('is used only for large runs on a machine with a spare core', async () => {
    const { AnalysisPool, run } = await load();
    const { POOL_FROM } = await import('../dist/workers/pool.js');
    expect(AnalysisPool.forRun(POOL_FROM - 1, run, 8)).toBeNull();
    expect(AnalysisPool.forRun(POOL_FROM, run, 1)).toBeNull();
    const pool = AnalysisPool.forRun(POOL_FROM, run, 2);
    expect(pool).not.toBeNull();
    await pool!.close();
  });

  it('gives a large run the report it gets with the analysis in place', async () => {
    const { POOL_FROM } = await import('../dist/workers/pool.js');
    const { runAudit } = await import('../dist/audit.js');
    const { parseInventory } = await import('../dist/config/load.js');
    const { createHttpClient } = await import('../dist/client.js');
    const { analyzeTimeline } = await import('../dist/analysis/analyze.js');
    const server = createServer((req, res) => {
      const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1]);
      const entries = Array.from({ length: 8 }, (_, i) => ({
        title: `Post ${n}.${i}${i % 3 === 0 ? ': shop now, 20% off' : ''}`,
        summary: `<p>About the ${['trail', 'river', 'summit'][(n + i) % 3]} <b>${i}</b></p>`,
        url: `https://blog.example/${n}/${i}`,
        date: new Date(AS_OF.getTime() - (i * (n % 40) + 1) * DAY).toISOString(),
      }));
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss(`Blog ${n}`, 'https://blog.example/', entries));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const profiles = Array.from(
      { length: POOL_FROM + 20 },
      (_, i) => `  - url: ${base}/feed/${i}.xml\n    platform: feed`,
    );
    const yaml = `company: Big\nsettings:\n  hostConcurrency: 16\n  hostIntervalMs: 0\nprofiles:\n${profiles.join('\n')}\n`;
    const audit = async (inPlace: boolean) => {
      const inventory = parseInventory(yaml, 'big.yaml');
      const http = createHttpClient(inventory.settings, { env: {} });
      try {
        return await runAudit(inventory, {
          http,
          asOf: AS_OF,
          generatedAt: new Date(0),
          source: 'live',
          tool: { name: 'test', version: '0' },
          ...(inPlace ? { analyze: analyzeTimeline } : {}),
        });
      } finally {
        await http.close();
      }
    };
    try {
      const [pooled, inPlace] = [await audit(false), await audit(true)];
      expect(pooled.profiles.every((p: { status: string }) => p.status !== 'error')).toBe(true);
      expect(pooled).toEqual(inPlace);
    } finally {
      server.close();
    }
  }, 60_000);
});
