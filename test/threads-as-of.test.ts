/**
 * Issue 31, items 1, 2 and 5: listening counts what happened as of the date, once, and never turns
 * what was not read into zero. Thread worlds on Mastodon, Bluesky and Reddit (test/helpers/threads-world.ts,
 * local servers in the documented shapes) where the brand replies to itself, answers twice and a
 * customer answers a customer, with replies and answers on both sides of the as-of date; a YouTube
 * channel read through the Data API with a budget too small for its comment threads.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { listeningMetrics } from '../src/analysis/listening.js';
import { LiveHttpClient } from '../src/http/live.js';
import { listeningSummary } from '../src/render/format.js';
import type { AudienceThread, Metrics, ProfileResult, Report } from '../src/model/index.js';
import { bluesky } from '../src/platforms/bluesky/adapter.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import { reddit } from '../src/platforms/reddit/adapter.js';
import type { AdapterContext, PlatformAdapter } from '../src/platforms/types.js';
import { type XTweetSpec, xPage, xProblem, xUser } from './platforms/x/api-format.js';
import {
  type YtThreadSpec,
  type YtVideo,
  ytChannels,
  ytCommentThreads,
  ytPlaylistItems,
  ytVideoStatistics,
} from './platforms/youtube/api-format.js';
import { fbPosts } from './platforms/meta-graph/api-format.js';
import { serveApi } from './helpers/api-server.js';
import { AS_OF, makeProfile, settings, NO_PACING } from './helpers/builders.js';
import { cli, schemaErrors } from './helpers/cli.js';
import { serveWorld, type ThreadWorld, type WorldPlatform, worldProfile } from './helpers/threads-world.js';

const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
afterAll(() => http.close());

const adapters: Record<WorldPlatform, PlatformAdapter> = { mastodon, bluesky, reddit };
const PLATFORMS: WorldPlatform[] = ['mastodon', 'bluesky', 'reddit'];

/** Reads the world on one platform as of AS_OF (2026-11-01) and analyses it. */
async function readWorld(world: ThreadWorld, platform: WorldPlatform, serve = serveWorld) {
  const server = await serve(world, platform);
  try {
    const ctx: AdapterContext = {
      http,
      settings: { ...settings, hostIntervalMs: 0 },
      endpoints: { ...settings.endpoints, bluesky: server.url, reddit: server.url },
      asOf: AS_OF,
    };
    const out = await adapters[platform].fetch(makeProfile(worldProfile(world, platform, server.url), platform), ctx);
    if (out.kind !== 'ok') throw new Error(`${out.kind}: ${'reason' in out ? out.reason : ''}`);
    return { timeline: out.timeline, metrics: analyzeTimeline(out.timeline, AS_OF, settings), server };
  } finally {
    await server.close();
  }
}

/**
 * The issue's Bluesky account: one customer reply before the as-of date and one after, each answered
 * after it. On the as-of date there was one reply, a question, unanswered.
 */
const issueWorld: ThreadWorld = {
  brand: 'acme',
  posts: [
    {
      key: 'p1',
      at: '2026-10-20T12:00:00.000Z',
      text: 'Winter boots are in',
      replies: [
        {
          key: 'a1',
          who: 'ann',
          at: '2026-10-25T09:00:00.000Z',
          text: 'Do you ship to Canada?',
          replies: [{ key: 'b1', who: 'acme', at: '2026-11-03T10:00:00.000Z', text: 'We do, from next week' }],
        },
        {
          key: 'c1',
          who: 'bob',
          at: '2026-11-02T09:00:00.000Z',
          text: 'Is there a discount?',
          replies: [{ key: 'b2', who: 'acme', at: '2026-11-04T10:00:00.000Z', text: 'Not at the moment' }],
        },
      ],
    },
  ],
};

/**
 * A brand that replies to itself (P2's "Sign up at the desk"), answers twice (a1, g1), whose customers
 * answer each other (d1 under c1), with a reply the reader cannot see (blocked on Bluesky, deleted on
 * Reddit with a reply under it, left out by Mastodon), a collapsed `more` stub on Reddit, and replies
 * and answers on both sides of the as-of date (2026-11-01).
 *
 * On the as-of date: audience replies a1, a2 (under the brand's answer), c1, e1, g1 (under the brand's
 * reply to itself), h1 = 6; answered a1 (120 min), a2 (1,200 min), g1 (60 min) = 3 — e1's answer came
 * on 11-02, f1 and i1 did not exist; questions a1, a2, e1, g1 = 4, three answered; threads P1, P2, P3.
 */
const world: ThreadWorld = {
  brand: 'acme',
  posts: [
    {
      key: 'p1',
      at: '2026-10-10T12:00:00.000Z',
      text: 'The autumn range is in',
      more: 3,
      replies: [
        {
          key: 'a1',
          who: 'ann',
          at: '2026-10-10T13:00:00.000Z',
          text: 'Do you ship to Canada?',
          replies: [
            {
              key: 'b1',
              who: 'acme',
              at: '2026-10-10T15:00:00.000Z',
              text: 'Yes, from next week',
              replies: [
                {
                  key: 'a2',
                  who: 'ann',
                  at: '2026-10-10T16:00:00.000Z',
                  text: 'And to Mexico?',
                  replies: [{ key: 'b2', who: 'acme', at: '2026-10-11T12:00:00.000Z', text: 'Not yet, sorry' }],
                },
              ],
            },
            { key: 'b1x', who: 'acme', at: '2026-10-10T18:00:00.000Z', text: 'Alaska too, by the way' },
          ],
        },
        {
          key: 'c1',
          who: 'cat',
          at: '2026-10-12T12:00:00.000Z',
          text: 'Love the colours',
          replies: [
            {
              key: 'd1',
              who: 'dan',
              at: '2026-10-12T13:00:00.000Z',
              text: 'Me too! Where did you see them?',
              replies: [{ key: 'b3', who: 'acme', at: '2026-10-12T14:00:00.000Z', text: 'In our Berlin store' }],
            },
          ],
        },
        {
          key: 'x1',
          who: 'zed',
          at: '2026-10-13T12:00:00.000Z',
          text: 'Cheap pills here',
          hidden: 'blocked',
          replies: [{ key: 'y1', who: 'yan', at: '2026-10-13T13:00:00.000Z', text: 'Why is this here?' }],
        },
        {
          key: 'e1',
          who: 'eve',
          at: '2026-10-30T12:00:00.000Z',
          text: 'Is the store open on Sunday?',
          replies: [{ key: 'b4', who: 'acme', at: '2026-11-02T09:00:00.000Z', text: 'Yes, 10 to 4' }],
        },
        {
          key: 'f1',
          who: 'fay',
          at: '2026-11-03T12:00:00.000Z',
          text: 'Any discount codes?',
          replies: [{ key: 'b5', who: 'acme', at: '2026-11-04T09:00:00.000Z', text: 'Not at the moment' }],
        },
      ],
    },
    {
      key: 'p2',
      at: '2026-10-20T12:00:00.000Z',
      text: 'Boot care workshop on Saturday',
      replies: [
        {
          key: 's1',
          who: 'acme',
          at: '2026-10-20T12:05:00.000Z',
          text: 'Sign up at the desk',
          replies: [
            {
              key: 'g1',
              who: 'gus',
              at: '2026-10-21T10:00:00.000Z',
              text: 'How much does it cost?',
              replies: [
                { key: 'b6', who: 'acme', at: '2026-10-21T11:00:00.000Z', text: 'It is free' },
                { key: 'b6x', who: 'acme', at: '2026-10-21T12:00:00.000Z', text: 'Bring your own boots' },
              ],
            },
          ],
        },
        { key: 'h1', who: 'hal', at: '2026-10-22T12:00:00.000Z', text: 'Great idea' },
        { key: 'n1', who: 'nia', at: '2026-10-22T13:00:00.000Z', text: 'gone', hidden: 'notFound' },
      ],
    },
    {
      key: 'p3',
      at: '2026-10-28T12:00:00.000Z',
      text: 'See you next week',
      replies: [{ key: 'i1', who: 'ivy', at: '2026-11-02T12:00:00.000Z', text: 'Hello?' }],
    },
    { key: 'p4', at: '2026-10-05T12:00:00.000Z', text: 'A quiet post', replies: [] },
  ],
};

const listened = (m: Metrics) => ({
  audienceReplies: m.audienceReplies,
  answeredReplies: m.answeredReplies,
  questions: m.questions,
  questionsAnswered: m.questionsAnswered,
});

describe('item 1: nothing after the as-of date exists', () => {
  it.each(PLATFORMS)('%s: a reply after as-of is not counted, and an answer after as-of answers nothing', async (p) => {
    const { metrics } = await readWorld(issueWorld, p);
    expect(listened(metrics)).toEqual({ audienceReplies: 1, answeredReplies: 0, questions: 1, questionsAnswered: 0 });
    expect(metrics.answeredRate).toBe(0);
    expect(metrics.medianAnswerMinutes).toBeNull();
    expect(metrics.unanswered!.map((u) => [u.text, u.ageDays])).toEqual([['Do you ship to Canada?', 6]]);
  });

  it('answer times are measured to the first answer at or before as-of, on any source', () => {
    const thread: AudienceThread = {
      rootId: 'root',
      rootUrl: null,
      replies: [
        {
          id: 'q',
          parentId: 'root',
          author: 'https://x.com/ann',
          createdAt: '2026-10-30T10:00:00.000Z',
          text: 'Open today?',
          url: null,
        },
        // listed first, written a second after the as-of date: it answers nothing
        {
          id: 'late',
          parentId: 'q',
          author: 'https://x.com/acme',
          createdAt: '2026-11-01T00:00:01.000Z',
          text: 'Yes',
          url: null,
        },
        {
          id: 'ok',
          parentId: 'q',
          author: 'https://x.com/acme',
          createdAt: '2026-10-31T10:00:00.000Z',
          text: 'Yes',
          url: null,
        },
      ],
    };
    const listening = {
      self: 'https://x.com/acme',
      withReplies: 1,
      threads: [thread],
      budget: 40,
      requests: 1,
      failed: null,
    };
    expect(listeningMetrics(listening, new Map(), AS_OF)).toMatchObject({
      answeredReplies: 1,
      medianAnswerMinutes: 1440,
    });
    // a day earlier, the only answer written by then is none
    const earlier = new Date('2026-10-31T00:00:00Z');
    expect(listeningMetrics(listening, new Map(), earlier)).toMatchObject({
      audienceReplies: 1,
      answeredReplies: 0,
      medianAnswerMinutes: null,
    });
  });
});

describe('item 2: a thread is one of the brand’s own top-level posts, read once', () => {
  it.each(PLATFORMS)('%s: the brand replying to itself, answering twice, customers answering customers', async (p) => {
    const { metrics, server } = await readWorld(world, p);
    // one request per top-level post with replies, newest first; none for the brand's replies
    expect(server.threadRequests).toHaveLength(3);
    expect(metrics).toMatchObject({
      audienceReplies: 6,
      answeredReplies: 3,
      answeredRate: 0.5,
      answeredBy: [{ by: 'self', count: 3 }],
      peopleReplied: 5,
      peopleAnswered: 2,
      questions: 4,
      questionsAnswered: 3,
      questionAnsweredRate: 0.75,
      medianAnswerMinutes: 120,
      p90AnswerMinutes: 984,
      unansweredOverWeek: 0,
      threadsRead: 3,
      threadsWithReplies: 3,
      threadsFailed: 0,
    });
    expect(metrics.unanswered!.map((u) => u.text)).toEqual(['Is the store open on Sunday?']);
  });

  it('the analysis counts a reply once, and a thread under a reply of another thread read is not a root', () => {
    const reply = (id: string, parentId: string, who: string, at: string, text = 'Any news?') => ({
      id,
      parentId,
      author: `https://bsky.app/profile/${who}`,
      createdAt: at,
      text,
      url: null,
    });
    const root: AudienceThread = {
      rootId: 'P',
      rootUrl: null,
      replies: [
        reply('a1', 'P', 'ann', '2026-10-10T10:00:00.000Z'),
        reply('b1', 'a1', 'acme', '2026-10-10T11:00:00.000Z', 'Soon'),
        reply('a2', 'b1', 'ann', '2026-10-10T12:00:00.000Z'),
        reply('b2', 'a2', 'acme', '2026-10-10T13:00:00.000Z', 'Tomorrow'),
      ],
    };
    // the thread under the brand's answer b1, as a reader that took every own post as a root read it
    const under: AudienceThread = { rootId: 'b1', rootUrl: null, replies: root.replies.slice(2) };
    const listening = {
      self: 'https://bsky.app/profile/acme',
      withReplies: 2,
      threads: [under, root, root],
      budget: 40,
      requests: 3,
      failed: null,
    };
    expect(listeningMetrics(listening, new Map(), AS_OF)).toMatchObject({
      audienceReplies: 2,
      answeredReplies: 2,
      medianAnswerMinutes: 60,
      threadsRead: 1,
    });
  });
});

describe('item 5: not read is not zero', () => {
  it.each(PLATFORMS)(
    '%s: a rate limit stops the reading; the threads left are unread, not failed, and nothing is zero',
    async (p) => {
      const limited = (w: ThreadWorld, platform: WorldPlatform) =>
        serveWorld(w, platform, () => ({
          status: 429,
          body: '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}',
          headers: { 'x-ratelimit-remaining': '0' },
        }));
      const { metrics, timeline, server } = await readWorld(world, p, limited);
      expect(server.threadRequests).toHaveLength(1); // the first refusal stops the reading
      expect(metrics).toMatchObject({
        audienceReplies: null,
        answeredReplies: null,
        answeredRate: null,
        questions: null,
        unansweredOverWeek: null,
        threadsRead: 0,
        threadsWithReplies: 3,
        threadsFailed: 0,
        threadsUnread: 3,
      });
      expect(metrics.unavailable.answeredRate).toMatch(
        /rate limited .*HTTP 429.*none of the 3 threads with replies was read/,
      );
      expect(metrics.unavailable.audienceReplies).toBe(metrics.unavailable.answeredRate);
      expect(metrics.sample.note).toMatch(/3 of 3 threads with replies not read: rate limited/);
      expect(timeline.listening!.failed).toBeNull();
    },
  );

  it('a thread that fails is counted as failed; when none could be read the counts are null, not 0', async () => {
    const failing = (w: ThreadWorld, platform: WorldPlatform) =>
      serveWorld(w, platform, () => ({ status: 500, body: '{"error":"InternalServerError"}' }));
    const { metrics } = await readWorld(world, 'bluesky', failing);
    expect(metrics).toMatchObject({ audienceReplies: null, threadsRead: 0, threadsFailed: 3, threadsUnread: 0 });
    expect(metrics.unavailable.audienceReplies).toMatch(/none of the 3 threads with replies could be read: HTTP 500/);
  });
});

// ---------- YouTube through the Data API, with a budget ----------

const CHANNEL = 'UCacmeacmeacmeacmeacme1';
const KEY = 'AIzaTestKey-not-real-0123456789abcdefghij';
const acme = { channelId: CHANNEL, name: '@acme' };
const fan = (n: string) => ({ channelId: `UC${n.padEnd(22, 'x')}`, name: `@${n}` });
const ytVideos: YtVideo[] = [1, 2, 3].map((i) => ({
  id: `acmevid0000${i}`,
  title: `Boot test ${i}`,
  description: 'A video.',
  published: `2026-10-${10 + i * 5}T12:00:00.000Z`,
}));
/** A channel that answers every comment, an hour later; one comment (and its answer) after the as-of date. */
const ytThreads: Record<string, YtThreadSpec[]> = Object.fromEntries(
  ytVideos.map((v, i) => {
    const at = (h: number) => new Date(Date.parse(v.published) + h * 3_600_000).toISOString();
    const t = (id: string, who: string, text: string, h: number): YtThreadSpec => ({
      top: { id, author: fan(who), text, published: at(h) },
      replies: [{ id: `${id}.r`, author: acme, text: 'Thanks, we will look into it', published: at(h + 1) }],
    });
    const list = [t(`U${i}a`, 'ann', 'Are they waterproof?', 2), t(`U${i}b`, 'bob', 'Nice boots', 3)];
    if (i === 2) list.push(t(`U${i}c`, 'cat', 'Do they run small?', 24 * 30)); // 2026-11-24: after as-of
    return [v.id, list];
  }),
);

/** Audits one profile through an owner API played by a local server, as of 2026-11-01, and returns it. */
async function auditOne(config: string, url: string, env: Record<string, string>, extra: string[] = []) {
  const file = join(mkdtempSync(join(tmpdir(), 'threads-as-of-')), 'inventory.yaml');
  writeFileSync(
    file,
    `company: Acme\nsettings:\n  hostIntervalMs: 0\n${config}profiles:\n  - url: ${url}\n    id: one\n`,
  );
  const run = await cli(
    ['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q', ...extra],
    env,
  );
  expect(run.stderr).not.toContain('internal error');
  const report = JSON.parse(run.stdout) as Report;
  expect(schemaErrors(report)).toBeNull();
  return report.profiles[0] as ProfileResult;
}

async function auditYouTube(budget: number | null, extra: string[] = []) {
  const api = await serveApi((url) => {
    const q = url.searchParams;
    if (url.pathname === '/channels')
      return {
        body: ytChannels({
          id: CHANNEL,
          title: 'Acme',
          handle: '@acme',
          published: '2015-03-01T10:00:00Z',
          subscribers: 900,
          videos: 3,
        }),
      };
    if (url.pathname === '/playlistItems') return { body: ytPlaylistItems(CHANNEL, [...ytVideos].reverse(), null, 3) };
    if (url.pathname === '/videos')
      return {
        body: ytVideoStatistics(
          (q.get('id') ?? '').split(',').map((id) => ({ id, comments: (ytThreads[id] ?? []).length * 2 })),
        ),
      };
    if (url.pathname === '/commentThreads')
      return { body: ytCommentThreads(CHANNEL, q.get('videoId')!, ytThreads[q.get('videoId')!] ?? []) };
    return undefined;
  });
  try {
    const auth = `{env: YT_KEY, origin: ${api.url}${budget === null ? '' : `, budget: ${budget}`}}`;
    return await auditOne(
      `  endpoints: {youtube: ${api.url}, youtubeApi: ${api.url}}\n  auth: {youtube: ${auth}}\n`,
      'https://www.youtube.com/@acme',
      { YT_KEY: KEY },
      extra,
    );
  } finally {
    await api.close();
  }
}

describe('item 5: a spent API budget is not zero (YouTube Data API)', () => {
  it('read in full: every comment on the as-of date answered, the later one not counted (item 1)', async () => {
    const p = await auditYouTube(null);
    expect(p.metrics).toMatchObject({
      replies: 6,
      audienceReplies: 6,
      answeredReplies: 6,
      threadsRead: 3,
      threadsFailed: 0,
    });
    expect(p.findings.map((x) => x.code)).not.toContain('broadcast-only');
  });

  it.each([
    // with the threads unread the summary says why; with the counts unread, listening is off (no summary)
    [3, 'the comment threads', /budget of 3 quota units for YT_KEY is spent: none of the 3 threads/],
    [2, 'the comment counts', null],
  ])(
    'with a budget of %i units (%s unpaid), the metrics they would have fed are null, with no finding on them',
    async (units, _what, summary) => {
      const p = await auditYouTube(units);
      const m = p.metrics!;
      expect(p.status).toBe('active');
      expect(m.conversationRatio).toBeNull();
      expect(m.unavailable.conversationRatio).toMatch(/budget of \d quota units? for YT_KEY is spent/);
      expect(m.audienceReplies).toBeNull();
      expect(m.answeredRate).toBeNull();
      expect(m.unavailable.answeredRate).toMatch(/budget of \d quota units? for YT_KEY is spent/);
      expect(m.threadsFailed ?? 0).toBe(0);
      expect(m.sample.note).toMatch(/not read: the YouTube Data API v3 budget of \d quota units? for YT_KEY is spent/);
      expect(p.findings.map((x) => x.code)).not.toContain('broadcast-only');
      expect(p.findings.map((x) => x.code)).not.toContain('ignores-audience');
      if (summary) expect(listeningSummary(p, [p])).toMatch(summary);
      else expect(listeningSummary(p, [p])).toBeNull();
      expect(p.scores?.conversation ?? null).toBeNull();
    },
  );

  it('with a budget that pays for one thread of three, listening counts that thread; the channel’s replies are unknown, not its share of one', async () => {
    const p = await auditYouTube(4);
    const m = p.metrics!;
    // the newest video's thread: ann and bob answered; cat's comment came after the as-of date
    expect(m).toMatchObject({
      audienceReplies: 2,
      answeredReplies: 2,
      threadsRead: 1,
      threadsUnread: 2,
      threadsFailed: 0,
    });
    expect(m.conversationRatio).toBeNull();
    expect(m.unavailable.conversationRatio).toMatch(
      /2 of 3 were not read: the YouTube Data API v3 budget of 4 quota units/,
    );
    expect(m.sample.note).toMatch(
      /2 of 3 threads with replies not read: the YouTube Data API v3 budget of 4 quota units/,
    );
    expect(p.findings.map((x) => x.code)).not.toContain('broadcast-only');
  });

  it('with --listen 0 the channel’s replies are not read, and nothing rests on them', async () => {
    const p = await auditYouTube(null, ['--listen', '0']);
    expect(p.metrics!.conversationRatio).toBeNull();
    expect(p.metrics!.answeredRate).toBeNull();
    expect(p.metrics!.unavailable.answeredRate).toMatch(/listening is off/);
    expect(p.metrics!.sample.note).toMatch(/the threads under its posts were not read: listening is off/);
    expect(p.findings.map((x) => x.code)).not.toContain('broadcast-only');
  });
});

// ---------- X: recent search by conversation ----------

describe('items 1, 2 and 5 on X (recent search by conversation_id)', () => {
  it('searches the conversations the brand started, never one under its reply; a 429 leaves the rest unread', async () => {
    const acme = { id: '100', username: 'acme' };
    const ann = { id: '201', username: 'ann' };
    const bob = { id: '202', username: 'bob' };
    const t1: XTweetSpec = {
      id: '1851000000000000001',
      text: 'New boots',
      created: '2026-10-30T12:00:00.000Z',
      authorId: acme.id,
      replyCount: 4,
    };
    const c1: XTweetSpec = {
      id: '1851000000000000002',
      text: '@acme in wide fit?',
      created: '2026-10-30T13:00:00.000Z',
      authorId: ann.id,
      conversationId: t1.id,
      repliedTo: { id: t1.id, userId: acme.id },
    };
    const t2: XTweetSpec = {
      id: '1851000000000000003',
      text: '@ann yes, from size 40',
      created: '2026-10-30T14:00:00.000Z',
      authorId: acme.id,
      conversationId: t1.id,
      repliedTo: { id: c1.id, userId: ann.id },
      replyCount: 1,
    };
    const c2: XTweetSpec = {
      ...c1,
      id: '1851000000000000004',
      text: '@acme and in blue?',
      created: '2026-10-30T15:00:00.000Z',
      repliedTo: { id: t2.id, userId: acme.id },
    };
    const late: XTweetSpec = {
      ...c1,
      id: '1851000000000000005',
      text: '@acme price?',
      created: '2026-11-02T09:00:00.000Z',
      authorId: bob.id,
    };
    const t3: XTweetSpec = {
      id: '1850900000000000001',
      text: 'Workshop Saturday',
      created: '2026-10-29T12:00:00.000Z',
      authorId: acme.id,
      replyCount: 1,
    };
    const api = await serveApi((url) => {
      const q = url.searchParams;
      if (url.pathname === '/users/by/username/acme')
        return {
          body: xUser({
            id: acme.id,
            username: 'acme',
            name: 'Acme',
            created: '2015-01-01T00:00:00.000Z',
            followers: 10,
            tweets: 3,
          }),
        };
      if (url.pathname === `/users/${acme.id}/tweets`) return { body: xPage([t2, t1, t3], [c1], null) };
      if (url.pathname === '/tweets/search/recent' && q.get('query') === `conversation_id:${t1.id}`)
        return { body: xPage([late, c2, t2, c1], [], null, [acme, ann, bob]) };
      if (url.pathname === '/tweets/search/recent' && q.get('query') === `conversation_id:${t3.id}`)
        return { status: 429, body: xProblem(429, 'Too Many Requests', 'Too Many Requests') };
      return undefined;
    });
    try {
      const p = await auditOne(
        `  endpoints: {xApi: ${api.url}}\n  auth: {x: {env: X_TOKEN, origin: ${api.url}}}\n  maxRetryAfterSeconds: 1\n`,
        'https://x.com/acme',
        { X_TOKEN: 'AAAAAAAAAAAAAAAAAAAAATestBearer0123456789abcdefgh' },
      );
      const searched = api.requests
        .filter((r) => r.url.startsWith('/tweets/search/recent'))
        .map((r) => new URL(r.url, api.url).searchParams.get('query'));
      expect(searched).toEqual([`conversation_id:${t1.id}`, `conversation_id:${t3.id}`]);
      expect(p.metrics).toMatchObject({
        audienceReplies: 2, // c1, and c2 under the brand's answer; bob's came after the as-of date
        answeredReplies: 1,
        medianAnswerMinutes: 60,
        threadsRead: 1,
        threadsWithReplies: 2,
        threadsFailed: 0,
        threadsUnread: 1,
      });
      expect(listeningSummary(p, [p])).toContain('1 thread read of 2 with replies (1 not read: see the sample note)');
      expect(p.metrics!.sample.note).toMatch(
        /1 of 2 threads with replies not read: rate limited by 127\.0\.0\.1:\d+ \(HTTP 429\)/,
      );
    } finally {
      await api.close();
    }
  });
});

// ---------- a Facebook Page through the Graph API: the comment trees come with the posts ----------

describe('item 1 on the Graph API (a Facebook Page’s comment trees)', () => {
  it('a comment after as-of is not counted, and the Page’s answers after as-of answer nothing', async () => {
    const page = { id: '2001', name: 'Acme' };
    const api = await serveApi((url) => {
      if (url.pathname === '/acme')
        return { body: JSON.stringify({ ...page, username: 'acme', followers_count: 50, fan_count: 50 }) };
      if (url.pathname === `/${page.id}/posts`)
        return {
          body: fbPosts(
            [
              {
                id: `${page.id}_1`,
                text: 'Winter boots are in',
                created: '2026-10-20T12:00:00.000Z',
                comments: [
                  {
                    id: 'c1',
                    from: { id: '31', name: 'Ann' },
                    text: 'Do you ship to Canada?',
                    created: '2026-10-25T09:00:00.000Z',
                    replies: [{ id: 'c1r', from: page, text: 'We do', created: '2026-11-03T10:00:00.000Z' }],
                  },
                  {
                    id: 'c2',
                    from: { id: '32', name: 'Bob' },
                    text: 'Is there a discount?',
                    created: '2026-11-02T09:00:00.000Z',
                    replies: [{ id: 'c2r', from: page, text: 'Not now', created: '2026-11-04T10:00:00.000Z' }],
                  },
                ],
              },
            ],
            null,
            null,
          ),
        };
      return undefined;
    });
    try {
      const p = await auditOne(
        `  endpoints: {graphApi: ${api.url}}\n  auth: {facebook: {env: META_TOKEN, origin: ${api.url}}}\n`,
        'https://www.facebook.com/acme',
        { META_TOKEN: 'EAATestToken0123456789abcdefghijklmnopqrstu' },
      );
      expect(p.metrics).toMatchObject({ audienceReplies: 1, answeredReplies: 0, questions: 1, questionsAnswered: 0 });
    } finally {
      await api.close();
    }
  });
});
