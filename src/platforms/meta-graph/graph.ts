/**
 * What Facebook Pages and Instagram professional accounts share when read through Meta's Graph API
 * with a Page access token (`auth: {env: META_PAGE_TOKEN}`): its error object judged honestly, its
 * usage headers read, cursor paging, and the comment trees (field expansion) turned into the profile's
 * own replies and the audience threads under its posts.
 *
 * Errors (`{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`, Graph API "Handling
 * Errors"): code 190 is a refused token (subcode 463 expired, 460 password changed, 467 invalid …):
 * credential-refused, the public page read instead (api-fetch.ts); 10 and 200–299 a missing permission, 4/17/32/613 and 80001–80014 rate limits: all `blocked` (could
 * not tell). 803 names an alias that does not exist (`unreachable`). 100 with subcode 33 is "does not
 * exist, or the token cannot see it": could not tell, so `blocked` too.
 */
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import {
  pagingDone,
  type AudienceThread,
  type FetchOutcome,
  type Post,
  type ThreadReply,
  type Timeline,
} from '../../model/index.js';
import type { ApiSession } from '../kit/api-session.js';
import { listen } from '../kit/listen.js';
import { parseError } from '../kit/outcomes.js';
import type { AdapterContext } from '../types.js';

interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number };
}

const SUBCODES: Record<number, string> = {
  458: 'the app is not installed',
  459: 'the user is checkpointed',
  460: 'the password was changed',
  463: 'expired',
  464: 'unconfirmed user',
  467: 'invalid',
  492: 'invalid session',
};
const RATE_LIMITS = new Set([4, 17, 32, 613]);

function graphError(res: HttpResponse): { code: number | null; subcode: number | null; message: string } {
  try {
    const e = (JSON.parse(decodeText(res.body, res.headers['content-type'])) as GraphErrorBody).error;
    return {
      code: typeof e?.code === 'number' ? e.code : null,
      subcode: typeof e?.error_subcode === 'number' ? e.error_subcode : null,
      message: String(e?.message ?? '').slice(0, 200),
    };
  } catch {
    return { code: null, subcode: null, message: '' };
  }
}

/** The highest share of a Graph API rate limit the usage headers report, with the header that said it. */
function graphUsage(
  headers: Record<string, string>,
): { percent: number; header: string; regainMinutes: number } | null {
  let best: { percent: number; header: string; regainMinutes: number } | null = null;
  const consider = (header: string, usage: Record<string, unknown>) => {
    const shares = ['call_count', 'total_time', 'total_cputime'].map((k) => Number(usage[k])).filter(Number.isFinite);
    const percent = Math.max(0, ...shares);
    const regainMinutes = Number(usage.estimated_time_to_regain_access) || 0;
    if (!best || percent > best.percent || regainMinutes > best.regainMinutes)
      best = { percent, header, regainMinutes };
  };
  for (const header of ['x-app-usage', 'x-business-use-case-usage']) {
    const raw = headers[header];
    if (!raw) continue;
    try {
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      if (header === 'x-app-usage') consider(header, parsed);
      else
        for (const list of Object.values(parsed))
          for (const usage of Array.isArray(list) ? list : []) consider(header, usage as Record<string, unknown>);
    } catch {
      // a header that is not JSON says nothing
    }
  }
  return best;
}

/** A Graph API response judged: null when it is a success; otherwise the profile's outcome, in the API's own terms. */
export function judgeGraph(res: HttpResponse, api: ApiSession, what: string): FetchOutcome | null {
  const usage = graphUsage(res.headers);
  if (usage && usage.percent >= 80)
    api.note(`the app had used ${usage.percent}% of a Graph API rate limit (${usage.header})`);
  // at 95% the next calls would be throttled: the read stops with what it has
  if (usage && usage.percent >= 95)
    api.stop(`the app had used ${usage.percent}% of its Meta Graph API rate limit (${usage.header})`);
  if (res.status >= 200 && res.status < 300) return null;
  const { code, subcode, message } = graphError(res);
  const said = (word?: string) =>
    `code ${code}${subcode !== null && !word ? `/${subcode}` : ''}: ${word ?? (message || `HTTP ${res.status}`)}`;
  const evidence = `HTTP ${res.status} code ${code ?? '?'}${subcode !== null ? `/${subcode}` : ''}`;
  if (code === 190 || code === 102) api.refused(said(subcode !== null ? SUBCODES[subcode] : undefined));
  if (code === 10 || (code !== null && code >= 200 && code <= 299))
    return api.http.blocked(`the token lacks a permission this read needs (${said()})`, evidence);
  if ((code !== null && (RATE_LIMITS.has(code) || (code >= 80001 && code <= 80014))) || res.status === 429) {
    const wait = usage?.regainMinutes ? `; access returns in about ${usage.regainMinutes} min` : '';
    return api.http.blocked(`rate limited by the Graph API (${said()}${wait}): could not tell`, evidence);
  }
  if (code === 803) return api.http.fail('unreachable', `${what} not found (${said()})`);
  if (code === 100 && subcode === 33)
    return api.http.blocked(`${what} does not exist or this token cannot see it (${said()}): could not tell`, evidence);
  return api.http.fail(
    'error',
    `the Graph API refused the read of ${what} (${code === null ? `HTTP ${res.status}` : said()})`,
  );
}

export interface GraphPage<T> {
  data?: T[];
  paging?: { cursors?: { after?: string }; next?: string };
}

export const graphJson = <T>(res: HttpResponse): T =>
  JSON.parse(decodeText(res.body, res.headers['content-type'])) as T;

/** The next page's cursor: only when the API says there is a next page. */
const nextCursor = (page: GraphPage<unknown>): string | null =>
  page.paging?.next && page.paging.cursors?.after ? page.paging.cursors.after : null;

/** A comment as both platforms give it, normalised: who wrote it (an id and a name), when, and the replies under it. */
export interface GraphComment {
  id: string;
  text: string;
  createdAt: string | null;
  authorId: string | null;
  authorName: string | null;
  replies: GraphComment[];
}

/** One of the profile's posts with the comment tree the API expanded under it. */
export interface GraphPost {
  id: string;
  createdAt: string | null;
  url: string | null;
  comments: GraphComment[];
  /** Comments the platform counts under the post (more than `comments` holds when it has more than one page). */
  commentCount: number;
}

/**
 * The profile's own comments as posts: an answer to someone's comment is a reply (dated against that
 * comment, answering its author), a comment of its own under its own post is a thread.
 */
function ownComments(posts: readonly GraphPost[], isSelf: (c: GraphComment) => boolean): Post[] {
  const out: Post[] = [];
  for (const post of posts) {
    for (const top of post.comments) {
      if (isSelf(top)) out.push(commentPost(top, post, 'thread', null));
      for (const reply of top.replies) {
        if (!isSelf(reply)) continue;
        out.push(isSelf(top) ? commentPost(reply, post, 'thread', null) : commentPost(reply, post, 'reply', top));
      }
    }
  }
  return out;
}

function commentPost(c: GraphComment, post: GraphPost, kind: 'reply' | 'thread', answered: GraphComment | null): Post {
  return {
    id: c.id,
    createdAt: c.createdAt,
    text: c.text,
    kind,
    url: post.url,
    inReplyToCreatedAt: answered?.createdAt ?? null,
    ...(answered ? { answered: answered.authorName ?? answered.authorId ?? answered.id, onOwnPost: true } : {}),
  };
}

/** The audience thread under a post, from its expanded comments (no request of its own). */
function graphThread(post: GraphPost, authorUrl: (c: GraphComment) => string): AudienceThread {
  const replies: ThreadReply[] = [];
  const add = (c: GraphComment, parentId: string) =>
    replies.push({ id: c.id, parentId, author: authorUrl(c), createdAt: c.createdAt, text: c.text, url: null });
  for (const top of post.comments) {
    add(top, post.id);
    for (const reply of top.replies) add(reply, top.id);
  }
  return { rootId: post.id, rootUrl: post.url, replies };
}

/**
 * An edge of the profile's posts (a Page's `posts`, an account's `media`), paged by cursor until the
 * sample is covered or the budget is spent; each item becomes a post and the comment tree under it.
 */
export async function readGraphPosts<T extends { id?: string }>(
  api: ApiSession,
  ctx: AdapterContext,
  edge: string,
  what: string,
  read: (item: T) => { post: Post; thread: GraphPost },
): Promise<{ posts: Post[]; threads: GraphPost[]; reachedEnd: boolean } | FetchOutcome> {
  const posts: Post[] = [];
  const threads: GraphPost[] = [];
  let after: string | null = '';
  let reachedEnd = false;
  while (after !== null && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    const res = await api.more(`${edge}&limit=25${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    if (!res) break;
    const failed = judgeGraph(res, api, what);
    if (failed) return failed;
    let listed: GraphPage<T>;
    try {
      listed = graphJson(res);
      if (!Array.isArray(listed?.data)) throw new Error('no data list');
    } catch (error) {
      return parseError(api.http, `Graph API response for ${what}`, (error as Error).message);
    }
    for (const item of listed.data!) {
      if (!item?.id) continue;
      const { post, thread } = read(item);
      posts.push(post);
      threads.push(thread);
    }
    after = api.nextPage(nextCursor(listed), listed.data!.length);
    reachedEnd = nextCursor(listed) === null;
  }
  return { posts, threads, reachedEnd };
}

/**
 * The profile's own comments as posts, and listening from the comment trees already read (no request
 * of their own): who replied under its posts, and whether it answered them.
 */
export async function graphConversation(
  api: ApiSession,
  ctx: AdapterContext,
  threads: readonly GraphPost[],
  who: { self: string; isSelf: (c: GraphComment) => boolean; authorUrl: (c: GraphComment) => string },
): Promise<Pick<Timeline, 'listening' | 'listeningOff'> & { own: Post[] }> {
  const byId = new Map(threads.map((p) => [p.id, p]));
  const listening = await listen(
    who.self,
    threads.map((p) => ({ id: p.id, createdAt: p.createdAt, replies: p.commentCount })),
    ctx,
    api.http,
    async (p) => graphThread(byId.get(p.id)!, who.authorUrl),
  );
  return { ...listening, own: ownComments(threads, who.isSelf) };
}
