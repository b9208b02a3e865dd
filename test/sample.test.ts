/**
 * The sample definition (model/sample.ts, analysis/sample.ts): what is counted, and that it never
 * depends on how a source pages or in which order an export lists its rows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { selectSample } from '../src/analysis/sample.js';
import { readExport } from '../src/platforms/kit/owner-download.js';
import { LiveHttpClient } from '../src/http/live.js';
import { pagingDone, type Metrics, type Post, type Settings } from '../src/model/index.js';
import { bluesky } from '../src/platforms/bluesky/adapter.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import { reddit } from '../src/platforms/reddit/adapter.js';
import type { PlatformAdapter } from '../src/platforms/types.js';
import { AS_OF, makePost, settings, makeProfile } from './helpers/builders.js';
import { servePaged, type PagedAccount } from './helpers/paged-server.js';
import { account as mastoAccount, snowflake, status as mastoStatus } from './platforms/mastodon/format.js';
import { postView, profile as bskyProfile, reasonRepost, type BskyActor } from './platforms/bluesky/format.js';
import { listing, userAbout, type RedditThing } from './platforms/reddit/format.js';
import { tweetsJs, twitterSnowflake } from './platforms/x/download-format.js';
import { Random } from '../scripts/formats/random.js';
import { account as ptAccount, video as ptVideo } from './platforms/peertube/format.js';
import { peertube } from '../src/platforms/peertube/adapter.js';

const DAY = 86_400_000;
const noFacts = { displayName: null, handle: null, postsCount: null, lastPostAt: null };

describe('selectSample', () => {
  const days = (...ds: number[]) => ds.map((d) => makePost(d));
  const range = (from: number, count: number, step = 1) =>
    Array.from({ length: count }, (_, i) => makePost(from + i * step));
  it.each([
    {
      name: 'a busy window: only its posts',
      posts: range(0, 60, 2),
      end: true,
      expect: { sample: 60, extended: false, complete: true },
    },
    {
      name: 'posts older than the window are not counted',
      posts: [...range(0, 30, 5), ...range(200, 30, 5)],
      end: true,
      expect: { sample: 30, extended: false, complete: true },
    },
    {
      name: 'a thin window is extended to the newest 20',
      posts: [...days(10, 20, 30), ...range(300, 40, 10)],
      end: true,
      expect: { sample: 20, extended: true, complete: true },
    },
    {
      name: 'fewer posts than 20 in all: all of them, not extended beyond what exists',
      posts: days(10, 400, 800),
      end: true,
      expect: { sample: 3, extended: true, complete: true },
    },
    {
      name: 'a feed of 5 recent items: incomplete, it may hold more',
      posts: days(1, 2, 3, 4, 5),
      end: false,
      expect: { sample: 5, extended: false, complete: false },
    },
    {
      name: 'a feed reaching past the reach with a thin window: its newest 20',
      posts: [...days(3), ...range(400, 25, 3)],
      end: false,
      expect: { sample: 20, extended: true, complete: true },
    },
  ])('$name', ({ posts, end, expect: want }) => {
    const got = selectSample({ posts, reachedEnd: end, facts: noFacts }, AS_OF, settings);
    expect({ sample: got.sample.length, extended: got.extended, complete: got.complete }).toEqual(want);
  });

  it('counts at most maxPosts, the newest, and says the sample is capped', () => {
    const got = selectSample({ posts: range(0, 50), reachedEnd: true, facts: noFacts }, AS_OF, {
      ...settings,
      maxPosts: 30,
    });
    expect(got.sample).toHaveLength(30);
    expect(got.sample.at(-1)!.t).toBe(AS_OF.getTime() - 29 * DAY);
    expect(got.complete).toBe(false);
    expect(got.incompleteBecause).toBe('only the newest 30 posts were read');
  });

  it('leaves out future and undated posts, and an old pinned post proves no coverage', () => {
    const posts = [makePost(-5), makePost(null), makePost(700, { pinned: true }), ...days(1, 2)];
    const got = selectSample({ posts, reachedEnd: false, facts: noFacts }, AS_OF, settings);
    expect({ future: got.future, undated: got.undated, fetched: got.fetched }).toEqual({
      future: 1,
      undated: 1,
      fetched: 5,
    });
    expect(got.complete).toBe(false);
    expect(got.coveredFrom).toBe(AS_OF.getTime() - 2 * DAY);
  });

  it('does not depend on the order of the posts, not even for equal times', () => {
    const same = new Date(AS_OF.getTime() - 3 * DAY).toISOString();
    const posts = [
      ...range(0, 40, 3),
      makePost(null, { createdAt: same, id: 'row-1', text: 'a' }),
      makePost(null, { createdAt: same, id: 'row-2', text: 'b' }),
    ];
    const timeline = (p: Post[]) => ({
      platform: 'x' as const,
      method: 'export' as const,
      facts: noFacts,
      posts: p,
      reachedEnd: true,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: true,
      sampleNote: null,
      sourceUrl: 'x',
    });
    const forward = analyzeTimeline(timeline(posts), AS_OF, settings);
    const backward = analyzeTimeline(timeline([...posts].reverse()), AS_OF, settings);
    expect(backward).toEqual(forward);
  });

  it('stops paging only once the reach and the minimum sample are covered', () => {
    expect(pagingDone(range(0, 19, 10), AS_OF, settings)).toBe(false); // 19 posts reaching 180 days: not past the reach
    expect(pagingDone(range(0, 25, 10), AS_OF, settings)).toBe(true); // 25 posts back to 240 days
    expect(pagingDone(range(300, 19), AS_OF, settings)).toBe(false); // past the reach but under 20 posts
    expect(pagingDone(range(0, 400, 0.01), AS_OF, settings)).toBe(false); // maxPosts caps the sample, not the reading
    expect(pagingDone(range(0, 4000, 0.001), AS_OF, settings)).toBe(true); // 10 × maxPosts: the reading's ceiling
    expect(pagingDone([...range(-800, 400), ...range(0, 5)], AS_OF, settings)).toBe(false); // future posts do not count
  });
});

/** A seeded account's history as platform-neutral posts: what each API is then made to serve. */
interface Spec {
  at: string;
  kind: 'original' | 'reply' | 'thread' | 'repost';
  text: string;
  parentAt: string | null;
}

const CANNED = [
  'Sorry to hear that! Please send us a DM with your order number and we will look into it',
  'Thanks for reaching out, our team will get back to you within 24 hours',
  'We are sorry for the trouble, could you follow us so we can DM you the details',
];

function history(seed: number, count: number, newestDaysAgo: number, spanDays: number): Spec[] {
  const rnd = new Random(seed);
  const specs: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const ago = newestDaysAgo + (spanDays * i) / count + rnd.next() * 0.5;
    const at = new Date(AS_OF.getTime() - ago * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const roll = rnd.next();
    const kind = roll < 0.45 ? 'original' : roll < 0.8 ? 'reply' : roll < 0.9 ? 'thread' : 'repost';
    const text =
      kind === 'reply' && rnd.chance(0.5)
        ? `${rnd.pick(CANNED)} ^${rnd.pick(['JS', 'AB', 'KL'])}`
        : kind === 'original' && rnd.chance(0.3)
          ? `New trail shoes are in, use code TRAIL${i} for 20% off, shop now`
          : `Post ${i} about ${rnd.pick(['boots', 'tents', 'maps', 'stoves'])} and ${rnd.pick(['rain', 'snow', 'sun'])} number ${rnd.int(1, 9999)}`;
    specs.push({
      at,
      kind,
      text,
      parentAt:
        kind === 'reply' || kind === 'repost'
          ? new Date(Date.parse(at) - rnd.int(5, 600) * 60_000).toISOString()
          : null,
    });
  }
  return specs; // newest first
}

const HOST = 'social.example';
function asMastodon(specs: Spec[]): PagedAccount {
  const owner = mastoAccount({
    host: HOST,
    id: '1090',
    username: 'northwind',
    displayName: 'Northwind',
    note: 'Trail gear',
    createdAt: '2020-01-01T00:00:00.000Z',
    statusesCount: specs.length,
    lastStatusAt: specs[0]!.at,
    followers: 10,
  });
  const items = specs.map((s, i) => {
    const id = snowflake(s.at, i);
    const parent = s.parentAt ? snowflake(s.parentAt, i + 1) : '';
    if (s.kind === 'reply')
      return mastoStatus(
        {
          id,
          createdAt: s.at,
          text: s.text,
          replyTo: { handle: 'ana', host: 'example.org', accountId: '77', statusId: parent },
        },
        owner,
        HOST,
      );
    if (s.kind === 'thread')
      return mastoStatus(
        {
          id,
          createdAt: s.at,
          text: s.text,
          threadOf: snowflake(new Date(Date.parse(s.at) - 60_000).toISOString(), i),
        },
        owner,
        HOST,
      );
    if (s.kind === 'repost')
      return mastoStatus(
        {
          id,
          createdAt: s.at,
          text: '',
          reblogOf: {
            handle: 'ana',
            host: 'example.org',
            accountId: '77',
            text: s.text,
            createdAt: s.parentAt!,
            id: parent,
          },
        },
        owner,
        HOST,
      );
    return mastoStatus({ id, createdAt: s.at, text: s.text }, owner, HOST);
  });
  return { platform: 'mastodon', profile: owner, items };
}

const ME: BskyActor = { did: 'did:plc:northwind', handle: 'northwind.bsky.social', displayName: 'Northwind' };
const ANA: BskyActor = { did: 'did:plc:ana', handle: 'ana.bsky.social', displayName: 'Ana' };
function asBluesky(specs: Spec[]): PagedAccount {
  const items = specs.map((s, n) => {
    if (s.kind === 'repost')
      return { post: postView(ANA, 200_000 + n, s.text, s.parentAt!), reason: reasonRepost(ME, s.at) };
    if (s.kind === 'original') return { post: postView(ME, n, s.text, s.at) };
    const parentAuthor = s.kind === 'thread' ? ME : ANA;
    const parent = postView(
      parentAuthor,
      100_000 + n,
      'Where is my order?',
      s.parentAt ?? new Date(Date.parse(s.at) - 60_000).toISOString(),
    );
    return {
      post: postView(ME, n, s.text, s.at, { parentUri: parent.uri, rootUri: parent.uri }),
      reply: {
        root: { $type: 'app.bsky.feed.defs#postView', ...parent },
        parent: { $type: 'app.bsky.feed.defs#postView', ...parent },
      },
    };
  });
  return { platform: 'bluesky', profile: bskyProfile(ME, 'Trail gear', specs.length, 10), items };
}

function asReddit(specs: Spec[]): PagedAccount {
  const things: RedditThing[] = specs.map((s, n) => {
    const id = `k${n.toString(36)}`;
    if (s.kind === 'original' || s.kind === 'repost')
      return {
        kind: 't3',
        id,
        at: s.at,
        author: 'northwind',
        subreddit: 'trailgear',
        text: s.text,
        title: `Thread ${n}`,
      };
    if (s.kind === 'thread')
      return {
        kind: 't1',
        id,
        at: s.at,
        author: 'northwind',
        subreddit: 'trailgear',
        text: s.text,
        parentId: `t3_o${n}`,
        linkAuthor: 'northwind',
        linkId: `t3_o${n}`,
      };
    return {
      kind: 't1',
      id,
      at: s.at,
      author: 'northwind',
      subreddit: 'trailgear',
      text: s.text,
      parentId: `t1_q${n}`,
      linkAuthor: 'someone',
      linkId: `t3_q${n}`,
    };
  });
  return {
    platform: 'reddit',
    profile: userAbout('northwind', '2019-01-01T00:00:00.000Z'),
    items: (listing(things, null) as { data: { children: unknown[] } }).data.children,
  };
}

const PT_OWNER = { host: 'videos.example', name: 'northwind', displayName: 'Northwind videos', id: 7 };
function asPeerTube(specs: Spec[]): PagedAccount {
  const items = specs.map((s, n) =>
    ptVideo(n, PT_OWNER, s.text.slice(0, 80), s.kind === 'original' ? `<p>${s.text}</p>` : null, s.at),
  );
  return { platform: 'peertube', profile: ptAccount(PT_OWNER, 'Trail gear films'), items };
}

const ACCOUNTS = {
  busy: history(11, 320, 0.2, 420),
  quiet: history(12, 45, 95, 1100),
};

const http = new LiveHttpClient({
  userAgent: 'channel-audit-test',
  timeoutMs: 5000,
  env: {},
  hostLimits: { concurrency: 4, intervalMs: 0 },
});
afterAll(() => http.close());

const spec = makeProfile;

/** The metrics of one account read in pages of `size`, and how many pages that took. */
async function auditPaged(
  adapter: PlatformAdapter,
  account: PagedAccount,
  size: number,
  s: Settings,
): Promise<{ metrics: Metrics; pages: number }> {
  const server = await servePaged(account, size);
  try {
    const url = {
      mastodon: `${server.url}/@northwind`,
      bluesky: 'https://bsky.app/profile/northwind.bsky.social',
      reddit: 'https://www.reddit.com/user/northwind',
      peertube: `${server.url}/a/northwind/videos`,
    }[account.platform];
    const out = await adapter.fetch(spec(url, account.platform), {
      http,
      settings: s,
      endpoints: { ...s.endpoints, bluesky: server.url, reddit: server.url },
      asOf: AS_OF,
    });
    if (out.kind !== 'ok') throw new Error(`${out.kind}: ${out.reason}`);
    return { metrics: analyzeTimeline(out.timeline, AS_OF, s), pages: server.pages };
  } finally {
    await server.close();
  }
}

/** Metrics without what legitimately depends on paging: how many posts were read. */
const counted = (m: Metrics) => ({ ...m, sample: { ...m.sample, size: 0, fetched: 0 } });

describe.each([
  { platform: 'mastodon', adapter: mastodon, format: asMastodon },
  { platform: 'bluesky', adapter: bluesky, format: asBluesky },
  { platform: 'reddit', adapter: reddit, format: asReddit },
  { platform: 'peertube', adapter: peertube, format: asPeerTube },
] as const)('page size changes nothing: $platform', ({ adapter, format }) => {
  it.each([
    { account: 'busy', settings: settings },
    { account: 'quiet', settings: settings },
    { account: 'busy', settings: { ...settings, maxPosts: 150 } },
    { account: 'busy', settings: { ...settings, windowDays: 30, minSamplePosts: 50 } },
  ] as const)(
    '$account account, window $settings.windowDays d, maxPosts $settings.maxPosts: pages of 1, 7 and 100 give the same metrics',
    async ({ account, settings: s }) => {
      const served = format(ACCOUNTS[account]);
      const [one, seven, hundred] = await Promise.all([1, 7, 100].map((size) => auditPaged(adapter, served, size, s)));
      expect(one!.pages).toBeGreaterThan(hundred!.pages); // the paging really differed
      expect(counted(seven!.metrics)).toEqual(counted(one!.metrics));
      expect(counted(hundred!.metrics)).toEqual(counted(one!.metrics));
      expect(one!.metrics.sample.posts).toBeGreaterThan(0);
    },
  );
});

describe('exports: row order changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ca-sample-'));
  for (const copy of ['a', 'b']) mkdirSync(join(dir, copy));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const shuffled = <T>(items: T[], seed: number) => {
    const rnd = new Random(seed);
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  /** The export at dir/copy/file; the inventory names it `file` either way. */
  const metricsOf = async (kind: 'archive' | 'posts', copy: string, file: string, platform: 'x' | 'web') => {
    const out = await readExport(
      {
        ...spec('https://x.com/northwind', platform),
        export: { kind, path: file, resolved: join(dir, copy, file), root: join(dir, copy), allowOutside: false },
      },
      platform,
    );
    if (out.kind !== 'ok') throw new Error(out.reason);
    return analyzeTimeline(out.timeline, AS_OF, settings);
  };

  it('an X archive (tweets.js) in any order', async () => {
    const tweets = ACCOUNTS.busy
      .filter((s) => s.kind !== 'repost')
      .map((s, i) => ({
        id: twitterSnowflake(s.at, i),
        at: s.at,
        text: s.text,
        ...(s.kind === 'reply'
          ? { replyTo: { statusId: twitterSnowflake(s.parentAt!, i + 1), userId: '77', screenName: 'ana' } }
          : {}),
      }));
    writeFileSync(join(dir, 'a', 'tweets.js'), tweetsJs(tweets));
    writeFileSync(join(dir, 'b', 'tweets.js'), tweetsJs(shuffled(tweets, 5)));
    const a = await metricsOf('archive', 'a', 'tweets.js', 'x');
    expect(a.sample.posts).toBeGreaterThan(20);
    expect(await metricsOf('archive', 'b', 'tweets.js', 'x')).toEqual(a);
  });

  it('a posts CSV without ids (row numbers) in any order, equal timestamps included', async () => {
    const rows = ACCOUNTS.quiet.map((s) =>
      [s.at, JSON.stringify(s.text), s.kind === 'reply' ? 'true' : 'false', s.parentAt ?? ''].join(','),
    );
    rows.push(`${ACCOUNTS.quiet[0]!.at},"same instant, other text",false,`);
    const csv = (r: string[]) => ['date,text,isReply,inReplyToDate', ...r].join('\n');
    writeFileSync(join(dir, 'a', 'posts.csv'), csv(rows));
    writeFileSync(join(dir, 'b', 'posts.csv'), csv(shuffled(rows, 9)));
    const a = await metricsOf('posts', 'a', 'posts.csv', 'web');
    expect(a.sample.extended).toBe(true);
    expect(await metricsOf('posts', 'b', 'posts.csv', 'web')).toEqual(a);
  });
});
