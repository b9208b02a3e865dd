/**
 * Owner APIs (issue 18) against local servers that play each API in its documented response format
 * (scripts/formats/apis.ts): the YouTube Data API v3, Meta's Graph API (a Facebook Page, an Instagram
 * professional account) and the X API v2 — paging, the channel's/Page's/account's own replies, listening,
 * the APIs' error shapes (refused tokens, quotas, rate limits, unknown accounts), budgets, the credential
 * sent to the API's origin only, and the public source with a note when the variable is not set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileResult, Report } from '../src/model/index.js';
import {
  type GraphCommentSpec,
  type GraphPostSpec,
  fbPosts,
  graphError,
  graphMe,
  igMedia,
} from './platforms/meta-graph/api-format.js';
import { type XTweetSpec, xNotFound, xPage, xProblem, xUser } from './platforms/x/api-format.js';
import {
  type YtThreadSpec,
  type YtVideo,
  ytChannels,
  ytCommentThreads,
  ytComments,
  ytError,
  ytNoChannel,
  ytPlaylistItems,
  ytVideoStatistics,
} from './platforms/youtube/api-format.js';
import { channelPage, videosFeed } from './platforms/youtube/format.js';
import { serveApi, type ApiAnswer, type ApiServer } from './helpers/api-server.js';
import { cli, schemaErrors } from './helpers/cli.js';

const KEY = 'AIzaTestKey-not-real-0123456789abcdefghij';
const TOKEN = 'EAATestToken0123456789abcdefghijklmnopqrstu';
const BEARER = 'AAAAAAAAAAAAAAAAAAAAATestBearer0123456789abcdefgh';
const CHANNEL = 'UCabcdefghijklmnopqrstuv';
const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 9, 31 - n, hour)).toISOString();
const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

let yt: ApiServer;
let graph: ApiServer;
let xapi: ApiServer;
let elsewhere: ApiServer;
const dir = mkdtempSync(join(tmpdir(), 'owner-apis-'));

// ---------- the YouTube channel: 60 uploads (2 pages), comments on two videos ----------
const videos: YtVideo[] = Array.from({ length: 60 }, (_, i) => ({
  id: `vid${String(i).padStart(8, '0')}`,
  title: `Trail test ${i}`,
  description: `Video ${i} of the channel.`,
  published: day(i * 3),
  private: i === 7,
}));
const brand = { channelId: CHANNEL, name: '@northwind' };
const person = (n: string) => ({ channelId: `UC${n.padEnd(22, 'x')}`, name: `@${n}` });
const threads: Record<string, YtThreadSpec[]> = {
  vid00000000: [
    {
      top: { id: 'Ugw1', author: person('ann'), text: 'Where can I buy this jacket?', published: day(0, 13) },
      replies: [
        { id: 'Ugw1.r1', author: brand, text: 'Hi Ann, in every store and online.', published: later(day(0, 13), 90) },
      ],
    },
    { top: { id: 'Ugw2', author: person('bob'), text: 'Great video', published: day(0, 14) }, replies: [] },
    {
      top: { id: 'Ugw3', author: person('cat'), text: 'Is the zip waterproof?', published: day(0, 15) },
      replies: [
        ...['dan', 'eve', 'fay', 'gus', 'hal'].map((n, i) => ({
          id: `Ugw3.r${i}`,
          author: person(n),
          text: `Same question from ${n}`,
          published: later(day(0, 15), 10 + i),
        })),
        { id: 'Ugw3.r9', author: brand, text: 'Yes, it is taped and waterproof.', published: later(day(0, 15), 240) },
      ],
      shown: 5,
    },
  ],
  vid00000001: [
    { top: { id: 'Ugx1', author: person('ivy'), text: 'Does it ship to Canada?', published: day(3, 13) }, replies: [] },
  ],
};

function youtube(url: URL): ApiAnswer | undefined {
  const q = url.searchParams;
  if (q.get('forHandle') === '@gone') return { body: ytNoChannel() };
  if (q.get('forHandle') === '@quota')
    return {
      status: 403,
      body: ytError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      ),
    };
  if (q.get('forHandle') === '@badkey')
    return {
      status: 400,
      body: ytError(400, 'API_KEY_INVALID', 'API key not valid. Please pass a valid API key.', 'global'),
    };
  // a server that would page forever: empty pages, each with a next token
  if (q.get('forHandle') === '@forever')
    return {
      body: ytChannels({
        id: 'UCforeverforeverforever1',
        title: 'Forever',
        handle: '@forever',
        published: '2015-03-01T10:00:00Z',
        subscribers: 1,
        videos: 9,
      }),
    };
  if (q.get('playlistId') === 'UUforeverforeverforever1')
    return {
      body: ytPlaylistItems('UCforeverforeverforever1', q.get('pageToken') ? [] : videos.slice(0, 2), 'again', 9),
    };
  if (q.get('forHandle') === '@moved')
    return { status: 302, body: '', headers: { location: `${elsewhere.url}/channels?x=1` } };
  if (url.pathname === '/channels')
    return {
      body: ytChannels({
        id: CHANNEL,
        title: 'Northwind',
        handle: '@northwind',
        published: '2015-03-01T10:00:00Z',
        subscribers: 4200,
        videos: 60,
      }),
    };
  if (url.pathname === '/playlistItems') {
    const second = q.get('pageToken') === 'CDIQAA';
    return {
      body: ytPlaylistItems(CHANNEL, second ? videos.slice(50) : videos.slice(0, 50), second ? null : 'CDIQAA', 60),
    };
  }
  if (url.pathname === '/videos') {
    const ids = (q.get('id') ?? '').split(',');
    return {
      body: ytVideoStatistics(
        ids.map((id) => ({ id, comments: (threads[id] ?? []).reduce((n, t) => n + 1 + t.replies.length, 0) })),
      ),
    };
  }
  if (url.pathname === '/commentThreads')
    return { body: ytCommentThreads(CHANNEL, q.get('videoId')!, threads[q.get('videoId')!] ?? []) };
  if (url.pathname === '/comments') {
    const parent = q.get('parentId')!;
    const t = Object.values(threads)
      .flat()
      .find((x) => x.top.id === parent)!;
    return { body: ytComments('vid00000000', parent, t.replies) };
  }
  // the public channel page and feed, for the fallback
  if (url.pathname === '/@northwind')
    return { type: 'text/html', body: channelPage('@northwind', CHANNEL, 'Northwind') };
  if (url.pathname === '/feeds/videos.xml')
    return { type: 'application/atom+xml', body: videosFeed(CHANNEL, 'Northwind', videos) };
  return undefined;
}

// ---------- the Facebook Page and the Instagram account ----------
const PAGE = { id: '1001', name: 'Northwind Outfitters' };
const pageFrom = { id: PAGE.id, name: PAGE.name };
const fbPost = (i: number, comments: GraphCommentSpec[] = []): GraphPostSpec => ({
  id: `1001_${5000 + i}`,
  text: `Post ${i}: new colours are in.`,
  created: day(i * 4),
  comments,
});
const fbPostsAll = Array.from({ length: 30 }, (_, i) =>
  fbPost(
    i,
    i === 0
      ? [
          {
            id: 'c1',
            from: { id: '77', name: 'Ann Example' },
            text: 'Do you have it in blue?',
            created: day(0, 13),
            replies: [
              { id: 'c1r', from: pageFrom, text: 'Hi Ann, yes: blue arrives Monday.', created: later(day(0, 13), 30) },
            ],
          },
          {
            id: 'c2',
            from: { id: '78', name: 'Bob Example' },
            text: 'When do you open on Sunday?',
            created: day(0, 14),
          },
        ]
      : [],
  ),
);
const igAccount = { id: '1784', username: 'northwind', name: 'Northwind', followers: 900, media: 12 };
const igPosts: GraphPostSpec[] = Array.from({ length: 12 }, (_, i) => ({
  id: `1790${i}`,
  text: `Gram ${i}`,
  created: day(i * 5),
  comments:
    i === 1
      ? [
          {
            id: 'ig1',
            from: { id: '55', name: 'ann.example' },
            text: 'Price?',
            created: day(5, 13),
            replies: [
              {
                id: 'ig1r',
                from: { id: igAccount.id, name: 'northwind' },
                text: 'Sent you a DM!',
                created: later(day(5, 13), 20),
              },
            ],
          },
        ]
      : [],
}));

function metaGraph(url: URL, origin: string): ApiAnswer | undefined {
  const q = url.searchParams;
  const usage = { 'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":5}' };
  if (url.pathname === '/expired')
    return {
      status: 400,
      body: graphError(
        190,
        'Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.',
        463,
      ),
    };
  if (url.pathname === '/limited')
    return {
      status: 400,
      body: graphError(4, 'Application request limit reached', undefined, 'OAuthException'),
      headers: { 'x-app-usage': '{"call_count":100,"total_cputime":20,"total_time":40}' },
    };
  if (url.pathname === '/nosuchpage')
    return {
      status: 404,
      body: graphError(803, '(#803) Some of the aliases you requested do not exist: nosuchpage'),
    };
  if (url.pathname === '/echo')
    return { status: 400, body: graphError(190, `Invalid OAuth access token - Cannot parse access token: ${TOKEN}`) };
  if (url.pathname === '/forever') return { body: JSON.stringify({ id: '9009', name: 'Forever' }) };
  if (url.pathname === '/9009/posts')
    return { body: fbPosts([{ ...fbPost(0), id: '9009_1' }], 'c2FtZQ', `${origin}/9009/posts?after=c2FtZQ`) };
  if (url.pathname === '/northwind')
    return {
      body: JSON.stringify({ ...PAGE, username: 'northwind', followers_count: 5100, fan_count: 5000 }),
      headers: usage,
    };
  if (url.pathname === `/${PAGE.id}/posts`) {
    const after = q.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const slice = fbPostsAll.slice(start, start + 25);
    const next = start + 25 < fbPostsAll.length ? Buffer.from(String(start + 25)).toString('base64url') : null;
    return { body: fbPosts(slice, next, next ? `${origin}${url.pathname}?after=${next}` : null), headers: usage };
  }
  if (url.pathname === '/me') return { body: graphMe(PAGE, igAccount) };
  if (url.pathname === `/${igAccount.id}/media`) return { body: igMedia(igPosts, null, null) };
  return undefined;
}

// ---------- the X account ----------
const USER = {
  id: '2244994945',
  username: 'northwind',
  name: 'Northwind',
  created: '2012-01-01T00:00:00.000Z',
  followers: 1200,
  tweets: 800,
};
const xTweets: XTweetSpec[] = Array.from({ length: 150 }, (_, i) => ({
  id: String(1850000000000000000n + BigInt(1000 - i)),
  text: i % 3 === 1 ? `@cust${i} Sorry to hear that, please DM us. ^JS` : `Post ${i}`,
  created: day(Math.floor(i / 2), 10),
  authorId: USER.id,
  replyCount: i === 0 ? 2 : 0,
  ...(i % 3 === 1 ? { repliedTo: { id: `99${i}`, userId: `55${i}` } } : {}),
}));
const xParents: XTweetSpec[] = xTweets
  .filter((t) => t.repliedTo)
  .map((t) => ({
    id: t.repliedTo!.id,
    text: 'my order is late',
    created: later(t.created, -45),
    authorId: t.repliedTo!.userId,
  }));

function xApi(url: URL): ApiAnswer | undefined {
  const q = url.searchParams;
  if (url.pathname === '/users/by/username/gone') return { body: xNotFound('gone') };
  if (url.pathname === '/users/by/username/refused')
    return { status: 401, body: xProblem(401, 'Unauthorized', 'Unauthorized') };
  if (url.pathname === '/users/by/username/limited')
    return {
      status: 429,
      body: xProblem(429, 'Too Many Requests', 'Too Many Requests'),
      headers: {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
      },
    };
  if (url.pathname === '/users/by/username/northwind') return { body: xUser(USER) };
  if (url.pathname === '/users/by/username/forever') return { body: xUser({ ...USER, id: '44', username: 'forever' }) };
  if (url.pathname === '/users/44/tweets') return { body: xPage(xTweets.slice(0, 3), [], 'same') };
  if (url.pathname === '/users/by/username/spent') return { body: xUser({ ...USER, id: '43', username: 'spent' }) };
  if (url.pathname === '/users/43/tweets')
    // the first page says the endpoint's limit is used up: no second page is asked for
    return {
      body: xPage(xTweets.slice(0, 100), [], 'nexttoken'),
      headers: { 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1793491200' },
    };
  if (url.pathname === `/users/${USER.id}/tweets`) {
    const second = q.get('pagination_token') === '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i';
    const page = second ? xTweets.slice(100) : xTweets.slice(0, 100);
    const ids = new Set(page.map((t) => t.repliedTo?.id));
    return {
      body: xPage(
        page,
        xParents.filter((p) => ids.has(p.id)),
        second ? null : '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i',
      ),
    };
  }
  // an account whose token may search: its newest post's conversation
  if (url.pathname === '/users/by/username/listened')
    return { body: xUser({ ...USER, id: '42', username: 'listened' }) };
  if (url.pathname === '/users/42/tweets')
    return {
      body: xPage(
        [
          {
            id: '1850000000000009000',
            text: 'New trail guide is out',
            created: day(1, 9),
            authorId: '42',
            replyCount: 3,
          },
          { id: '1850000000000008000', text: 'Old news', created: day(20, 9), authorId: '42', replyCount: 5 },
        ],
        [],
        null,
      ),
    };
  if (url.pathname === '/tweets/search/recent' && q.get('query') === 'conversation_id:1850000000000009000')
    return {
      body: xPage(
        [
          {
            id: '1850000000000009003',
            text: '@ann it ships Monday',
            created: day(1, 12),
            authorId: '42',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009001', userId: '501' },
          },
          {
            id: '1850000000000009002',
            text: 'Nice one',
            created: day(1, 11),
            authorId: '502',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009000', userId: '42' },
          },
          {
            id: '1850000000000009001',
            text: 'When does the map ship?',
            created: day(1, 10),
            authorId: '501',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009000', userId: '42' },
          },
        ],
        [],
        null,
        [
          { id: '42', username: 'listened' },
          { id: '501', username: 'ann' },
          { id: '502', username: 'bob' },
        ],
      ),
    };
  if (url.pathname === '/tweets/search/recent')
    return {
      status: 403,
      body: xProblem(
        403,
        'Client Forbidden',
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
        {
          reason: 'client-not-enrolled',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          required_enrollment: 'Appropriate Level of API Access',
        },
      ),
    };
  return undefined;
}

beforeAll(async () => {
  elsewhere = await serveApi(() => ({ body: '{"items":[]}' }));
  yt = await serveApi(youtube);
  graph = await serveApi(metaGraph);
  xapi = await serveApi(xApi);
});
afterAll(async () => {
  await Promise.all([yt, graph, xapi, elsewhere].map((s) => s.close()));
});

const ENV = { YT_KEY: KEY, META_TOKEN: TOKEN, X_TOKEN: BEARER };

/** Runs an audit of these profiles against the local APIs and returns the JSON report. */
async function audit(profiles: string, env: Record<string, string> = ENV, settings = '', extra: string[] = []) {
  const file = join(dir, `inv-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `company: Northwind
settings:
  hostIntervalMs: 0
  maxRetryAfterSeconds: 1
  endpoints:
    youtube: ${yt.url}
    youtubeApi: ${yt.url}
    graphApi: ${graph.url}
    xApi: ${xapi.url}
  auth:
    youtube: {env: YT_KEY, origin: ${yt.url}}
    facebook: {env: META_TOKEN, origin: ${graph.url}}
    instagram: {env: META_TOKEN, origin: ${graph.url}}
    x: {env: X_TOKEN, origin: ${xapi.url}}
${settings}
profiles:
${profiles}`,
  );
  const run = await cli(
    ['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q', ...extra],
    env,
  );
  expect(run.stderr).not.toContain('internal error');
  const report = JSON.parse(run.stdout) as Report;
  expect(schemaErrors(report)).toBeNull();
  return { report, run, one: (id: string) => report.profiles.find((p) => p.id === id) as ProfileResult };
}

describe('YouTube Data API v3', () => {
  it('reads every upload past the feed, the comment threads, and the channel own replies', async () => {
    const before = yt.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n');
    const p = one('yt');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.account).toMatchObject({ handle: '@northwind', followers: 4200, posts: 60 });
    // 59 public videos (one private left out) and the channel's 2 replies, past the feed's 15
    expect(p.metrics!.sample.note).toContain('59 videos from the uploads playlist (all of them)');
    expect(p.metrics!.sample.note).toContain('1 private or deleted upload left out');
    expect(p.metrics!.replies).toBe(2);
    expect(p.metrics!.medianResponseMinutes).toBe(165); // 90 and 240 minutes
    expect(p.metrics!.audienceReplies).toBeGreaterThan(0);
    expect(p.metrics!.unanswered!.map((u) => u.text)).toContain('Does it ship to Canada?');
    // channels, 2 playlist pages, 2 statistics calls, 2 comment threads, 1 comments page
    expect(p.api).toEqual({
      service: 'YouTube Data API v3',
      credential: 'YT_KEY',
      used: true,
      calls: 8,
      units: 8,
      unit: 'quota unit',
      budget: null,
      notes: [],
    });
    const mine = yt.requests.slice(before);
    expect(mine).toHaveLength(8);
    for (const r of mine) {
      expect(r.headers['x-goog-api-key']).toBe(KEY);
      expect(r.url).not.toContain(KEY);
    }
  });

  it('says why: a spent quota and a refused key are blocked, an unknown handle is unreachable', async () => {
    const { one } = await audit(
      ['@quota', '@badkey', '@gone']
        .map((h) => `  - url: https://www.youtube.com/${h}\n    id: ${h.slice(1)}\n`)
        .join(''),
    );
    expect(one('quota').status).toBe('blocked');
    expect(one('quota').statusReason).toMatch(
      /^the YouTube Data API quota is spent \(quotaExceeded: The request cannot be completed because you have exceeded your quota\.\): could not tell/,
    );
    expect(one('badkey').status).toBe('blocked');
    expect(one('badkey').statusReason).toContain('the API key was refused (API_KEY_INVALID: API key not valid');
    expect(one('gone').status).toBe('unreachable');
    expect(one('gone').statusReason).toContain('knows no channel for @gone');
  });

  it('stops at the budget, and reads the public feed when the budget is spent before a profile', async () => {
    // with a run budget of 3 units, shared by the platform's profiles
    const budgeted = await auditWithBudget(3);
    const ids = budgeted.report.profiles.map((p) => p.api!);
    const used = ids.filter((a) => a.used);
    const fellBack = ids.filter((a) => !a.used);
    expect(used).toHaveLength(1);
    expect(used[0]!.units).toBe(3);
    expect(used[0]!.notes.join()).toContain(
      'the YouTube Data API v3 budget of 3 quota units for YT_KEY is spent: the read stopped there',
    );
    expect(fellBack).toHaveLength(1);
    expect(fellBack[0]!.notes[0]).toMatch(
      /budget of 3 quota units for YT_KEY is spent before this profile: the public source was read instead/,
    );
    const feed = budgeted.report.profiles.find((p) => !p.api!.used)!;
    expect(feed.metrics!.sample.method).toBe('feed');
  });

  it('reads the public feed, with a note, when the variable is not set', async () => {
    const before = yt.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', {});
    const p = one('yt');
    expect(p.metrics!.sample.method).toBe('feed');
    expect(p.api).toMatchObject({
      used: false,
      calls: 0,
      notes: ['YT_KEY is not set, so the YouTube Data API v3 was not used: the public source was read instead'],
    });
    expect(yt.requests.slice(before).every((r) => r.headers['x-goog-api-key'] === undefined)).toBe(true);
  });

  it('replays a run recorded without the variable from its recorded public source', async () => {
    const evidence = join(dir, 'recorded-public');
    await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', {}, '', ['--record', evidence]);
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', ENV, '', [
      '--replay',
      evidence,
    ]);
    expect(one('yt').metrics!.sample.method).toBe('feed');
    expect(one('yt').api!.notes).toEqual([
      'the recording holds no YouTube Data API v3 answers for this profile: its recorded public source was read',
    ]);
  });

  it('never follows the API to another origin with the key', async () => {
    const before = elsewhere.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@moved\n    id: moved\n');
    expect(one('moved').status).toBe('error');
    expect(one('moved').statusReason).toMatch(
      /the API redirected to another origin \(http:\/\/127\.0\.0\.1:\d+\); its credential goes only to/,
    );
    expect(elsewhere.requests.length).toBe(before);
  });
});

async function auditWithBudget(units: number) {
  const file = join(dir, `budget-${units}.yaml`);
  writeFileSync(
    file,
    `company: Northwind
settings:
  hostIntervalMs: 0
  concurrency: 1
  hostConcurrency: 1
  endpoints: {youtube: ${yt.url}, youtubeApi: ${yt.url}}
  auth: {youtube: {env: YT_KEY, budget: ${units}, origin: ${yt.url}}}
profiles:
  - url: https://www.youtube.com/@northwind
    id: first
  - url: https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv
    id: second
`,
  );
  const run = await cli(['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q'], ENV);
  return { report: JSON.parse(run.stdout) as Report };
}

describe('Meta Graph API', () => {
  it("reads a Facebook Page's posts by cursor, the comments under them, and the Page's own answers", async () => {
    const before = graph.requests.length;
    const { one } = await audit('  - url: https://www.facebook.com/northwind\n    id: fb\n');
    const p = one('fb');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.account).toMatchObject({ displayName: 'Northwind Outfitters', followers: 5100 });
    expect(p.metrics!.replies).toBe(1);
    expect(p.metrics!.medianResponseMinutes).toBe(30);
    expect(p.metrics!.unanswered!.map((u) => u.text)).toEqual(['When do you open on Sunday?']);
    expect(p.api).toMatchObject({
      service: 'Meta Graph API',
      credential: 'META_TOKEN',
      used: true,
      calls: 3,
      units: 3,
    });
    const mine = graph.requests.slice(before);
    expect(mine.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(mine.some((r) => r.url.includes('after='))).toBe(true);
  });

  it('maps the error codes: an expired token, a rate limit from x-app-usage, a Page that does not exist', async () => {
    const { one } = await audit(
      ['expired', 'limited', 'nosuchpage']
        .map((n) => `  - url: https://www.facebook.com/${n}\n    id: ${n}\n`)
        .join(''),
    );
    expect(one('expired').status).toBe('blocked');
    expect(one('expired').statusReason).toBe('the token was refused (code 190: expired)');
    expect(one('limited').status).toBe('blocked');
    expect(one('limited').statusReason).toMatch(
      /^rate limited by the Graph API \(code 4: Application request limit reached\): could not tell/,
    );
    expect(one('limited').api!.notes).toContain('the app had used 100% of a Graph API rate limit (x-app-usage)');
    expect(one('nosuchpage').status).toBe('unreachable');
  });

  it('reads the Instagram account linked to the token, and refuses one that is not the profile', async () => {
    const { one } = await audit(
      '  - url: https://www.instagram.com/northwind\n    id: ig\n  - url: https://www.instagram.com/someoneelse\n    id: other\n',
    );
    const p = one('ig');
    expect(p.status).toBe('active');
    expect(p.account).toMatchObject({ handle: '@northwind', followers: 900, posts: 12 });
    expect(p.metrics!.replies).toBe(1);
    expect(p.metrics!.medianResponseMinutes).toBe(20);
    expect(one('other').status).toBe('blocked');
    expect(one('other').statusReason).toContain(
      "the token's Page is linked to the Instagram account @northwind, not @someoneelse",
    );
  });
});

describe('X API v2', () => {
  it('pages by pagination_token, dates replies from the included parents, and says when search is not in the tier', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/northwind\n    id: x\n');
    const p = one('x');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.metrics!.replies).toBeGreaterThan(30);
    expect(p.metrics!.medianResponseMinutes).toBe(45);
    expect(p.metrics!.unavailable.audienceReplies).toMatch(
      /the token's X API access level does not include recent search \(HTTP 403 client-not-enrolled\)/,
    );
    const mine = xapi.requests.slice(before);
    expect(mine.every((r) => r.headers.authorization === `Bearer ${BEARER}`)).toBe(true);
    expect(mine.filter((r) => r.url.includes('/tweets/search/recent'))).toHaveLength(1); // refused once, not asked again
  });

  it('reads who replied from recent search where the tier allows it, for posts of the last 7 days only', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/listened\n    id: heard\n');
    const p = one('heard');
    expect(p.metrics).toMatchObject({
      audienceReplies: 2,
      answeredReplies: 1,
      questions: 1,
      questionsAnswered: 1,
      threadsRead: 1,
    });
    expect(p.metrics!.medianAnswerMinutes).toBe(120);
    const searches = xapi.requests.slice(before).filter((r) => r.url.startsWith('/tweets/search/recent'));
    expect(searches.map((r) => new URL(r.url, xapi.url).searchParams.get('query'))).toEqual([
      'conversation_id:1850000000000009000',
    ]);
    expect(p.metrics!.sample.note).toContain("X's recent search reaches back 7 days");
  });

  it('stops paging when the API says its limit is spent (x-rate-limit-remaining: 0), keeping what it read', async () => {
    const before = xapi.requests.length;
    const { one } = await audit('  - url: https://x.com/spent\n    id: spent\n');
    expect(one('spent').status).toBe('active');
    expect(one('spent').api!.notes).toEqual([
      'the X API v2 rate limit is spent until 2026-11-01T00:00:00.000Z (x-rate-limit-remaining: 0): the read stopped there',
    ]);
    expect(xapi.requests.slice(before).filter((r) => r.url.startsWith('/users/43/tweets'))).toHaveLength(1);
  });

  it('maps 401, a long rate limit (x-rate-limit-reset) and an unknown user', async () => {
    const { one } = await audit(
      ['refused', 'limited', 'gone'].map((n) => `  - url: https://x.com/${n}\n    id: ${n}\n`).join(''),
    );
    expect(one('refused').status).toBe('blocked');
    expect(one('refused').statusReason).toBe('the token was refused (HTTP 401: Unauthorized: Unauthorized)');
    expect(one('limited').status).toBe('blocked');
    expect(one('limited').statusReason).toMatch(/^rate limited by the X API v2 \(rate limited for 9\d\d s/);
    expect(one('gone').status).toBe('unreachable');
    expect(one('gone').statusReason).toContain('Could not find user with username: [gone]');
  });
});

describe('servers that would page forever', () => {
  it('stop at an empty page or a cursor given before, with a note, on every API', async () => {
    const before = [yt, graph, xapi].map((s) => s.requests.length);
    const { one } = await audit(
      '  - url: https://www.youtube.com/@forever\n    id: yt\n  - url: https://www.facebook.com/forever\n    id: fb\n  - url: https://x.com/forever\n    id: x\n',
    );
    for (const id of ['yt', 'fb', 'x']) {
      expect(one(id).status, `${id}: ${one(id).statusReason}`).not.toBe('error');
      expect(one(id).api!.notes.join(), id).toMatch(/went on paging without new posts: paging stopped there/);
    }
    // one page that is new, then the one that repeats or is empty: two requests of each edge, no more
    const pages = (server: ApiServer, i: number, edge: RegExp) =>
      server.requests.slice(before[i]).filter((r) => edge.test(r.url)).length;
    expect([
      pages(yt, 0, /^\/playlistItems\?/),
      pages(graph, 1, /^\/9009\/posts\?/),
      pages(xapi, 2, /^\/users\/44\/tweets\?/),
    ]).toEqual([2, 2, 2]);
  });
});

describe('declaring credentials', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('refuses a token written into the inventory (exit 2, its line, never the value), and auth where no API reads it', async () => {
    const token = 'EAABsbCS1iHgBAKZBZCZAxyz1234567890abcdefABCDEF';
    const file = write(
      'literal.yaml',
      `company: A
settings:
  auth:
    facebook: {env: META_TOKEN}
    youtube: {env: AIzaSyA1234567890abcdefghijklmnopqrstuv}
profiles:
  - url: https://www.facebook.com/northwind
    auth: "${token}"
  - url: https://mastodon.social/@northwind
    auth: {env: MASTODON_TOKEN}
  - url: https://x.com/northwind
    archive: exports/tweets.js
    auth: {env: X_TOKEN}
`,
    );
    const { code, stderr } = await cli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}:5:20: settings.auth.youtube.env: this looks like a Google API key written into the inventory`,
    );
    expect(stderr).toContain(
      `${file}:8:11: profiles[0].auth: this looks like a Meta access token written into the inventory; expected the name of the environment variable that holds it`,
    );
    expect(stderr).toContain(`${file}:10:11: profiles[1].auth: mastodon is not read through an API with a credential`);
    expect(stderr).toContain(`${file}:13:11: profiles[2]: both an export and "auth" are set`);
    // one problem at the token's place: the token check, not also the schema's "expected {env: VARIABLE}"
    expect(stderr.match(/:8:11:/g)).toHaveLength(1);
    expect(stderr).not.toContain(token);
    expect(stderr).not.toContain('AIzaSyA1234567890');
  });

  it('validate says which variables are set and which are missing, and never prints a value', async () => {
    const file = write(
      'declared.yaml',
      `company: A
settings:
  auth: {youtube: {env: YT_KEY, budget: 500}, instagram: {env: META_TOKEN}}
profiles:
  - url: https://www.youtube.com/@northwind
  - url: https://www.instagram.com/northwind
  - url: https://x.com/northwind
    auth: {env: X_TOKEN}
`,
    );
    const { code, stdout } = await cli(['validate', file], { YT_KEY: KEY, X_TOKEN: '' });
    expect(code).toBe(0);
    expect(stdout).toContain('credentials (read from the environment when the audit runs; values are never printed):');
    expect(stdout).toMatch(/ {2}YT_KEY {6}set {6}settings\.auth\.youtube \(1 profile\)\n/);
    expect(stdout).toMatch(
      / {2}META_TOKEN {2}missing {2}settings\.auth\.instagram \(1 profile\): the public source is read instead\n/,
    );
    expect(stdout).toMatch(/ {2}X_TOKEN {5}missing {2}x\.com-northwind: the public source is read instead\n/);
    expect(stdout).not.toContain(KEY);
  });
});
