/**
 * A Facebook Page through Meta's Graph API with a Page access token (`auth: {env: META_PAGE_TOKEN}`):
 *   GET /{page}?fields=id,name,username,followers_count,fan_count      (the Page by its name or id)
 *   GET /{page-id}/posts?fields=id,message,created_time,permalink_url,comments…{…,comments…}&limit=25
 *       paged by `paging.cursors.after`, until the sample is covered (model/sample.ts)
 * The comments are expanded in the same call (two levels: the audience's comments and the replies
 * under them), so the Page's own answers are its conversation, and the threads are listening at no
 * extra call. Errors and rate limits: meta-graph/graph.ts.
 */
import { pagingDone, type FetchOutcome, type Post, type ProfileSpec } from '../../model/index.js';
import { isMentionLed, toIso } from '../../sources/text.js';
import type { ApiSession } from '../api-session.js';
import { listen } from '../listen.js';
import {
  graphJson,
  graphThread,
  judgeGraph,
  nextCursor,
  ownComments,
  paidGraph,
  type GraphComment,
  type GraphPage,
  type GraphPost,
} from '../meta-graph/graph.js';
import { parseError } from '../outcomes.js';
import type { AdapterContext } from '../types.js';

interface FbComment {
  id: string;
  message?: string;
  created_time?: string;
  from?: { id?: string; name?: string };
  comments?: GraphPage<FbComment>;
}

interface FbPost {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
  comments?: GraphPage<FbComment> & { summary?: { total_count?: number } };
}

const COMMENT = 'id,message,created_time,from{id,name}';
export const POST_FIELDS = `id,message,created_time,permalink_url,comments.limit(50).summary(true){${COMMENT},comments.limit(25){${COMMENT}}}`;

/** The Page as the URL names it: /NAME, /pages/…/ID or /profile.php?id=N. */
export function pageRef(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'profile.php') return url.searchParams.get('id');
  if (segments[0] === 'pages') return segments.at(-1) ?? null;
  return segments[0] ?? null;
}

const comment = (c: FbComment): GraphComment => ({
  id: c.id,
  text: c.message ?? '',
  createdAt: toIso(c.created_time),
  authorId: c.from?.id ?? null,
  authorName: c.from?.name ?? null,
  replies: (c.comments?.data ?? []).filter((r) => r?.id).map(comment),
});

export async function readFacebookApi(
  profile: ProfileSpec,
  ctx: AdapterContext,
  api: ApiSession,
): Promise<FetchOutcome> {
  const ref = pageRef(new URL(profile.url));
  if (!ref) return api.http.fail('error', 'not a Facebook Page URL (expected https://www.facebook.com/NAME)');
  const res = await api.get(`${api.base}/${encodeURIComponent(ref)}?fields=id,name,username,followers_count,fan_count`);
  const failed = judgeGraph(res, api, `the Facebook Page ${ref}`);
  if (failed) return failed;
  let page: { id?: string; name?: string; username?: string; followers_count?: number; fan_count?: number };
  try {
    page = graphJson(res);
    if (typeof page?.id !== 'string') throw new Error('no Page id');
  } catch (error) {
    return parseError(api.http, 'Graph API Page response', (error as Error).message);
  }
  const pageId = page.id!;

  const posts: Post[] = [];
  const read: GraphPost[] = [];
  let after: string | null = '';
  let reachedEnd = false;
  while (after !== null && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
    const res = await paidGraph(
      api,
      `${api.base}/${encodeURIComponent(pageId)}/posts?fields=${encodeURIComponent(POST_FIELDS)}&limit=25${cursor}`,
    );
    if (!res) break;
    const pageFailed = judgeGraph(res, api, `the posts of the Facebook Page ${ref}`);
    if (pageFailed) return pageFailed;
    let listed: GraphPage<FbPost>;
    try {
      listed = graphJson(res);
      if (!Array.isArray(listed?.data)) throw new Error('no data list');
    } catch (error) {
      return parseError(api.http, 'Graph API posts response', (error as Error).message);
    }
    for (const p of listed.data!) {
      if (!p?.id) continue;
      const text = p.message ?? '';
      posts.push({
        id: p.id,
        createdAt: toIso(p.created_time),
        text,
        kind: isMentionLed(text) ? 'mention' : 'original',
        url: p.permalink_url ?? null,
        inReplyToCreatedAt: null,
      });
      const comments = (p.comments?.data ?? []).filter((c) => c?.id).map(comment);
      read.push({
        id: p.id,
        createdAt: toIso(p.created_time),
        url: p.permalink_url ?? null,
        comments,
        commentCount: p.comments?.summary?.total_count ?? comments.length,
      });
    }
    after = nextCursor(listed);
    reachedEnd = after === null;
  }

  const isSelf = (c: GraphComment) => c.authorId === pageId;
  const self = `https://www.facebook.com/${pageId}`;
  const authorUrl = (c: GraphComment) =>
    c.authorId ? `https://www.facebook.com/${c.authorId}` : `urn:facebook:comment:${c.id}`;
  const byId = new Map(read.map((p) => [p.id, p]));
  const listening = await listen(
    self,
    read.map((p) => ({ id: p.id, createdAt: p.createdAt, replies: p.commentCount })),
    ctx,
    api.http,
    async (p) => graphThread(byId.get(p.id)!, authorUrl),
  );
  const own = ownComments(read, isSelf);
  const shown = read.reduce((n, p) => n + p.comments.length, 0);
  const counted = read.reduce((n, p) => n + p.commentCount, 0);
  return {
    kind: 'ok',
    fetch: api.http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'facebook',
      method: 'api',
      facts: {
        displayName: page.name ?? null,
        handle: page.username ?? null,
        postsCount: null,
        lastPostAt: null,
        followers: page.followers_count ?? page.fan_count ?? null,
      },
      posts: [...posts, ...own],
      reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: false,
      sampleNote: `${posts.length} Page posts and ${own.length} comments of the Page's own from the Graph API${counted > shown ? ` (the first ${shown} of ${counted} comments under them were read)` : ''}`,
      sourceUrl: `${api.base}/${pageId}/posts`,
    },
  };
}
