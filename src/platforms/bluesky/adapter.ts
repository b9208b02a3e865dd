/**
 * Bluesky, through the public AppView (settings.endpoints.bluesky, default https://public.api.bsky.app):
 *   app.bsky.actor.getProfile?actor=HANDLE
 *   app.bsky.feed.getAuthorFeed?actor=HANDLE&filter=posts_with_replies&limit=100&cursor=...
 * `reason.$type` #reasonRepost is a repost, #reasonPin a pinned post; `record.reply.parent` marks a reply,
 * a self-thread when the parent's DID is the author's own.
 */
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import {
  pagingDone,
  type AudienceThread,
  type FetchOutcome,
  type Post,
  type ProfileSpec,
  type ThreadReply,
} from '../../model/index.js';
import { judgeStatus, parseError, parseJson, trackedFetch } from '../kit/outcomes.js';
import { isMentionLed, toIso } from '../../sources/text.js';
import { listen, stopIfRateLimited } from '../kit/listen.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { handleFromUrl } from './urls.js';

interface BskyPostView {
  uri: string;
  author: { did: string; handle: string };
  record: { text?: string; createdAt?: string; reply?: { parent?: { uri?: string } } };
  indexedAt?: string;
  replyCount?: number;
}

/** A node of `app.bsky.feed.getPostThread`: a post with its replies, or a reply the viewer cannot see. */
interface BskyThreadNode {
  $type?: string;
  post?: BskyPostView;
  replies?: BskyThreadNode[];
  notFound?: boolean;
  blocked?: boolean;
}

/** How deep a thread is read: replies to replies to replies… (the AppView's own default is 6). */
const THREAD_DEPTH = 6;

/** The thread under one of the account's posts: every visible reply, with the post it answers. */
async function readThread(api: string, root: BskyPostView, http: TrackedHttp): Promise<AudienceThread> {
  const res = await http.get(
    `${api}/app.bsky.feed.getPostThread?uri=${encodeURIComponent(root.uri)}&depth=${THREAD_DEPTH}&parentHeight=0`,
    { accept: 'application/json', retries: 0 }, // one request per thread: the budget is the cost
  );
  stopIfRateLimited(res);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for the thread of ${root.uri}`);
  const body = parseJson(res) as { thread?: BskyThreadNode };
  if (!body?.thread?.post) throw new Error(`no thread for ${root.uri}`);
  const replies: ThreadReply[] = [];
  const walk = (node: BskyThreadNode, parentId: string) => {
    for (const child of node.replies ?? []) {
      const p = child.post;
      // a blocked or deleted reply is not shown by the AppView: nothing to count, nothing to walk
      if (!p || child.blocked || child.notFound || typeof p.author?.handle !== 'string') continue;
      replies.push({
        id: p.uri,
        parentId,
        author: `https://bsky.app/profile/${p.author.handle}`,
        createdAt: toIso(p.record?.createdAt) ?? toIso(p.indexedAt),
        text: p.record?.text ?? '',
        url: bskyWebUrl(p),
      });
      walk(child, p.uri);
    }
  };
  walk(body.thread, root.uri);
  return { rootId: root.uri, rootUrl: bskyWebUrl(root), replies };
}

export interface BskyFeedItem {
  post: BskyPostView;
  reply?: { parent?: Partial<BskyPostView> & { $type?: string } };
  reason?: { $type?: string };
}

interface BskyProfile {
  did: string;
  handle: string;
  displayName?: string;
  postsCount?: number;
  followersCount?: number;
  createdAt?: string;
  description?: string;
}

/** Errors the AppView returns (HTTP 400) for an actor that is gone. */
const GONE_ERRORS =
  /profile not found|actor not found|could not find|AccountTakedown|AccountDeactivated|RepoTakendown|RepoDeactivated/i;

function didOf(atUri: string | undefined): string | null {
  return /^at:\/\/([^/]+)/.exec(atUri ?? '')?.[1] ?? null;
}

export function feedItemToPost(item: BskyFeedItem, did: string): Post {
  const p = item.post;
  const text = p.record?.text ?? '';
  const base = {
    id: p.uri,
    createdAt: toIso(p.record?.createdAt) ?? toIso(p.indexedAt),
    text,
    url: bskyWebUrl(p),
  };
  const reason = item.reason?.$type ?? '';
  if (reason.endsWith('#reasonRepost')) {
    // the repost's own time is not in the feed item's post; indexedAt of the reason is absent, use the feed's order
    return {
      ...base,
      kind: 'repost',
      inReplyToCreatedAt: null,
      createdAt: toIso((item.reason as { indexedAt?: string }).indexedAt) ?? base.createdAt,
    };
  }
  const pinned = reason.endsWith('#reasonPin');
  const parentUri = p.record?.reply?.parent?.uri;
  if (parentUri) {
    if (didOf(parentUri) === did) return { ...base, kind: 'thread', inReplyToCreatedAt: null, pinned };
    const parentCreated = toIso(item.reply?.parent?.record?.createdAt);
    return { ...base, kind: 'reply', inReplyToCreatedAt: parentCreated, pinned };
  }
  return { ...base, kind: isMentionLed(text) ? 'mention' : 'original', inReplyToCreatedAt: null, pinned };
}

function bskyWebUrl(p: BskyPostView): string | null {
  const rkey = /\/app\.bsky\.feed\.post\/([^/]+)$/.exec(p.uri)?.[1];
  return rkey ? `https://bsky.app/profile/${p.author.handle}/post/${rkey}` : null;
}

function failedActor(res: { status: number; body: Buffer }, http: TrackedHttp, handle: string): FetchOutcome | null {
  if (res.status !== 400) return null;
  let detail = '';
  try {
    const body = JSON.parse(res.body.toString('utf8')) as { error?: string; message?: string };
    detail = `${body.error ?? ''} ${body.message ?? ''}`.trim();
  } catch {
    detail = res.body.toString('utf8').slice(0, 200);
  }
  if (GONE_ERRORS.test(detail)) {
    return http.fail('unreachable', `Bluesky account ${handle} is gone (${detail})`);
  }
  return http.fail('error', `Bluesky refused the request for ${handle} (HTTP 400 ${detail})`);
}

async function readBluesky(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const handle = handleFromUrl(new URL(profile.url));
  if (!handle) {
    return http.fail('error', 'not a Bluesky profile URL (expected https://bsky.app/profile/HANDLE)');
  }
  const api = `${ctx.endpoints.bluesky.replace(/\/+$/, '')}/xrpc`;
  const actor = encodeURIComponent(handle);
  const res = await http.get(`${api}/app.bsky.actor.getProfile?actor=${actor}`, { accept: 'application/json' });
  const failed = failedActor(res, http, handle) ?? judgeStatus(res, http, `Bluesky account ${handle}`);
  if (failed) return failed;
  let bsky: BskyProfile;
  try {
    bsky = parseJson(res) as BskyProfile;
    if (typeof bsky?.did !== 'string') throw new Error('no did in the profile response');
  } catch (error) {
    return parseError(http, 'Bluesky profile', (error as Error).message);
  }

  const posts: Post[] = [];
  const own = new Map<string, BskyPostView>();
  const seen = new Set<string>();
  const cursors = new Set<string>();
  let cursor: string | null = '';
  let reachedEnd = false;
  while (cursor !== null && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    const pageUrl = `${api}/app.bsky.feed.getAuthorFeed?actor=${actor}&filter=posts_with_replies&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await http.get(pageUrl, { accept: 'application/json' });
    const pageFailed = failedActor(page, http, handle) ?? judgeStatus(page, http, `feed of ${handle}`);
    if (pageFailed) return pageFailed;
    let body: { feed?: BskyFeedItem[]; cursor?: string };
    try {
      body = parseJson(page) as typeof body;
      if (!Array.isArray(body?.feed)) throw new Error('expected a "feed" array');
    } catch (error) {
      return parseError(http, 'Bluesky author feed', (error as Error).message);
    }
    for (const item of body.feed) {
      const post = feedItemToPost(item, bsky.did);
      // a thread is one of its top-level posts: its replies (to itself or to someone) are inside one, and
      // reading the thread under one again would count its replies twice
      if (post.kind !== 'repost' && item.post.author?.did === bsky.did && !item.post.record?.reply)
        own.set(item.post.uri, item.post);
      const key = `${post.kind === 'repost' ? 'repost:' : ''}${post.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      posts.push(post);
    }
    if (body.feed.length === 0 || !body.cursor || cursors.has(body.cursor)) {
      reachedEnd = true;
      break;
    }
    cursors.add(body.cursor);
    cursor = body.cursor;
  }

  const listening = await listen(
    `https://bsky.app/profile/${bsky.handle}`,
    [...own.values()].map((p) => ({
      view: p,
      id: p.uri,
      createdAt: toIso(p.record?.createdAt) ?? toIso(p.indexedAt),
      replies: p.replyCount ?? 0,
    })),
    ctx,
    http,
    (c) => readThread(api, c.view, http),
  );
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'bluesky',
      method: 'api',
      facts: {
        displayName: bsky.displayName || null,
        handle: `@${bsky.handle}`,
        postsCount: typeof bsky.postsCount === 'number' ? bsky.postsCount : null,
        lastPostAt: null,
        followers: typeof bsky.followersCount === 'number' ? bsky.followersCount : null,
        createdAt: toIso(bsky.createdAt),
        bioLink: firstWebLink(bsky.description),
        // the profile API leaves out an empty description
        bio: bioText(bsky.description ?? ''),
      },
      posts,
      reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: true,
      sampleNote: null,
      sourceUrl: `${api}/app.bsky.feed.getAuthorFeed?actor=${actor}`,
    },
  };
}

export const bluesky: PlatformAdapter = {
  id: 'bluesky',
  fetch: trackedFetch(readBluesky),
};
