/**
 * Listening against local servers in the platforms' documented response formats (issue 17): which
 * posts get their threads read (own, in the window, with replies, newest first, within the budget),
 * what a thread holds (deleted parents, replies the API hides, nested answers), and that a failed
 * thread is counted without failing the profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { authorKey } from '../src/analysis/listening.js';
import { LiveHttpClient } from '../src/http/live.js';
import { bluesky } from '../src/platforms/bluesky/adapter.js';
import { mastodon } from '../src/platforms/mastodon/adapter.js';
import { commentTree } from '../src/platforms/reddit/listing.js';
import type { AdapterContext } from '../src/platforms/types.js';
import { AS_OF, makeProfile, makeTimeline, settings, NO_PACING } from './helpers/builders.js';
import { type LocalServer, serveRoutes } from './helpers/evidence-server.js';

const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
const JSON_TYPE = 'application/json; charset=utf-8';
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 9, day, hour)).toISOString();
let masto: LocalServer;
let bsky: LocalServer;

const account = (origin: string, id: string, username: string) => ({
  id,
  username,
  acct: username,
  url: `${origin}/@${username}`,
});
function status(origin: string, id: string, author: string, created: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    created_at: created,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog: null,
    content: `<p>status ${id}</p>`,
    url: `${origin}/@${author}/${id}`,
    replies_count: 0,
    account: account(origin, `acct-${author}`, author),
    ...extra,
  };
}

beforeAll(async () => {
  // the origin is only known once listening; routes are filled in after
  const routes: Parameters<typeof serveRoutes>[0] = {};
  masto = await serveRoutes(routes);
  const o = masto.url;
  const reply = (id: string, author: string, parent: string, created: string, text: string) => ({
    ...status(o, id, author, created),
    in_reply_to_id: parent,
    in_reply_to_account_id: 'x',
    content: `<p>${text}</p>`,
  });
  Object.assign(routes, {
    '/api/v1/accounts/lookup?acct=brand': {
      type: JSON_TYPE,
      body: JSON.stringify({ ...account(o, '1', 'brand'), statuses_count: 6 }),
    },
    '/api/v1/accounts/1/statuses?limit=40': {
      type: JSON_TYPE,
      body: JSON.stringify([
        status(o, '106', 'brand', at(28), { replies_count: 2 }), // newest: its thread fails
        status(o, '105', 'brand', at(20), { replies_count: 3 }),
        status(o, '104', 'brand', at(18)), // no replies: not read
        status(o, '103', 'brand', at(15), { replies_count: 4, reblog: status(o, '900', 'ann', at(14)) }), // a boost: not its post
        status(o, '102', 'brand', '2025-01-05T12:00:00.000Z', { replies_count: 2 }), // outside the window
      ]),
    },
    '/api/v1/statuses/106/context': { status: 500, type: JSON_TYPE, body: '{"error":"boom"}' },
    '/api/v1/statuses/105/context': {
      type: JSON_TYPE,
      body: JSON.stringify({
        ancestors: [],
        descendants: [
          reply('201', 'ann', '105', at(20, 13), 'Where is my order 1234?'),
          reply('202', 'brand_help', '201', at(20, 15), '@ann it ships today'), // answered by the support account
          reply('203', 'bob', '999', at(21), 'Why was my comment deleted?'), // its parent was deleted: not with the brand
          reply('204', 'cat', '105', at(22), 'Lovely photo'),
        ],
      }),
    },
  });

  const bRoutes: Parameters<typeof serveRoutes>[0] = {};
  bsky = await serveRoutes(bRoutes);
  const me = { did: 'did:plc:brand', handle: 'brand.bsky.social' };
  const view = (
    rkey: string,
    author: { did: string; handle: string },
    created: string,
    text: string,
    replyCount = 0,
  ) => ({
    uri: `at://${author.did}/app.bsky.feed.post/${rkey}`,
    author,
    record: { text, createdAt: created },
    replyCount,
    indexedAt: created,
  });
  const root = view('r1', me, at(25), 'New boots are in', 4);
  const ann = { did: 'did:plc:ann', handle: 'ann.bsky.social' };
  const node = (post: unknown, replies: unknown[] = []) => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post,
    replies,
  });
  Object.assign(bRoutes, {
    '/xrpc/app.bsky.actor.getProfile?actor=brand.bsky.social': {
      type: JSON_TYPE,
      body: JSON.stringify({ ...me, postsCount: 2 }),
    },
    '/xrpc/app.bsky.feed.getAuthorFeed?actor=brand.bsky.social&filter=posts_with_replies&limit=100': {
      type: JSON_TYPE,
      body: JSON.stringify({ feed: [{ post: root }, { post: view('r0', me, at(10), 'Quiet post') }] }),
    },
    [`/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(root.uri)}&depth=6&parentHeight=0`]: {
      type: JSON_TYPE,
      body: JSON.stringify({
        thread: node(root, [
          node(view('a1', ann, at(25, 14), 'Do they come in wide fit?'), [
            node(view('b1', me, at(25, 16), 'They do, from size 40'), [
              // under the brand's answer: with the brand, unanswered; the thread goes deeper than the depth
              // asked for (3 more replies the AppView left out): what was not returned is not counted
              node(view('a2', ann, at(25, 17), 'And in green?', 3)),
            ]),
          ]),
          {
            $type: 'app.bsky.feed.defs#blockedPost',
            uri: 'at://did:plc:x/app.bsky.feed.post/zz',
            blocked: true,
            author: { did: 'did:plc:x' },
          },
          { $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://did:plc:y/app.bsky.feed.post/yy', notFound: true },
        ]),
      }),
    },
  });
});
afterAll(async () => {
  await Promise.all([masto.close(), bsky.close()]);
  await http.close();
});

const ctx = (listenBudget = 40): AdapterContext => ({
  http,
  settings: { ...settings, listenBudget, hostIntervalMs: 0 },
  endpoints: { ...settings.endpoints, bluesky: bsky.url },
  asOf: AS_OF,
});

describe('listening on Mastodon (statuses/:id/context)', () => {
  it('reads the threads of its own posts in the window with replies, newest first; a failed one is counted', async () => {
    const out = await mastodon.fetch(makeProfile(`${masto.url}/@brand`, 'mastodon'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    const listening = out.timeline.listening!;
    expect(masto.requests.filter((r) => r.includes('/context'))).toEqual([
      '/api/v1/statuses/106/context',
      '/api/v1/statuses/105/context',
    ]);
    expect(listening).toMatchObject({ withReplies: 2, budget: 40, requests: 2, failed: { count: 1 } });
    expect(listening.failed!.reason).toMatch(/HTTP 500 for the thread of status 106/);
    expect(listening.threads).toHaveLength(1);
    expect(out.fetch.finalUrl).toMatch(/\/statuses\?limit=40$/); // the report's URL is the timeline's, not a thread's
    const help = `${masto.url}/@brand_help`;
    const m = analyzeTimeline(out.timeline, AS_OF, settings, { siblings: new Map([[authorKey(help), 'help']]) });
    expect(m).toMatchObject({
      audienceReplies: 2, // ann and cat; bob's parent was deleted
      answeredReplies: 1,
      answeredBy: [{ by: 'help', count: 1 }],
      questions: 1,
      questionsAnswered: 1,
      medianAnswerMinutes: 120,
      threadsRead: 1,
      threadsWithReplies: 2,
      threadsFailed: 1, // the newest thread's HTTP 500
    });
  });

  it('never reads more threads than the budget, and none with listening off', async () => {
    masto.requests.length = 0;
    const one = await mastodon.fetch(makeProfile(`${masto.url}/@brand`, 'mastodon'), ctx(1));
    if (one.kind !== 'ok') throw new Error(one.kind);
    expect(masto.requests.filter((r) => r.includes('/context'))).toHaveLength(1);
    expect(one.timeline.listening).toMatchObject({ withReplies: 2, budget: 1, requests: 1 });
    masto.requests.length = 0;
    const off = await mastodon.fetch(makeProfile(`${masto.url}/@brand`, 'mastodon'), ctx(0));
    if (off.kind !== 'ok') throw new Error(off.kind);
    expect(masto.requests.filter((r) => r.includes('/context'))).toHaveLength(0);
    expect(off.timeline.listening).toBeUndefined();
    const m = analyzeTimeline(off.timeline, AS_OF, settings);
    expect(m.answeredRate).toBeNull();
    expect(m.unavailable.answeredRate).toBe('listening is off (settings.listenBudget or --listen is 0)');
  });
});

describe('listening on Bluesky (app.bsky.feed.getPostThread)', () => {
  it('walks the reply tree: nested answers, replies under the brand’s answer, hidden and deleted ones left out', async () => {
    const out = await bluesky.fetch(makeProfile('https://bsky.app/profile/brand.bsky.social', 'bluesky'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    const thread = out.timeline.listening!.threads[0]!;
    expect(out.timeline.listening).toMatchObject({ withReplies: 1, requests: 1, failed: null });
    expect(thread.replies.map((r) => [r.id.split('/').pop(), r.parentId.split('/').pop(), r.author])).toEqual([
      ['a1', 'r1', 'https://bsky.app/profile/ann.bsky.social'],
      ['b1', 'a1', 'https://bsky.app/profile/brand.bsky.social'],
      ['a2', 'b1', 'https://bsky.app/profile/ann.bsky.social'],
    ]);
    const m = analyzeTimeline(out.timeline, AS_OF, settings);
    expect(m).toMatchObject({
      audienceReplies: 2,
      answeredReplies: 1,
      questions: 2,
      questionsAnswered: 1,
      peopleReplied: 1,
    });
    expect(m.unanswered!.map((u) => u.text)).toEqual(['And in green?']);
  });
});

describe('listening on Reddit (/comments/<id>.json)', () => {
  it('reads the comment tree: nested answers kept, deleted authors and collapsed "more" stubs left out', () => {
    const c = (id: string, author: string, parent: string, replies: unknown = '') => ({
      kind: 't1',
      data: {
        id,
        name: `t1_${id}`,
        author,
        body: `comment ${id}?`,
        created_utc: 1_790_000_000,
        parent_id: parent,
        permalink: `/r/x/comments/s1/post/${id}/`,
        replies,
      },
    });
    const listing = (children: unknown[]) => ({ kind: 'Listing', data: { children } });
    const thread = commentTree(
      [
        listing([{ kind: 't3', data: { id: 's1' } }]),
        listing([
          c('a', 'ann', 't3_s1', listing([c('b', 'Brand', 't1_a')])),
          c('d', '[deleted]', 't3_s1', listing([c('e', 'bob', 't1_d')])),
          { kind: 'more', data: { count: 12, children: ['x', 'y'] } },
        ]),
      ],
      's1',
      'https://www.reddit.com',
    );
    expect(thread.rootId).toBe('t3_s1');
    expect(thread.replies.map((r) => [r.id, r.parentId, r.author])).toEqual([
      ['t1_a', 't3_s1', 'https://www.reddit.com/user/ann'],
      ['t1_b', 't1_a', 'https://www.reddit.com/user/Brand'],
      ['t1_e', 't1_d', 'https://www.reddit.com/user/bob'], // its parent's author was deleted: not with the brand
    ]);
    const m = analyzeTimeline(
      {
        ...makeTimeline([]),
        listening: {
          self: 'https://www.reddit.com/user/brand',
          withReplies: 1,
          threads: [thread],
          budget: 40,
          requests: 1,
          failed: null,
        },
      },
      AS_OF,
      settings,
    );
    expect(m).toMatchObject({ audienceReplies: 1, answeredReplies: 1 });
  });
});
