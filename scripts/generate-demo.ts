/**
 * Writes the demo company (fixtures/demo/): its inventory and the HTTP evidence of every profile, in the
 * exact response formats of the real services, through the same evidence writer `--record` uses.
 * Run: npm run demo:generate. Deterministic: a seeded PRNG and a fixed as-of date (2026-11-01).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeExchange } from '../src/http/evidence.js';
import { apiProfiles } from './demo-apis.js';
import * as bsky from '../test/platforms/bluesky/format.js';
import { atom, htmlWithFeedLink, jsonFeed, rss, type FeedEntry } from './formats/feeds.js';
import * as masto from '../test/platforms/mastodon/format.js';
import { companyHomePage, contactPage, micrositePage } from './formats/pages.js';
import { threadsPage, type ThreadsItem } from '../test/platforms/threads/format.js';
import { Random } from './formats/random.js';
import * as redditFormat from '../test/platforms/reddit/format.js';
import { facebookCommentsJson, facebookPostsJson } from '../test/platforms/facebook/download-format.js';
import {
  instagramCommentsJson,
  instagramPostsJson,
  instagramReelsJson,
} from '../test/platforms/instagram/download-format.js';
import { tiktokUserData } from '../test/platforms/tiktok/download-format.js';
import { zip } from './formats/zip.js';
import { accountJs, tweetsJs, twitterSnowflake, type ArchiveTweetSpec } from '../test/platforms/x/download-format.js';
import { channelPage, videosFeed } from '../test/platforms/youtube/format.js';
import {
  AGENTS,
  AS_OF,
  AUDIENCE,
  type AudienceLanguage,
  CANNED,
  CUSTOMERS,
  ORIGINALS,
  personalReply,
  PROMOS,
  schedule,
} from './demo-content.js';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'demo');
const EVIDENCE = join(OUT, 'evidence');
const rand = new Random(20261101);

type Kind = 'original' | 'promo' | 'reply' | 'canned' | 'thread' | 'repost';
interface Planned {
  at: string;
  kind: Kind;
}

/** Kinds drawn with the given weights for each scheduled time. */
function plan(times: string[], weights: Partial<Record<Kind, number>>): Planned[] {
  const entries = Object.entries(weights) as Array<[Kind, number]>;
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return times.map((at) => {
    let r = rand.next() * total;
    for (const [kind, w] of entries) {
      r -= w;
      if (r < 0) return { at, kind };
    }
    return { at, kind: entries[0]![0] };
  });
}

function textFor(kind: Kind): string {
  switch (kind) {
    case 'promo':
      return rand.pick(PROMOS);
    case 'reply':
      return personalReply((items) => rand.pick(items));
    case 'canned': {
      const order = rand.chance(0.5) ? ` Ref #${rand.int(10000, 99999)}.` : '';
      return `${rand.pick(CANNED)}${order} ${rand.pick(AGENTS)}`;
    }
    case 'thread':
      return `(2/2) ${rand.pick(ORIGINALS)}`;
    default:
      return rand.pick(ORIGINALS);
  }
}

const json = (body: unknown) => Buffer.from(`${JSON.stringify(body)}`);
const JSON_TYPE = 'application/json; charset=utf-8';

async function respond(
  url: string,
  status: number,
  contentType: string,
  body: Buffer,
  extra: Record<string, string> = {},
) {
  await writeExchange(EVIDENCE, url, {
    url,
    finalUrl: url,
    status,
    headers: { 'content-type': contentType, ...extra },
    body,
  });
}

// ---------------------------------------------------------------- Mastodon

/**
 * People replying under the brand's own posts (listening, issue 17): which share of its posts get
 * replies, in which languages, how often questions and comments are answered, and by whom (the profile
 * itself, or another profile of the company answering for it).
 */
interface Audience<Answerer> {
  share: number;
  languages: AudienceLanguage[];
  answerQuestions: number;
  answerComments: number;
  answerBy: Answerer[];
}

/** Its own generator, so the audience threads leave every other profile's content as it was. */
const talk = new Random(1701);

interface AudienceReply {
  who: string;
  at: string;
  text: string;
  answer: { at: string; text: string; by: number } | null;
}

/** The replies people write under one post, and the brand's answers, all before the as-of date. */
function audienceFor<A>(postAt: string, audience: Audience<A>): AudienceReply[] {
  const out: AudienceReply[] = [];
  const n = talk.int(1, 4);
  for (let k = 0; k < n; k++) {
    const at = new Date(Date.parse(postAt) + talk.int(10, 2000) * 60_000).toISOString();
    const lang = talk.pick(audience.languages);
    const question = talk.chance(0.6);
    const text = talk.pick(question ? AUDIENCE[lang].questions : AUDIENCE[lang].comments);
    const answered = talk.chance(question ? audience.answerQuestions : audience.answerComments);
    const answerAt = new Date(Date.parse(at) + talk.int(15, 900) * 60_000).toISOString();
    const by = talk.int(0, Math.max(0, audience.answerBy.length - 1));
    const reply = question ? personalReply((items) => talk.pick(items)) : 'Thank you, that means a lot to the team!';
    if (Date.parse(at) >= Date.parse(AS_OF)) continue;
    out.push({
      who: talk.pick(CUSTOMERS),
      at,
      text,
      answer: answered && Date.parse(answerAt) < Date.parse(AS_OF) ? { at: answerAt, text: reply, by } : null,
    });
  }
  return out;
}

interface MastoProfile {
  host: string;
  username: string;
  displayName: string;
  posts: Planned[];
  missing?: boolean;
  /** Answerers: the profile itself ('self') or another Mastodon account of the company, by username. */
  audience?: Audience<string>;
}

async function mastodonProfile(p: MastoProfile, n: number) {
  const origin = `https://${p.host}`;
  const lookup = `${origin}/api/v1/accounts/lookup?acct=${p.username}`;
  if (p.missing) {
    await respond(lookup, 404, JSON_TYPE, json({ error: 'Record not found' }));
    return;
  }
  const id = masto.snowflake('2022-11-07T00:00:00Z', n);
  const owner = masto.account({
    host: p.host,
    id,
    username: p.username,
    displayName: p.displayName,
    note: `${p.displayName} — official account.`,
    createdAt: '2022-11-07T00:00:00.000Z',
    statusesCount: p.posts.length,
    lastStatusAt: p.posts[0]?.at ?? null,
    followers: 200 + n * 37,
  });
  await respond(lookup, 200, JSON_TYPE, json(owner));
  const statuses = p.posts.map((post, i) => {
    const sid = masto.snowflake(post.at, i);
    const text = textFor(post.kind);
    const customer = rand.pick(CUSTOMERS);
    const parentTime = new Date(Date.parse(post.at) - rand.int(5, 600) * 60_000).toISOString();
    const other = {
      handle: customer,
      host: 'mastodon.social',
      accountId: String(109000000000000000n + BigInt(i)),
      statusId: masto.snowflake(parentTime, i),
    };
    if (post.kind === 'reply' || post.kind === 'canned')
      return masto.status({ id: sid, createdAt: post.at, text, replyTo: other }, owner, p.host);
    if (post.kind === 'thread')
      return masto.status(
        {
          id: sid,
          createdAt: post.at,
          text,
          threadOf: masto.snowflake(new Date(Date.parse(post.at) - 60_000).toISOString(), i),
        },
        owner,
        p.host,
      );
    if (post.kind === 'repost') {
      return masto.status(
        {
          id: sid,
          createdAt: post.at,
          text: '',
          reblogOf: { ...other, id: other.statusId, text: rand.pick(ORIGINALS), createdAt: parentTime },
        },
        owner,
        p.host,
      );
    }
    return masto.status({ id: sid, createdAt: post.at, text }, owner, p.host);
  });
  if (p.audience) await mastodonThreads(p, owner, statuses);
  const base = `${origin}/api/v1/accounts/${id}/statuses`;
  for (let page = 0; page * 40 < Math.max(1, statuses.length); page++) {
    const slice = statuses.slice(page * 40, page * 40 + 40);
    const url = page === 0 ? `${base}?limit=40` : `${base}?limit=40&max_id=${statuses[page * 40 - 1]!.id}`;
    const more = (page + 1) * 40 < statuses.length;
    const link = slice.length > 0 ? masto.linkHeader(base, more ? slice.at(-1)!.id : null, slice[0]!.id) : '';
    await respond(url, 200, JSON_TYPE, json(slice), link ? { link } : {});
  }
}

/** Replies under the account's own posts in the audit window, as `statuses/:id/context` answers them. */
async function mastodonThreads(
  p: MastoProfile,
  owner: ReturnType<typeof masto.account>,
  statuses: Array<ReturnType<typeof masto.status>>,
) {
  const audience = p.audience!;
  const accountOf = (username: string, n: number, host = p.host) =>
    masto.account({
      host,
      id: masto.snowflake('2022-11-07T00:00:00Z', n),
      username,
      displayName: username,
      note: '',
      createdAt: '2022-11-07T00:00:00.000Z',
      statusesCount: 100,
      lastStatusAt: null,
      followers: 50,
    });
  const window = Date.parse(AS_OF) - 180 * 86_400_000;
  for (const [i, st] of statuses.entries()) {
    const own = st.reblog === null && st.in_reply_to_id === null && st.created_at !== undefined;
    if (!own || Date.parse(st.created_at) < window || !talk.chance(audience.share)) continue;
    const descendants: Array<ReturnType<typeof masto.status>> = [];
    for (const [k, r] of audienceFor(st.created_at, audience).entries()) {
      const person = accountOf(r.who, 500 + (i % 50) * 10 + k, 'mastodon.social');
      const rid = masto.snowflake(r.at, 40_000 + i * 10 + k);
      const replyTo = { handle: owner.username, host: p.host, accountId: owner.id, statusId: st.id };
      descendants.push(masto.status({ id: rid, createdAt: r.at, text: r.text, replyTo }, person, 'mastodon.social'));
      if (r.answer) {
        const name = audience.answerBy[r.answer.by]!;
        const by = name === 'self' ? owner : accountOf(name, 2);
        const answerTo = { handle: r.who, host: 'mastodon.social', accountId: person.id, statusId: rid };
        const aid = masto.snowflake(r.answer.at, 50_000 + i * 10 + k);
        descendants.push(
          masto.status({ id: aid, createdAt: r.answer.at, text: r.answer.text, replyTo: answerTo }, by, p.host),
        );
      }
    }
    if (descendants.length === 0) continue;
    (st as { replies_count: number }).replies_count = descendants.filter((d) => d.in_reply_to_id === st.id).length;
    await respond(
      `https://${p.host}/api/v1/statuses/${st.id}/context`,
      200,
      JSON_TYPE,
      json({ ancestors: [], descendants }),
    );
  }
}

// ---------------------------------------------------------------- Bluesky

interface BskyProfile {
  handle: string;
  displayName: string;
  posts: Planned[];
  gone?: boolean;
  /** Answerers: the profile itself ('self') or another Bluesky account of the company, by handle. */
  audience?: Audience<string>;
}

const API = 'https://public.api.bsky.app/xrpc';

async function blueskyProfile(p: BskyProfile, n: number) {
  const actor = encodeURIComponent(p.handle);
  const profileUrl = `${API}/app.bsky.actor.getProfile?actor=${actor}`;
  if (p.gone) {
    await respond(profileUrl, 400, JSON_TYPE, json({ error: 'InvalidRequest', message: 'Profile not found' }));
    return;
  }
  const me: bsky.BskyActor = {
    did: `did:plc:northwind${n}demo${p.handle.length}`,
    handle: p.handle,
    displayName: p.displayName,
  };
  await respond(
    profileUrl,
    200,
    JSON_TYPE,
    json(bsky.profile(me, `${p.displayName}. Posts from the Northwind team.`, p.posts.length, 300 + n * 41)),
  );
  const items = p.posts.map((post, i) => {
    const customer: bsky.BskyActor = {
      did: `did:plc:customer${i % CUSTOMERS.length}x`,
      handle: `${CUSTOMERS[i % CUSTOMERS.length]}.bsky.social`,
      displayName: CUSTOMERS[i % CUSTOMERS.length]!,
    };
    const parentTime = new Date(Date.parse(post.at) - rand.int(3, 900) * 60_000).toISOString();
    if (post.kind === 'repost') {
      return {
        post: bsky.postView(customer, 50_000 + i, rand.pick(ORIGINALS), parentTime),
        reason: bsky.reasonRepost(me, post.at),
      };
    }
    if (post.kind === 'reply' || post.kind === 'canned') {
      const parent = bsky.postView(customer, 90_000 + i, 'Hey @northwind, quick question about my order', parentTime);
      return {
        post: bsky.postView(me, i, textFor(post.kind), post.at, { parentUri: parent.uri, rootUri: parent.uri }),
        reply: {
          root: { $type: 'app.bsky.feed.defs#postView', ...parent },
          parent: { $type: 'app.bsky.feed.defs#postView', ...parent },
        },
      };
    }
    if (post.kind === 'thread') {
      const parent = bsky.postView(
        me,
        70_000 + i,
        rand.pick(ORIGINALS),
        new Date(Date.parse(post.at) - 60_000).toISOString(),
      );
      return {
        post: bsky.postView(me, i, textFor('thread'), post.at, { parentUri: parent.uri, rootUri: parent.uri }),
        reply: {
          root: { $type: 'app.bsky.feed.defs#postView', ...parent },
          parent: { $type: 'app.bsky.feed.defs#postView', ...parent },
        },
      };
    }
    return { post: bsky.postView(me, i, textFor(post.kind), post.at) };
  });
  if (p.audience) await blueskyThreads(p, me, items);
  let cursor = '';
  for (let page = 0; page * 100 < Math.max(1, items.length); page++) {
    const slice = items.slice(page * 100, page * 100 + 100);
    const url = `${API}/app.bsky.feed.getAuthorFeed?actor=${actor}&filter=posts_with_replies&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const more = (page + 1) * 100 < items.length;
    cursor = more ? p.posts[(page + 1) * 100 - 1]!.at : '';
    await respond(url, 200, JSON_TYPE, json(more ? { feed: slice, cursor } : { feed: slice }));
  }
}

/**
 * Threads under the account's own posts, as `app.bsky.feed.getPostThread` answers them (threadViewPost
 * nodes); now and then a reply the AppView hides from logged-out readers (#blockedPost) or one that was
 * deleted (#notFoundPost), which are not counted.
 */
async function blueskyThreads(
  p: BskyProfile,
  me: bsky.BskyActor,
  items: Array<{ post: ReturnType<typeof bsky.postView>; reason?: unknown; reply?: unknown }>,
) {
  const audience = p.audience!;
  const window = Date.parse(AS_OF) - 180 * 86_400_000;
  const node = (post: ReturnType<typeof bsky.postView>, replies: unknown[] = []) => ({
    $type: 'app.bsky.feed.defs#threadViewPost',
    post,
    replies,
  });
  for (const [i, item] of items.entries()) {
    const root = item.post;
    const own = !item.reason && !item.reply && root.author.did === me.did;
    if (!own || Date.parse(root.record.createdAt) < window || !talk.chance(audience.share)) continue;
    const replies: unknown[] = [];
    for (const [k, r] of audienceFor(root.record.createdAt, audience).entries()) {
      const person: bsky.BskyActor = {
        did: `did:plc:${r.who}audience`,
        handle: `${r.who}.bsky.social`,
        displayName: r.who,
      };
      const said = bsky.postView(person, 200_000 + i * 10 + k, r.text, r.at, {
        parentUri: root.uri,
        rootUri: root.uri,
      });
      const answers: unknown[] = [];
      if (r.answer) {
        const handle = audience.answerBy[r.answer.by]!;
        const by = handle === 'self' ? me : { did: `did:plc:${handle.split('.')[0]}demo`, handle, displayName: handle };
        answers.push(
          node(
            bsky.postView(by, 300_000 + i * 10 + k, r.answer.text, r.answer.at, {
              parentUri: said.uri,
              rootUri: root.uri,
            }),
          ),
        );
      }
      replies.push(node({ ...said, replyCount: answers.length }, answers));
    }
    if (replies.length === 0) continue;
    if (talk.chance(0.3))
      replies.push({
        $type: 'app.bsky.feed.defs#blockedPost',
        uri: `at://did:plc:blocked${i}/app.bsky.feed.post/3lblocked${i}`,
        blocked: true,
        author: { did: `did:plc:blocked${i}`, viewer: { blockedBy: false } },
      });
    if (talk.chance(0.2))
      replies.push({
        $type: 'app.bsky.feed.defs#notFoundPost',
        uri: `at://did:plc:gone${i}/app.bsky.feed.post/3lgone${i}`,
        notFound: true,
      });
    (root as { replyCount: number }).replyCount = replies.length;
    await respond(
      `${API}/app.bsky.feed.getPostThread?uri=${encodeURIComponent(root.uri)}&depth=6&parentHeight=0`,
      200,
      JSON_TYPE,
      json({ thread: node(root, replies) }),
    );
  }
}

// ---------------------------------------------------------------- Feeds

function entries(times: string[], site: string, kinds: Partial<Record<Kind, number>> = { original: 1 }): FeedEntry[] {
  return plan(times, kinds).map((p, i) => {
    const text = textFor(p.kind);
    return {
      title: text.split(/[.:!]/)[0]!.slice(0, 70),
      summary: text,
      url: `${site}/posts/${p.at.slice(0, 10)}-${i}`,
      date: p.at,
    };
  });
}

// ---------------------------------------------------------------- Other platforms and owner exports

type Add = (url: string, name: string, extra?: string) => void;
const minutesBefore = (iso: string, min: number, max: number) =>
  new Date(Date.parse(iso) - rand.int(min, max) * 60_000).toISOString();

/** A customer's reply target and the brand's answer: canned (with an agent's initials) or written for them. */
function answer(kind: Kind): string {
  return kind === 'canned' ? textFor('canned') : personalReply((items) => rand.pick(items));
}

async function metaDownloads(add: Add) {
  // Facebook page: promotions and news twice a week, and comments answering customers (a third canned)
  const page = 'Northwind Outfitters';
  const fbPosts = plan(schedule(rand, 420, 2, 2), { original: 3, promo: 2 }).map((p) => ({
    at: p.at,
    text: textFor(p.kind),
  }));
  fbPosts.splice(1, 0, {
    at: fbPosts[0]!.at.replace(/T\d\d/, 'T07'),
    text: 'Our new Café corner in the Seattle store opens on Saturday. Crème brûlée on the house ☕',
  });
  const fbComments = plan(schedule(rand, 300, 1, 3), { reply: 2, canned: 1 }).map((p) => ({
    at: p.at,
    text: answer(p.kind),
    to: rand.chance(0.15) ? null : rand.pick(CUSTOMERS),
  }));
  const fb = join(OUT, 'exports', 'facebook', 'your_facebook_activity');
  await mkdir(join(fb, 'posts'), { recursive: true });
  await mkdir(join(fb, 'comments_and_reactions'), { recursive: true });
  await writeFile(
    join(fb, 'posts', 'your_posts__check_ins__photos_and_videos_1.json'),
    facebookPostsJson(page, fbPosts),
  );
  await writeFile(join(fb, 'comments_and_reactions', 'comments.json'), facebookCommentsJson(page, fbComments));
  add(
    'https://www.facebook.com/northwindoutfitters',
    'Facebook page',
    '\n    owner: marketing\n    archive: exports/facebook',
  );

  // Instagram: posts and reels, and almost never a word back (broadcast only), downloaded as a zip
  const igPosts = plan(schedule(rand, 240, 3, 2.5), { original: 2, promo: 1 }).map((p) => ({
    at: p.at,
    text: textFor(p.kind),
  }));
  const reels = schedule(rand, 200, 6, 0.5).map((at) => ({ at, text: rand.pick(ORIGINALS) }));
  const igComments = schedule(rand, 200, 20, 0.1).map((at) => ({ at, text: 'Thank you! 🙏', to: null }));
  const activity = 'your_instagram_activity';
  await writeFile(
    join(OUT, 'exports', 'instagram-northwind.zip'),
    zip([
      { name: `${activity}/content/posts_1.json`, data: instagramPostsJson(igPosts) },
      { name: `${activity}/content/reels.json`, data: instagramReelsJson(reels) },
      { name: `${activity}/comments/post_comments_1.json`, data: instagramCommentsJson('northwind', igComments) },
      { name: 'personal_information/personal_information/personal_information.json', data: '{"profile_user": []}' },
    ]),
  );
  add(
    'https://www.instagram.com/northwind/',
    'Instagram',
    '\n    owner: marketing\n    archive: exports/instagram-northwind.zip',
  );
}

async function tiktokDownload(add: Add) {
  // TikTok: an agency's 2023 campaign, then nothing (abandoned); times are local, without a zone
  const videos = schedule(rand, 1340, 1120, 2).map((at) => ({ at, text: rand.pick(PROMOS) }));
  const comments = schedule(rand, 1330, 1125, 0.5).map((at) => ({ at, text: textFor('canned') }));
  await mkdir(join(OUT, 'exports', 'tiktok'), { recursive: true });
  await writeFile(join(OUT, 'exports', 'tiktok', 'user_data_tiktok.json'), tiktokUserData(videos, comments));
  add('https://www.tiktok.com/@northwind', 'TikTok', '\n    owner: an agency (2023)\n    archive: exports/tiktok');
}

async function otherPlatforms(add: Add) {
  // X: the public page is a login wall, so the owner supplied the data archive (a canned support account)
  const xTweets: ArchiveTweetSpec[] = plan(schedule(rand, 200, 1, 18), {
    canned: 6,
    reply: 3,
    original: 1,
    thread: 0.3,
    repost: 0.5,
  }).map((p, i) => {
    const id = twitterSnowflake(p.at, i);
    const customer = rand.pick(CUSTOMERS);
    const parentAt = minutesBefore(p.at, 4, 900);
    if (p.kind === 'canned' || p.kind === 'reply') {
      return {
        id,
        at: p.at,
        text: `@${customer} ${textFor(p.kind)}`,
        replyTo: { statusId: twitterSnowflake(parentAt, i), userId: String(900000 + (i % 10)), screenName: customer },
      };
    }
    if (p.kind === 'thread')
      return {
        id,
        at: p.at,
        text: textFor('thread'),
        replyTo: {
          statusId: twitterSnowflake(minutesBefore(p.at, 1, 3), i),
          userId: '1234567890',
          screenName: 'northwind',
        },
      };
    if (p.kind === 'repost') return { id, at: p.at, text: `RT @${customer}: ${rand.pick(ORIGINALS)}` };
    return { id, at: p.at, text: textFor(p.kind) };
  });
  await mkdir(join(OUT, 'exports', 'x', 'data'), { recursive: true });
  await writeFile(join(OUT, 'exports', 'x', 'data', 'tweets.js'), tweetsJs(xTweets));
  await writeFile(
    join(OUT, 'exports', 'x', 'data', 'account.js'),
    accountJs('1234567890', 'northwind', 'Northwind Support'),
  );
  add(
    'https://x.com/northwind',
    'X / Twitter support',
    '\n    owner: customer care\n    tags: [support]\n    archive: exports/x/data/tweets.js',
  );

  // Facebook and Instagram (and TikTok below): walls to the public, so the owner supplied the
  // downloads the platforms give them, generated in their layouts, Meta's mojibake included
  await metaDownloads(add);
  const linkedin = 'https://www.linkedin.com/company/northwind-outfitters';
  await respond(linkedin, 999, 'text/html', Buffer.from(''));
  add(linkedin, 'LinkedIn company page', '\n    owner: HR');
  await tiktokDownload(add);

  // YouTube: a channel that has slowed down (stale)
  const channelId = `UC${'NorthwindOutfitters'.padEnd(22, 'x')}`;
  const ytTitle = 'Northwind Outfitters';
  await respond(
    'https://www.youtube.com/@northwindoutfitters',
    200,
    'text/html; charset=utf-8',
    Buffer.from(channelPage('@northwindoutfitters', channelId, ytTitle)),
  );
  const videos = schedule(rand, 500, 48, 0.6).map((at, i) => {
    const text = rand.pick(ORIGINALS);
    return {
      id: `nw${String(i).padStart(3, '0')}${rand.int(100000, 999999)}`,
      title: text.split(/[.:!]/)[0]!.slice(0, 70),
      description: text,
      published: at,
    };
  });
  await respond(
    `https://www.youtube.com/feeds/videos.xml?channel_id=${channelId}`,
    200,
    'text/xml; charset=UTF-8',
    Buffer.from(videosFeed(channelId, ytTitle, videos)),
  );
  add('https://www.youtube.com/@northwindoutfitters', 'YouTube channel', '\n    owner: video team');
  // a YouTube channel and an Instagram account read through their owners' APIs (recorded, replayed without tokens)
  for (const [url, name, extra] of await apiProfiles(EVIDENCE)) add(url, name, extra);

  // Reddit: a staff account that answers in the community (conversation)
  const redditor = 'northwind_official';
  await respond(
    `https://www.reddit.com/user/${redditor}/about.json?raw_json=1`,
    200,
    JSON_TYPE,
    json(redditFormat.userAbout(redditor, '2021-03-01T10:00:00Z')),
  );
  const things = plan(schedule(rand, 190, 2, 3), { reply: 4, original: 1 }).map((p, i): redditFormat.RedditThing => {
    const id = `nw${(1000 + i).toString(36)}`;
    if (p.kind === 'reply') {
      const link = `t3_q${i.toString(36)}`;
      return {
        kind: 't1',
        id,
        at: p.at,
        author: redditor,
        subreddit: 'CampingGear',
        text: personalReply((items) => rand.pick(items)),
        parentId: link,
        linkId: link,
        linkAuthor: rand.pick(CUSTOMERS),
      };
    }
    return {
      kind: 't3',
      id,
      at: p.at,
      author: redditor,
      subreddit: 'NorthwindOutfitters',
      title: rand.pick(ORIGINALS).split(/[.:!]/)[0]!,
      text: rand.pick(ORIGINALS),
    };
  });
  // its submissions' comment threads: people ask, the staff account answers most of them
  const staff: Audience<string> = {
    share: 1,
    languages: ['en'],
    answerQuestions: 0.85,
    answerComments: 0.4,
    answerBy: ['self'],
  };
  for (const [i, t] of things.entries()) {
    if (t.kind !== 't3') continue;
    const comments = audienceFor(t.at, staff).map(
      (r, k): redditFormat.RedditComment => ({
        id: `c${i.toString(36)}${k}`,
        author: r.who,
        at: r.at,
        text: r.text,
        replies: r.answer
          ? [{ id: `a${i.toString(36)}${k}`, author: redditor, at: r.answer.at, text: r.answer.text, replies: [] }]
          : [],
      }),
    );
    t.comments = comments.reduce((n, c) => n + 1 + c.replies.length, 0);
    if (t.comments === 0) continue;
    await respond(
      `https://www.reddit.com/comments/${t.id}.json?raw_json=1&depth=6&limit=200`,
      200,
      JSON_TYPE,
      json(redditFormat.commentsPage(t, comments)),
    );
  }
  await respond(
    `https://www.reddit.com/user/${redditor}/overview.json?limit=100&sort=new&raw_json=1`,
    200,
    JSON_TYPE,
    json(redditFormat.listing(things, null)),
  );
  add(`https://www.reddit.com/user/${redditor}`, 'Reddit staff account', '\n    owner: community team');

  // Threads: the posts its public pages embed
  const threadsUrl = 'https://www.threads.net/@northwind';
  const own = (at: string, i: number, text: string, replyTo?: string): ThreadsItem => ({
    pk: `3${String(Date.parse(at)).slice(0, 12)}${i}`,
    code: `DN${i.toString(36)}wX`,
    at,
    text,
    username: 'northwind',
    replyTo,
  });
  const threadPosts = schedule(rand, 120, 12, 1).map((at, i) => [own(at, i, textFor('original'))]);
  await respond(
    threadsUrl,
    200,
    'text/html; charset="utf-8"',
    Buffer.from(threadsPage('Northwind Outfitters (@northwind) • Threads, Say more', threadPosts)),
  );
  const replyThreads = schedule(rand, 100, 15, 0.5).map((at, i) => {
    const customer = rand.pick(CUSTOMERS);
    const parent: ThreadsItem = {
      pk: `4${i}${String(Date.parse(at)).slice(0, 10)}`,
      code: `CQ${i}`,
      at: minutesBefore(at, 20, 600),
      text: '@northwind do these boots run small?',
      username: customer,
    };
    return [
      parent,
      own(
        at,
        100 + i,
        personalReply((items) => rand.pick(items)),
        customer,
      ),
    ];
  });
  await respond(
    `${threadsUrl}/replies`,
    200,
    'text/html; charset="utf-8"',
    Buffer.from(threadsPage('Northwind Outfitters (@northwind) • Threads, Say more', replyThreads)),
  );
  add(threadsUrl, 'Threads', '\n    owner: social team');

  // A campaign microsite nobody updates (abandoned): dates from JSON-LD and <time> elements, no feed
  const trails = 'https://trails.northwind.example';
  const events = schedule(rand, 900, 520, 0.4).map((date, i) => ({
    title: `Trail day ${i + 1}: ${rand.pick(ORIGINALS).split(/[.:!]/)[0]}`,
    date,
    url: `${trails}/events/${date.slice(0, 10)}`,
  }));
  await respond(
    `${trails}/`,
    200,
    'text/html; charset=utf-8',
    Buffer.from(
      micrositePage(
        'Northwind Trail Days',
        trails,
        events,
        minutesBefore(events[0]!.date, -60 * 24 * 20, -60 * 24 * 10),
      ),
    ),
  );
  add(`${trails}/`, 'Trail Days microsite (2024 campaign)', '\n    owner: an agency (2024)');
}

// ---------------------------------------------------------------- The company's website

/**
 * The home page and contact page: they link to an abandoned profile (Mastodon careers), a dead one
 * (the old shop), two accounts the inventory does not list, and not to most support accounts.
 */
async function companySite(): Promise<string> {
  const site = 'https://www.northwind.example';
  const home = companyHomePage(
    'Northwind Outfitters',
    site,
    [
      'https://www.youtube.com/@NorthwindOutfitters',
      'https://www.linkedin.com/company/northwind-outfitters/',
      'https://bsky.app/profile/northwind.bsky.social',
    ],
    ['https://social.northwind.example/@northwind'],
    [
      ['X', 'https://twitter.com/Northwind?ref_src=twsrc%5Etfw'],
      ['Facebook', 'https://m.facebook.com/NorthwindOutfitters/?utm_source=site&utm_medium=footer'],
      ['Instagram', 'https://instagram.com/northwind?igshid=YmMyMTA2M2Y='],
      ['TikTok', 'https://www.tiktok.com/@northwind?lang=en'],
      ['Pinterest', 'https://www.pinterest.com/northwindoutfitters/'],
      ['Careers', 'https://social.northwind.example/@northwind_careers'],
      ['Shop', 'https://social.northwind.example/@northwind_shop'],
    ],
  );
  await respond(`${site}/`, 200, 'text/html; charset=utf-8', Buffer.from(home));
  const contact = contactPage('Northwind Outfitters', [
    ['Support on Mastodon', 'https://social.northwind.example/@northwind_help'],
    ['Support on X', 'https://x.com/NorthwindHelp'],
    ['Our UK page', 'https://www.facebook.com/NorthwindOutfittersUK'],
  ]);
  await respond(`${site}/contact/`, 200, 'text/html; charset=utf-8', Buffer.from(contact));
  return `${site}/`;
}

// ---------------------------------------------------------------- The company

async function main() {
  await rm(EVIDENCE, { recursive: true, force: true });
  await rm(join(OUT, 'exports'), { recursive: true, force: true });
  await mkdir(EVIDENCE, { recursive: true });
  const S = 'social.northwind.example';
  const inventory: string[] = [];
  const add = (url: string, name: string, extra = '') => inventory.push(`  - url: ${url}\n    name: ${name}${extra}`);

  // Mastodon
  const mastodons: Array<[MastoProfile, string, string]> = [
    [
      {
        host: S,
        username: 'northwind',
        displayName: 'Northwind Outfitters',
        posts: plan(schedule(rand, 200, 0, 6), { original: 5, reply: 4, thread: 1, repost: 1 }),
        // its support account answers many questions under the main account's posts
        audience: {
          share: 0.5,
          languages: ['en', 'en', 'de'],
          answerQuestions: 0.6,
          answerComments: 0.2,
          answerBy: ['self', 'northwind_help', 'northwind_help'],
        },
      },
      'Mastodon main',
      '\n    owner: social team\n    tags: [brand]',
    ],
    [
      {
        host: S,
        username: 'northwind_help',
        displayName: 'Northwind Help',
        posts: plan(schedule(rand, 120, 0, 25), { canned: 8, reply: 2, original: 0.3 }),
      },
      'Mastodon support',
      '\n    owner: customer care\n    tags: [support]',
    ],
    [
      {
        host: S,
        username: 'northwind_deals',
        displayName: 'Northwind Deals',
        posts: plan(schedule(rand, 200, 1, 5), { promo: 4, original: 1 }),
        // broadcast only: people ask under the promotions and nobody ever answers
        audience: { share: 0.35, languages: ['en'], answerQuestions: 0, answerComments: 0, answerBy: ['self'] },
      },
      'Mastodon deals',
      '\n    owner: marketing\n    tags: [promo]',
    ],
    [
      {
        host: S,
        username: 'northwind_events',
        displayName: 'Northwind Events',
        posts: plan(schedule(rand, 300, 64, 2), { original: 3, reply: 1 }),
      },
      'Mastodon events',
      '\n    owner: events team',
    ],
    [
      {
        host: S,
        username: 'northwind_careers',
        displayName: 'Northwind Careers',
        posts: plan(schedule(rand, 900, 420, 1), { original: 1 }),
      },
      'Mastodon careers',
      '\n    owner: HR',
    ],
    [
      { host: S, username: 'northwind_eu', displayName: 'Northwind Europe', posts: [] },
      'Mastodon Europe',
      '\n    owner: EU office',
    ],
    [
      { host: S, username: 'northwind_shop', displayName: 'Northwind Shop', posts: [], missing: true },
      'Mastodon shop (old)',
      '',
    ],
    [
      {
        host: 'mastodon.social',
        username: 'northwindgear',
        displayName: 'Northwind Gear Lab',
        posts: plan(schedule(rand, 160, 23, 7), { original: 3, reply: 2 }),
      },
      'Gear lab',
      '\n    owner: product team',
    ],
  ];
  for (const [i, [p, name, extra]] of mastodons.entries()) {
    await mastodonProfile(p, i + 1);
    add(`https://${p.host}/@${p.username}`, name, extra);
  }

  // Bluesky
  const bluesky: Array<[BskyProfile, string, string]> = [
    [
      {
        handle: 'northwind.bsky.social',
        displayName: 'Northwind Outfitters',
        posts: plan(schedule(rand, 200, 0, 8), { original: 4, reply: 4, thread: 1, repost: 2 }),
        // answered now and then, by itself or the help account; French questions wait
        audience: {
          share: 0.35,
          languages: ['en', 'fr'],
          answerQuestions: 0.3,
          answerComments: 0.1,
          answerBy: ['self', 'northwindhelp.bsky.social'],
        },
      },
      'Bluesky main',
      '\n    owner: social team\n    tags: [brand]',
    ],
    [
      {
        handle: 'northwindhelp.bsky.social',
        displayName: 'Northwind Help',
        posts: plan(schedule(rand, 150, 2, 14), { canned: 5, reply: 5, original: 0.5 }),
      },
      'Bluesky support',
      '\n    owner: customer care\n    tags: [support]',
    ],
    [
      {
        handle: 'northwindnews.bsky.social',
        displayName: 'Northwind News',
        posts: plan(schedule(rand, 800, 380, 2), { original: 4, repost: 1 }),
      },
      'Bluesky news',
      '',
    ],
    [
      {
        handle: 'northwindcrew.bsky.social',
        displayName: 'Northwind Crew',
        posts: plan(schedule(rand, 220, 40, 4), { repost: 6, original: 1 }),
      },
      'Bluesky crew',
      '\n    owner: employer brand',
    ],
    [
      { handle: 'northwind-outlet.bsky.social', displayName: 'Northwind Outlet', posts: [], gone: true },
      'Bluesky outlet',
      '',
    ],
  ];
  for (const [i, [p, name, extra]] of bluesky.entries()) {
    await blueskyProfile(p, i + 1);
    add(`https://bsky.app/profile/${p.handle}`, name, extra);
  }

  // Feeds
  const blog = 'https://blog.northwind.example';
  await respond(
    `${blog}/feed.xml`,
    200,
    'application/rss+xml; charset=UTF-8',
    Buffer.from(rss('Northwind Journal', blog, entries(schedule(rand, 400, 3, 1.2), blog))),
  );
  add(`${blog}/feed.xml`, 'Company blog', '\n    owner: content team');

  const news = 'https://news.northwind.example';
  await respond(
    `${news}/`,
    200,
    'text/html; charset=utf-8',
    Buffer.from(htmlWithFeedLink('Northwind Newsroom', '/atom.xml', 'application/atom+xml')),
  );
  await respond(
    `${news}/atom.xml`,
    200,
    'application/atom+xml',
    Buffer.from(atom('Northwind Newsroom', news, entries(schedule(rand, 700, 95, 0.7), news))),
  );
  add(`${news}/`, 'Newsroom (page with feed link)', '\n    owner: PR');

  const sub = 'https://northwindtrails.substack.com';
  await respond(
    `${sub}/feed`,
    200,
    'application/rss+xml; charset=utf-8',
    Buffer.from(rss('Northwind Trails newsletter', sub, entries(schedule(rand, 1300, 700, 0.5), sub))),
  );
  add(`${sub}/feed`, 'Trails newsletter', '');

  const eng = 'https://engineering.northwind.example';
  await respond(
    `${eng}/feed.json`,
    200,
    'application/feed+json',
    Buffer.from(jsonFeed('Northwind Engineering', eng, entries(schedule(rand, 300, 10, 0.5), eng))),
  );
  add(`${eng}/feed.json`, 'Engineering blog', '');

  const press = 'https://press.northwind.example';
  const pressEntries = entries(schedule(rand, 500, 50, 0.6), press).map((e) => ({
    ...e,
    title: `Communiqué: ${e.title}`,
    summary: `${e.summary} — Équipe presse, Montréal`,
  }));
  await respond(
    `${press}/rss`,
    200,
    'application/rss+xml',
    Buffer.from(rss('Northwind — Salle de presse', press, pressEntries, 'ISO-8859-1'), 'latin1'),
  );
  add(`${press}/rss`, 'Press room (Latin-1 feed)', '\n    tags: [fr]');

  await otherPlatforms(add);
  const website = await companySite();

  const yaml = `# Demo inventory of a fictional company, audited offline by \`npm run demo\` from ./evidence.
# Written by scripts/generate-demo.ts; do not edit by hand (regenerate with \`npm run demo:generate\`).
company: Northwind Outfitters
# The consultant's branding of the report (optional): who prepared it, a logo (PNG, JPEG, GIF or WebP
# under this folder, embedded in the HTML report), an accent colour and an intro paragraph.
report:
  preparedBy: Example Consulting
  logo: branding/logo.png
  accentColor: "#0b5394"
  intro: An audit of every public profile Northwind Outfitters has, as of the date below, with what to do about each.
# The audit reads which profiles the website links to (and finds links to dead or abandoned ones).
website: ${website}
# CI gates, in the style of Lighthouse CI: each is off, or [warn, LIMIT] / [error, LIMIT].
assert:
  maxDaysSinceLastPost: [warn, 90]
assertFor:
  - tags: [support]
    assert:
      maxCannedRatio: [error, 0.5]
      maxMedianResponseMinutes: [warn, 240]
profiles:
${inventory.join('\n')}
`;
  await writeFile(join(OUT, 'inventory.yaml'), yaml);
  console.log(`wrote ${inventory.length} profiles to ${OUT}`);
}

await main();
