/**
 * A Facebook Page through Meta's Graph API with a Page access token (`auth: {env: META_PAGE_TOKEN}`):
 *   GET /{page}?fields=id,name,username,followers_count,fan_count      (the Page by its name or id)
 *   GET /{page-id}/posts?fields=id,message,created_time,permalink_url,comments…{…,comments…}&limit=25
 *       paged by `paging.cursors.after`, until the sample is covered (model/sample.ts)
 * The comments are expanded in the same call (two levels: the audience's comments and the replies
 * under them), so the Page's own answers are its conversation, and the threads are listening at no
 * extra call. Errors and rate limits: meta-graph/graph.ts.
 */
import type { FetchOutcome, ProfileSpec } from '../../model/index.js';
import { isMentionLed, toIso } from '../../sources/text.js';
import type { ApiSession } from '../kit/api-session.js';
import {
  graphConversation,
  graphJson,
  judgeGraph,
  readGraphPosts,
  type GraphComment,
  type GraphPage,
} from '../meta-graph/graph.js';
import { parseError } from '../kit/outcomes.js';
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

  const read = await readGraphPosts<FbPost>(
    api,
    ctx,
    `${api.base}/${encodeURIComponent(pageId)}/posts?fields=${encodeURIComponent(POST_FIELDS)}`,
    `the posts of the Facebook Page ${ref}`,
    (p) => {
      const text = p.message ?? '';
      const comments = (p.comments?.data ?? []).filter((c) => c?.id).map(comment);
      const base = { id: p.id, createdAt: toIso(p.created_time), url: p.permalink_url ?? null };
      return {
        post: { ...base, text, kind: isMentionLed(text) ? 'mention' : 'original', inReplyToCreatedAt: null },
        thread: { ...base, comments, commentCount: p.comments?.summary?.total_count ?? comments.length },
      };
    },
  );
  if ('kind' in read) return read;
  const { own, ...listening } = await graphConversation(api, ctx, read.threads, {
    self: `https://www.facebook.com/${pageId}`,
    isSelf: (c) => c.authorId === pageId,
    authorUrl: (c) => (c.authorId ? `https://www.facebook.com/${c.authorId}` : `urn:facebook:comment:${c.id}`),
  });
  const shown = read.threads.reduce((n, p) => n + p.comments.length, 0);
  const counted = read.threads.reduce((n, p) => n + p.commentCount, 0);
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
      posts: [...read.posts, ...own],
      reachedEnd: read.reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: false,
      sampleNote: `${read.posts.length} Page posts and ${own.length} comments of the Page's own from the Graph API${counted > shown ? ` (the first ${shown} of ${counted} comments under them were read)` : ''}`,
      sourceUrl: `${api.base}/${pageId}/posts`,
    },
  };
}
