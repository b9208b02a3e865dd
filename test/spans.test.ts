/**
 * Count what happened (issue 31, items 3 and 4): the staleness spans are never cut by the sample cap,
 * a span read only in part is a lower bound that says so, and cadence is what the profile publishes
 * (its own posts), with replies and reposts beside it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { LiveHttpClient } from '../src/http/live.js';
import { pagingDone, spanReadCap, type Post } from '../src/model/index.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import { readFileSync } from 'node:fs';
import { renderReport, type Report } from '../src/index.js';
import { account as mastoAccount, snowflake, status as mastoStatus } from './platforms/mastodon/format.js';
import { AS_OF, makePost, makeProfile, makeTimeline, settings } from './helpers/builders.js';
import { servePaged } from './helpers/paged-server.js';

const DAY = 86_400_000;
/** `count` posts spread evenly over `days` days before as-of (newest first), of one kind. */
const spread = (count: number, days: number, kind: Post['kind'] = 'original', from = 0) =>
  Array.from({ length: count }, (_, i) => makePost(from + ((i + 0.5) * days) / count, { kind }));

describe('item 3: spans are never cut by the sample cap', () => {
  it('an export with 1,072 posts in 30 days counts them all: 250.1 a week, every post of the 90 days', () => {
    const posts = [...spread(1072, 30), ...spread(919, 60, 'original', 30)];
    const m = analyzeTimeline(makeTimeline(posts, { method: 'export', reachedEnd: true }), AS_OF, settings);
    expect(m.postsPerWeek30d).toBe(250.1);
    expect(m.postsLast90d).toBe(1991);
    expect(m.lowerBounds).toEqual({});
    expect(m.weeklyPosts.slice(-4).every((w) => w !== null && w > 200)).toBe(true);
    // the sample of the conversation metrics is still the newest maxPosts, and says so
    expect(m.sample.posts).toBe(settings.maxPosts);
    expect(m.sample.incompleteReason).toBe(`only the newest ${settings.maxPosts} posts were read`);
  });

  it('a paged source is read on past maxPosts until the spans are covered, up to 10 × maxPosts', () => {
    const busy = spread(1000, 20); // 1,000 posts in 20 days: maxPosts (400) reached after 8 days
    expect(pagingDone(busy.slice(0, settings.maxPosts), AS_OF, settings)).toBe(false);
    expect(pagingDone(spread(300, 200), AS_OF, settings)).toBe(true); // the reach is covered
    expect(pagingDone(spread(spanReadCap(settings), 20), AS_OF, settings)).toBe(true); // the ceiling
    expect(spanReadCap(settings)).toBe(4000);
  });

  it('where reading stopped at its ceiling, the spans it did not cover are lower bounds, with the reason', () => {
    // 4,000 posts in the last 20 days: the 30- and 90-day spans were read only in part
    const posts = spread(spanReadCap(settings), 20);
    const m = analyzeTimeline(
      makeTimeline(posts, { facts: { displayName: null, handle: null, postsCount: 90_000, lastPostAt: null } }),
      AS_OF,
      settings,
    );
    expect(m.postsPerWeek30d).toBe(933.3);
    expect(m.lowerBounds).toMatchObject({
      postsPerWeek30d: 'reading stopped after 4,000 posts, the most read for one profile',
      postsPerWeek90d: 'reading stopped after 4,000 posts, the most read for one profile',
      postsLast90d: 'reading stopped after 4,000 posts, the most read for one profile',
    });
    expect(m.postsPrev90d).toBeNull();
  });

  it('where a budget or an API limit stopped the reading, the spans it did not reach say so', () => {
    const stopped = 'the X API v2 budget of 3 calls for X_TOKEN is spent: the read stopped there';
    const posts = spread(200, 20); // the newest 20 days read, then the budget was spent
    const facts = { displayName: null, handle: null, postsCount: 9_000, lastPostAt: null };
    const m = analyzeTimeline(makeTimeline(posts, { facts, readStopped: stopped }), AS_OF, settings);
    expect(m.lowerBounds).toMatchObject({ postsPerWeek30d: stopped, postsPerWeek90d: stopped });
    expect(m.sample.incompleteReason).toBe(stopped);
  });

  it('a feed that shows its newest 15 items only: its 30-day rate is a lower bound', () => {
    const m = analyzeTimeline(
      makeTimeline(spread(15, 10), {
        method: 'feed',
        reachedEnd: false,
        facts: { displayName: null, handle: null, postsCount: null, lastPostAt: null },
      }),
      AS_OF,
      settings,
    );
    expect(m.lowerBounds.postsPerWeek30d).toBe('the source does not reach back that far');
  });

  it('every format shows a lower bound as one ("≥"), and the CSV names it', async () => {
    const posts = spread(spanReadCap(settings), 20);
    const m = analyzeTimeline(
      makeTimeline(posts, { facts: { displayName: null, handle: null, postsCount: 90_000, lastPostAt: null } }),
      AS_OF,
      settings,
    );
    const { rate, cadenceText } = await import('../src/render/format.js');
    expect(rate(m, 'postsPerWeek30d')).toBe('≥ 933.3');
    expect(cadenceText(m)).toMatch(
      /^≥ 933\.3 posts, ≥ 0\.0 reposts, ≥ 0\.0 replies a week \(30 days\): at least, reading stopped after 4,000 posts/,
    );
    // the demo's report with one profile's metrics those of the stopped read, in every format
    const report = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8')) as Report;
    const profile = report.profiles.find((p) => p.metrics !== null)!;
    profile.metrics = m;
    for (const format of ['table', 'markdown', 'html'] as const)
      expect(renderReport(report, format)).toContain('≥ 933.3');
    expect(renderReport(report, 'csv')).toContain('postsPerWeek30d ≥ (reading stopped after 4,000 posts');
  });

  describe('a busy Mastodon account read through its API with maxPosts reached', () => {
    const http = new LiveHttpClient({
      userAgent: 'test',
      timeoutMs: 5000,
      env: {},
      hostLimits: { concurrency: 4, intervalMs: 0 },
    });
    afterAll(() => http.close());

    it('reads back over the spans and counts all of them, while the sample stays at maxPosts', async () => {
      const host = 'social.example';
      const owner = mastoAccount({
        host,
        id: '1',
        username: 'busy',
        displayName: 'Busy',
        note: '',
        createdAt: '2020-01-01T00:00:00.000Z',
        statusesCount: 700,
        lastStatusAt: AS_OF.toISOString(),
        followers: 1,
      });
      // 6 posts a day over 120 days, newest first
      const items = Array.from({ length: 720 }, (_, i) => {
        const at = new Date(AS_OF.getTime() - ((i + 0.5) / 6) * DAY).toISOString();
        return mastoStatus({ id: snowflake(at, i), createdAt: at, text: `post ${i}` }, owner, host);
      });
      const server = await servePaged({ platform: 'mastodon', profile: owner, items }, 40);
      try {
        const s = { ...settings, maxPosts: 100 };
        const out = await mastodon.fetch(makeProfile(`${server.url}/@busy`, 'mastodon'), {
          http,
          settings: s,
          endpoints: s.endpoints,
          asOf: AS_OF,
        });
        if (out.kind !== 'ok') throw new Error(out.reason);
        const m = analyzeTimeline(out.timeline, AS_OF, s);
        expect(m.postsPerWeek30d).toBe(42); // 180 posts in 30 days, not the newest 100's
        expect(m.postsLast90d).toBe(540);
        expect(m.lowerBounds).toEqual({});
        expect(m.sample.posts).toBe(100);
      } finally {
        await server.close();
      }
    });
  });
});

describe('item 4: cadence is what the profile publishes', () => {
  it('a channel that uploads weekly and answers comments in bursts has not "gone quiet" for lack of replies', () => {
    const uploads = Array.from({ length: 20 }, (_, i) => makePost(3 + i * 7));
    const bursts = Array.from({ length: 60 }, (_, i) =>
      makePost(25 + (i % 3) * 0.01 + Math.floor(i / 3) * 7, { kind: 'reply' }),
    );
    const m = analyzeTimeline(makeTimeline([...uploads, ...bursts]), AS_OF, settings);
    expect(m.medianGapDays).toBe(7);
    expect(m.goneQuiet).toBe(false);
    expect(m.postsPerWeek30d).toBe(0.9); // 4 uploads in 30 days
    expect(m.repliesPerWeek30d).toBe(0.7); // 3 replies in 30 days
  });

  it('a crew that mostly reposts: its posts a week are its own, the reposts beside them', () => {
    const own = spread(3, 30);
    const reposts = spread(22, 30, 'repost');
    const m = analyzeTimeline(makeTimeline([...own, ...reposts]), AS_OF, settings);
    expect(m.postsPerWeek30d).toBe(0.7);
    expect(m.repostsPerWeek30d).toBe(5.1);
    expect(m.weeklyPosts.reduce<number>((n, w) => n + (w ?? 0), 0)).toBe(3);
    expect(m.daysSinceLastPost).toBe(0); // a repost still shows someone is there
  });

  it('a source that cannot show replies or reposts has them null with a reason, never zero', () => {
    const m = analyzeTimeline(
      makeTimeline(spread(10, 30), {
        repliesVisible: false,
        repliesHiddenReason: 'a feed shows no replies',
        repostsVisible: false,
      }),
      AS_OF,
      settings,
    );
    expect(m.repliesPerWeek30d).toBeNull();
    expect(m.repostsPerWeek30d).toBeNull();
    expect(m.unavailable.repliesPerWeek30d).toBe('a feed shows no replies');
  });
});
