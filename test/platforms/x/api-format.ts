/**
 * The X API v2 in its documented response formats, for tests and the demo (issue 18; docs/owner-apis.md, "Where
 * these formats come from"): {data, includes, meta: {result_count, next_token}}, problem objects
 * {title, detail, type, status}.
 */

export interface XTweetSpec {
  id: string;
  text: string;
  created: string;
  authorId: string;
  conversationId?: string;
  repliedTo?: { id: string; userId: string };
  retweeted?: string;
  replyCount?: number;
}

export function xTweet(t: XTweetSpec): Record<string, unknown> {
  const refs = [
    ...(t.repliedTo ? [{ type: 'replied_to', id: t.repliedTo.id }] : []),
    ...(t.retweeted ? [{ type: 'retweeted', id: t.retweeted }] : []),
  ];
  return {
    id: t.id,
    text: t.text,
    created_at: t.created,
    author_id: t.authorId,
    conversation_id: t.conversationId ?? t.id,
    edit_history_tweet_ids: [t.id],
    ...(t.repliedTo ? { in_reply_to_user_id: t.repliedTo.userId } : {}),
    ...(refs.length > 0 ? { referenced_tweets: refs } : {}),
    public_metrics: {
      retweet_count: 0,
      reply_count: t.replyCount ?? 0,
      like_count: 3,
      quote_count: 0,
      bookmark_count: 0,
      impression_count: 210,
    },
  };
}

export function xUser(user: {
  id: string;
  username: string;
  name: string;
  created: string;
  followers: number;
  tweets: number;
}): string {
  return JSON.stringify({
    data: {
      id: user.id,
      name: user.name,
      username: user.username,
      created_at: user.created,
      description: `${user.name}, on X.`,
      url: '',
      public_metrics: {
        followers_count: user.followers,
        following_count: 12,
        tweet_count: user.tweets,
        listed_count: 4,
        like_count: 9,
      },
    },
  });
}

export function xPage(
  tweets: XTweetSpec[],
  parents: XTweetSpec[],
  nextToken: string | null,
  users: Array<{ id: string; username: string }> = [],
): string {
  return JSON.stringify({
    data: tweets.map(xTweet),
    ...(parents.length > 0 || users.length > 0
      ? {
          includes: {
            ...(parents.length > 0 ? { tweets: parents.map(xTweet) } : {}),
            ...(users.length > 0
              ? { users: users.map((u) => ({ id: u.id, name: u.username, username: u.username })) }
              : {}),
          },
        }
      : {}),
    meta: {
      result_count: tweets.length,
      ...(tweets.length > 0 ? { newest_id: tweets[0]!.id, oldest_id: tweets.at(-1)!.id } : {}),
      ...(nextToken ? { next_token: nextToken } : {}),
    },
  });
}

export const xNotFound = (username: string) =>
  JSON.stringify({
    errors: [
      {
        value: username,
        detail: `Could not find user with username: [${username}].`,
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'username',
        resource_id: username,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ],
  });

export const xProblem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    title,
    detail,
    type: status === 401 || status === 429 ? 'about:blank' : 'https://api.twitter.com/2/problems/client-forbidden',
    status,
    ...extra,
  });
