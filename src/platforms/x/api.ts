/**
 * X through the X API v2 with a bearer token (`auth: {env: X_BEARER_TOKEN}`):
 *   GET /users/by/username/NAME?user.fields=created_at,public_metrics,description,url
 *   GET /users/:id/tweets?max_results=100&tweet.fields=created_at,referenced_tweets,in_reply_to_user_id,
 *       conversation_id,public_metrics&expansions=referenced_tweets.id, paged by `pagination_token`
 *       (meta.next_token) until the sample is covered (model/sample.ts)
 *   GET /tweets/search/recent?query=conversation_id:ID …, per own post of the last 7 days with replies
 *       (listening), where the token's access level includes recent search; where it does not, the
 *       report says so
 * A reply's parent comes with the page (`includes.tweets`), so response times are measured. Errors are
 * X's problem objects: 401 refuses the token (credential-refused, the public page read instead, api-fetch.ts),
 * a token without the access level is `blocked`, a rate limit is
 * honoured from `x-rate-limit-reset` (live.ts) and is `blocked` when it is longer than the run waits,
 * an unknown or suspended user is `unreachable`.
 */
import { pagingDone, type AudienceThread, type FetchOutcome, type Post, type ProfileSpec } from '../../model/index.js';
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import { isMentionLed, toIso } from '../../sources/text.js';
import { twitterIdTime } from '../../sources/snowflake.js';
import type { ApiSession } from '../kit/api-session.js';
import { listen, stopIfRateLimited } from '../kit/listen.js';
import { parseError } from '../kit/outcomes.js';
import type { AdapterContext } from '../types.js';

interface XProblem {
  title?: string;
  detail?: string;
  type?: string;
  reason?: string;
  status?: number;
}

interface XUser {
  id: string;
  username?: string;
  name?: string;
  created_at?: string;
  description?: string;
  public_metrics?: { followers_count?: number; tweet_count?: number };
}

interface XTweet {
  id: string;
  text?: string;
  created_at?: string;
  author_id?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type?: string; id?: string }>;
  public_metrics?: { reply_count?: number };
}

interface XPage {
  data?: XTweet[];
  includes?: { tweets?: XTweet[]; users?: XUser[] };
  meta?: { next_token?: string; result_count?: number };
  errors?: XProblem[];
}

const json = <T>(res: HttpResponse): T => JSON.parse(decodeText(res.body, res.headers['content-type'])) as T;
const TWEET_FIELDS = 'created_at,referenced_tweets,in_reply_to_user_id,conversation_id,public_metrics,author_id';
/** How far back X's recent search reaches. */
const RECENT_DAYS = 7;

function problem(res: HttpResponse): XProblem {
  try {
    const body = json<XProblem & { errors?: XProblem[] }>(res);
    return body.errors?.[0] ? { ...body.errors[0], ...body } : body;
  } catch {
    return {};
  }
}

/** X's word that the endpoint's limit is used up (`x-rate-limit-remaining: 0`): no further call is made. */
function stopAtLimit(res: HttpResponse, api: ApiSession): void {
  if (res.headers['x-rate-limit-remaining']?.trim() !== '0') return;
  const reset = Number(res.headers['x-rate-limit-reset']);
  const until = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
  api.stop(`the X API v2 rate limit is spent${until} (x-rate-limit-remaining: 0)`);
}

/** A non-2xx X API response, judged in X's own terms (and its limit header read on every response). */
function judgeX(res: HttpResponse, api: ApiSession, what: string): FetchOutcome | null {
  stopAtLimit(res, api);
  if (res.status >= 200 && res.status < 300) return null;
  const p = problem(res);
  // X's 401 says "Unauthorized" as title and detail: its reason is said once
  const said =
    [...new Set([p.reason ?? p.title, p.detail].filter(Boolean))].join(': ').slice(0, 200) || `HTTP ${res.status}`;
  const evidence = `HTTP ${res.status}${p.reason ? ` ${p.reason}` : ''}`;
  if (res.status === 401) api.refused(`HTTP 401: ${said}`);
  if (res.status === 402)
    return api.http.blocked(`the X API account has no credits left for this read (HTTP 402: ${said})`, evidence);
  if (res.status === 429) {
    const reset = Number(res.headers['x-rate-limit-reset']);
    const until =
      Number.isFinite(reset) && reset > 0 ? `; the limit resets at ${new Date(reset * 1000).toISOString()}` : '';
    return api.http.blocked(`rate limited by the X API (HTTP 429${until}): could not tell`, evidence);
  }
  // client-not-enrolled, client-forbidden: the token's access level or project does not allow the endpoint
  if (res.status === 403)
    return api.http.blocked(`the token's X API access does not allow reading ${what} (HTTP 403: ${said})`, evidence);
  if (res.status === 404) return api.http.fail('unreachable', `${what} not found (HTTP 404: ${said})`);
  return api.http.fail('error', `the X API refused the read of ${what} (HTTP ${res.status}: ${said})`);
}

export function tweetToPost(t: XTweet, userId: string, username: string, parents: ReadonlyMap<string, XTweet>): Post {
  const text = t.text ?? '';
  const base = {
    id: t.id,
    createdAt: toIso(t.created_at),
    text,
    url: `https://x.com/${username}/status/${t.id}`,
  };
  const refs = t.referenced_tweets ?? [];
  if (refs.some((r) => r.type === 'retweeted')) return { ...base, kind: 'repost', inReplyToCreatedAt: null };
  const parent = refs.find((r) => r.type === 'replied_to')?.id;
  if (parent || t.in_reply_to_user_id) {
    if (t.in_reply_to_user_id === userId) return { ...base, kind: 'thread', inReplyToCreatedAt: null };
    const parentTime = parent ? (toIso(parents.get(parent)?.created_at) ?? twitterIdTime(parent)) : null;
    return { ...base, kind: 'reply', inReplyToCreatedAt: parentTime };
  }
  return { ...base, kind: isMentionLed(text) ? 'mention' : 'original', inReplyToCreatedAt: null };
}

export async function readXApi(profile: ProfileSpec, ctx: AdapterContext, api: ApiSession): Promise<FetchOutcome> {
  const name = new URL(profile.url).pathname.split('/').filter(Boolean)[0]?.replace(/^@/, '');
  if (!name || !/^\w{1,15}$/.test(name))
    return api.http.fail('error', 'not an X profile URL (expected https://x.com/NAME)');
  const res = await api.get(
    `${api.base}/users/by/username/${encodeURIComponent(name)}?user.fields=created_at,public_metrics,description,url`,
  );
  const failed = judgeX(res, api, `the X account @${name}`);
  if (failed) return failed;
  let user: XUser | undefined;
  let errors: XProblem[] = [];
  try {
    const body = json<{ data?: XUser; errors?: XProblem[] }>(res);
    user = body.data;
    errors = body.errors ?? [];
  } catch (error) {
    return parseError(api.http, 'X API user response', (error as Error).message);
  }
  if (!user?.id) {
    const e = errors[0];
    const said = [e?.title, e?.detail].filter(Boolean).join(': ') || 'no user in the response';
    return /suspended/i.test(said) || /not-found/i.test(e?.type ?? '') || /Not Found/i.test(e?.title ?? '')
      ? api.http.fail('unreachable', `the X account @${name} is not there (${said.slice(0, 200)})`)
      : parseError(api.http, 'X API user response', said.slice(0, 200));
  }
  const username = user.username ?? name;

  const posts: Post[] = [];
  const tweets: XTweet[] = [];
  let token: string | null = '';
  let reachedEnd = false;
  while (token !== null && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    const url = `${api.base}/users/${encodeURIComponent(user.id)}/tweets?max_results=100&tweet.fields=${TWEET_FIELDS}&expansions=referenced_tweets.id${token ? `&pagination_token=${encodeURIComponent(token)}` : ''}`;
    const page = await api.more(url);
    if (!page) break;
    const pageFailed = judgeX(page, api, `the posts of @${username}`);
    if (pageFailed) return pageFailed;
    let body: XPage;
    try {
      body = json<XPage>(page);
    } catch (error) {
      return parseError(api.http, 'X API tweets page', (error as Error).message);
    }
    const parents = new Map((body.includes?.tweets ?? []).map((t) => [t.id, t]));
    for (const t of body.data ?? []) {
      if (!t?.id) continue;
      posts.push(tweetToPost(t, user.id, username, parents));
      tweets.push(t);
    }
    token = api.nextPage(body.meta?.next_token, body.data?.length ?? 0);
    reachedEnd = !body.meta?.next_token;
  }

  const self = `https://x.com/${username}`;
  const since = ctx.asOf.getTime() - RECENT_DAYS * 86_400_000;
  // a thread is one of its posts that starts a conversation (conversation_id is its own id): its replies,
  // to itself or to someone, are inside a conversation searched already, or someone else's
  const recent = tweets.filter(
    (t) =>
      !t.referenced_tweets?.some((r) => r.type === 'retweeted' || r.type === 'replied_to') &&
      (t.conversation_id ?? t.id) === t.id &&
      t.created_at !== undefined &&
      Date.parse(t.created_at) >= since,
  );
  let refused: string | null = null;
  const listening = await listen(
    self,
    recent.map((t) => ({ id: t.id, createdAt: toIso(t.created_at), replies: t.public_metrics?.reply_count ?? 0 })),
    ctx,
    api.http,
    async (t) => {
      if (refused) throw new Error(refused);
      const thread = await readConversation(t.id, username, api);
      if (typeof thread === 'string') {
        refused = thread;
        throw new Error(thread);
      }
      return thread;
    },
  );
  return {
    kind: 'ok',
    fetch: api.http.fetchInfo(),
    timeline: {
      ...(refused ? { listeningOff: refused } : listening),
      platform: 'x',
      method: 'api',
      facts: {
        displayName: user.name ?? null,
        handle: `@${username}`,
        postsCount: user.public_metrics?.tweet_count ?? null,
        lastPostAt: null,
        followers: user.public_metrics?.followers_count ?? null,
        createdAt: toIso(user.created_at),
      },
      posts,
      reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: true,
      sampleNote: `${posts.length} posts from the X API${listening.listening ? `; X's recent search reaches back ${RECENT_DAYS} days, so only the threads of posts from the last ${RECENT_DAYS} days were read` : ''}`,
      sourceUrl: `${api.base}/users/${user.id}/tweets`,
    },
  };
}

/** The replies in one conversation (recent search), or why the token may not search. */
async function readConversation(id: string, brand: string, api: ApiSession): Promise<AudienceThread | string> {
  const res = await api.get(
    `${api.base}/tweets/search/recent?query=${encodeURIComponent(`conversation_id:${id}`)}&max_results=100&tweet.fields=${TWEET_FIELDS}&expansions=author_id&user.fields=username`,
    1,
    { retries: 0 },
  );
  stopAtLimit(res, api);
  stopIfRateLimited(res); // the conversations left are unread, not failed
  if (res.status === 403 || res.status === 401) {
    const p = problem(res);
    return `the token's X API access level does not include recent search (HTTP ${res.status}${p.reason ? ` ${p.reason}` : ''}): who replied to the brand cannot be read`;
  }
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for the conversation of post ${id}`);
  const body = json<XPage>(res);
  const users = new Map((body.includes?.users ?? []).map((u) => [u.id, u.username ?? u.id]));
  return {
    rootId: id,
    rootUrl: `https://x.com/${brand}/status/${id}`,
    replies: (body.data ?? []).flatMap((t) => {
      const parent = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
      if (!t?.id || !parent) return [];
      const author = t.author_id ? (users.get(t.author_id) ?? `i/user/${t.author_id}`) : `i/status/${t.id}`;
      return [
        {
          id: t.id,
          parentId: parent,
          author: `https://x.com/${author}`,
          createdAt: toIso(t.created_at),
          text: t.text ?? '',
          url: null,
        },
      ];
    }),
  };
}
