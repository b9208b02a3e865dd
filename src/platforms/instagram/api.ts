/**
 * An Instagram professional account through Meta's Graph API, with the access token of the Facebook
 * Page it is linked to (`auth: {env: META_PAGE_TOKEN}`):
 *   GET /me?fields=id,name,instagram_business_account{id,username,name,followers_count,media_count}
 *       the token's Page and its Instagram account, which must be the profile's
 *   GET /{ig-user-id}/media?fields=id,caption,timestamp,permalink,comments_count,comments…{…,replies{…}}&limit=25
 *       paged by `paging.cursors.after`, until the sample is covered (model/sample.ts)
 * Comments and their replies are expanded in the same call: the account's own replies are its
 * conversation, the threads are listening. Errors and rate limits: meta-graph/graph.ts.
 */
import type { FetchOutcome, ProfileSpec } from '../../model/index.js';
import { toIso } from '../../sources/text.js';
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

interface IgComment {
  id: string;
  text?: string;
  timestamp?: string;
  username?: string;
  from?: { id?: string; username?: string };
  replies?: GraphPage<IgComment>;
}

interface IgMedia {
  id: string;
  caption?: string;
  timestamp?: string;
  permalink?: string;
  comments_count?: number;
  comments?: GraphPage<IgComment>;
}

interface IgAccount {
  id?: string;
  username?: string;
  name?: string;
  followers_count?: number;
  media_count?: number;
}

const COMMENT = 'id,text,timestamp,username,from{id,username}';
export const MEDIA_FIELDS = `id,caption,timestamp,permalink,comments_count,comments.limit(50){${COMMENT},replies{${COMMENT}}}`;
export const ACCOUNT_FIELDS = 'id,name,instagram_business_account{id,username,name,followers_count,media_count}';

const comment = (c: IgComment): GraphComment => ({
  id: c.id,
  text: c.text ?? '',
  createdAt: toIso(c.timestamp),
  authorId: c.from?.id ?? null,
  authorName: c.username ?? c.from?.username ?? null,
  replies: (c.replies?.data ?? []).filter((r) => r?.id).map(comment),
});

export async function readInstagramApi(
  profile: ProfileSpec,
  ctx: AdapterContext,
  api: ApiSession,
): Promise<FetchOutcome> {
  const wanted = new URL(profile.url).pathname.split('/').filter(Boolean)[0]?.toLowerCase() ?? '';
  const res = await api.get(`${api.base}/me?fields=${encodeURIComponent(ACCOUNT_FIELDS)}`);
  const failed = judgeGraph(res, api, "the token's Facebook Page");
  if (failed) return failed;
  let account: IgAccount | undefined;
  try {
    account = graphJson<{ instagram_business_account?: IgAccount }>(res).instagram_business_account;
  } catch (error) {
    return parseError(api.http, 'Graph API Page response', (error as Error).message);
  }
  if (!account?.id)
    return api.http.blocked(
      "the token's Facebook Page has no Instagram professional account linked: give this profile the token of the Page its account is linked to",
      'no instagram_business_account on /me',
    );
  const username = (account.username ?? '').toLowerCase();
  if (wanted && username !== wanted)
    return api.http.blocked(
      `the token's Page is linked to the Instagram account @${username}, not @${wanted}: give this profile its own token (auth: {env: …})`,
      `instagram_business_account is @${username}`,
    );
  const accountId = account.id;

  const read = await readGraphPosts<IgMedia>(
    api,
    ctx,
    `${api.base}/${encodeURIComponent(accountId)}/media?fields=${encodeURIComponent(MEDIA_FIELDS)}`,
    `the media of @${username}`,
    (m) => {
      const comments = (m.comments?.data ?? []).filter((c) => c?.id).map(comment);
      const base = { id: m.id, createdAt: toIso(m.timestamp), url: m.permalink ?? null };
      return {
        post: { ...base, text: m.caption ?? '', kind: 'original', inReplyToCreatedAt: null },
        thread: { ...base, comments, commentCount: m.comments_count ?? comments.length },
      };
    },
  );
  if ('kind' in read) return read;
  // a comment's author is named by username (from.id is given only to the account's own app)
  const isSelf = (c: GraphComment) => c.authorId === accountId || c.authorName?.toLowerCase() === username;
  const self = `https://www.instagram.com/${username}`;
  const { own, ...listening } = await graphConversation(api, ctx, read.threads, {
    self,
    isSelf,
    authorUrl: (c) =>
      isSelf(c) ? self : c.authorName ? `https://www.instagram.com/${c.authorName}` : `urn:instagram:comment:${c.id}`,
  });
  return {
    kind: 'ok',
    fetch: api.http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'instagram',
      method: 'api',
      facts: {
        displayName: account.name ?? null,
        handle: `@${username}`,
        postsCount: account.media_count ?? null,
        lastPostAt: null,
        followers: account.followers_count ?? null,
      },
      posts: [...read.posts, ...own],
      reachedEnd: read.reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: false,
      sampleNote: `${read.posts.length} posts and ${own.length} comments of the account's own from the Graph API`,
      sourceUrl: `${api.base}/${accountId}/media`,
    },
  };
}
