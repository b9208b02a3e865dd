/**
 * Owner APIs in their documented response formats, for tests and the demo (issue 18). Written from the
 * APIs' reference pages and the recorded responses public clients keep as fixtures (docs/owner-apis.md,
 * "Where these formats come from"):
 * - YouTube Data API v3: channelListResponse, playlistItemListResponse, videoListResponse,
 *   commentThreadListResponse, commentListResponse; errors as {error: {code, message, errors[], status, details[]}};
 * - Meta Graph API: objects with field expansion, `{data, paging: {cursors: {before, after}, next}}` lists,
 *   errors as {error: {message, type, code, error_subcode, fbtrace_id}}, the x-app-usage header;
 * - X API v2: {data, includes, meta: {result_count, next_token}}, problem objects {title, detail, type, status}.
 */

// ---------- YouTube Data API v3 ----------

export interface YtVideo {
  id: string;
  title: string;
  description: string;
  published: string;
  /** null: a private upload (it stays in the playlist without a publication date). */
  private?: boolean;
}

export interface YtCommentSpec {
  id: string;
  author: { channelId: string; name: string };
  text: string;
  published: string;
}

export interface YtThreadSpec {
  top: YtCommentSpec;
  replies: YtCommentSpec[];
  /** How many replies commentThreads shows (the API shows a few; default all). */
  shown?: number;
}

const etag = (s: string) => Buffer.from(s).toString('base64url').slice(0, 27);

export function ytChannels(channel: {
  id: string;
  title: string;
  handle: string;
  published: string;
  subscribers: number;
  videos: number;
}): string {
  return JSON.stringify({
    kind: 'youtube#channelListResponse',
    etag: etag(`channels${channel.id}`),
    pageInfo: { totalResults: 1, resultsPerPage: 5 },
    items: [
      {
        kind: 'youtube#channel',
        etag: etag(`channel${channel.id}`),
        id: channel.id,
        snippet: {
          title: channel.title,
          description: `${channel.title} on YouTube.`,
          customUrl: channel.handle.toLowerCase(),
          publishedAt: channel.published,
          thumbnails: { default: { url: 'https://yt3.ggpht.com/x=s88', width: 88, height: 88 } },
          localized: { title: channel.title, description: `${channel.title} on YouTube.` },
        },
        contentDetails: { relatedPlaylists: { likes: '', uploads: `UU${channel.id.slice(2)}` } },
        statistics: {
          viewCount: '120345',
          subscriberCount: String(channel.subscribers),
          hiddenSubscriberCount: false,
          videoCount: String(channel.videos),
        },
      },
    ],
  });
}

export const ytNoChannel = () =>
  JSON.stringify({
    kind: 'youtube#channelListResponse',
    etag: etag('none'),
    pageInfo: { totalResults: 0, resultsPerPage: 5 },
  });

export function ytPlaylistItems(
  channelId: string,
  videos: YtVideo[],
  nextPageToken: string | null,
  total: number,
): string {
  const playlistId = `UU${channelId.slice(2)}`;
  return JSON.stringify({
    kind: 'youtube#playlistItemListResponse',
    etag: etag(`pl${playlistId}${nextPageToken}`),
    ...(nextPageToken ? { nextPageToken } : {}),
    items: videos.map((v, i) => ({
      kind: 'youtube#playlistItem',
      etag: etag(`pli${v.id}`),
      id: etag(`${playlistId}${v.id}`),
      snippet: {
        publishedAt: v.published,
        channelId,
        title: v.private ? 'Private video' : v.title,
        description: v.private ? 'This video is private.' : v.description,
        channelTitle: 'Channel',
        playlistId,
        position: i,
        resourceId: { kind: 'youtube#video', videoId: v.id },
        ...(v.private ? {} : { videoOwnerChannelTitle: 'Channel', videoOwnerChannelId: channelId }),
      },
      contentDetails: { videoId: v.id, ...(v.private ? {} : { videoPublishedAt: v.published }) },
    })),
    pageInfo: { totalResults: total, resultsPerPage: 50 },
  });
}

export function ytVideoStatistics(counts: Array<{ id: string; comments: number }>): string {
  return JSON.stringify({
    kind: 'youtube#videoListResponse',
    etag: etag(`videos${counts.map((c) => c.id).join()}`),
    items: counts.map((c) => ({
      kind: 'youtube#video',
      etag: etag(`v${c.id}`),
      id: c.id,
      statistics: { viewCount: '1520', likeCount: '48', favoriteCount: '0', commentCount: String(c.comments) },
    })),
    pageInfo: { totalResults: counts.length, resultsPerPage: counts.length },
  });
}

function ytComment(videoId: string, c: YtCommentSpec, parentId?: string) {
  return {
    kind: 'youtube#comment',
    etag: etag(`c${c.id}`),
    id: c.id,
    snippet: {
      channelId: 'UC-owner',
      videoId,
      textDisplay: c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      textOriginal: c.text,
      ...(parentId ? { parentId } : {}),
      authorDisplayName: c.author.name,
      authorProfileImageUrl: 'https://yt3.ggpht.com/ytc/x=s48-c-k-c0x00ffffff-no-rj',
      authorChannelUrl: `http://www.youtube.com/${c.author.name}`,
      authorChannelId: { value: c.author.channelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: 0,
      publishedAt: c.published,
      updatedAt: c.published,
    },
  };
}

export function ytCommentThreads(channelId: string, videoId: string, threads: YtThreadSpec[]): string {
  return JSON.stringify({
    kind: 'youtube#commentThreadListResponse',
    etag: etag(`ct${videoId}`),
    pageInfo: { totalResults: threads.length, resultsPerPage: 100 },
    items: threads.map((t) => ({
      kind: 'youtube#commentThread',
      etag: etag(`t${t.top.id}`),
      id: t.top.id,
      snippet: {
        channelId,
        videoId,
        topLevelComment: ytComment(videoId, t.top),
        canReply: true,
        totalReplyCount: t.replies.length,
        isPublic: true,
      },
      ...(t.replies.length > 0
        ? {
            replies: {
              comments: t.replies.slice(0, t.shown ?? t.replies.length).map((r) => ytComment(videoId, r, t.top.id)),
            },
          }
        : {}),
    })),
  });
}

export function ytComments(videoId: string, parentId: string, replies: YtCommentSpec[]): string {
  return JSON.stringify({
    kind: 'youtube#commentListResponse',
    etag: etag(`cl${parentId}`),
    pageInfo: { totalResults: replies.length, resultsPerPage: 100 },
    items: replies.map((r) => ytComment(videoId, r, parentId)),
  });
}

export function ytError(code: number, reason: string, message: string, domain = 'youtube.quota'): string {
  return JSON.stringify({
    error: {
      code,
      message,
      errors: [{ message, domain, reason }],
      ...(reason === 'API_KEY_INVALID'
        ? {
            status: 'INVALID_ARGUMENT',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }],
          }
        : {}),
    },
  });
}

// ---------- Meta Graph API ----------

export interface GraphCommentSpec {
  id: string;
  from: { id: string; name: string };
  text: string;
  created: string;
  replies?: GraphCommentSpec[];
}

export interface GraphPostSpec {
  id: string;
  text: string;
  created: string;
  comments: GraphCommentSpec[];
}

/** Meta's time format: 2026-10-28T09:15:00+0000. */
export const graphTime = (iso: string) => iso.replace(/\.\d{3}Z$|Z$/, '+0000');

const cursor = (s: string) => Buffer.from(s).toString('base64url');

export function graphList<T>(data: T[], after: string | null, nextUrl: string | null): string {
  return JSON.stringify({
    data,
    paging: {
      cursors: {
        before: cursor(`before:${JSON.stringify(data[0] ?? '').slice(0, 24)}`),
        after: after ?? cursor('end'),
      },
      ...(after && nextUrl ? { next: nextUrl } : {}),
    },
  });
}

function fbComment(c: GraphCommentSpec): Record<string, unknown> {
  return {
    id: c.id,
    message: c.text,
    created_time: graphTime(c.created),
    from: { id: c.from.id, name: c.from.name },
    ...(c.replies && c.replies.length > 0
      ? {
          comments: {
            data: c.replies.map(fbComment),
            paging: { cursors: { before: cursor('b'), after: cursor('a') } },
          },
        }
      : {}),
  };
}

export function fbPosts(posts: GraphPostSpec[], after: string | null, nextUrl: string | null): string {
  return graphList(
    posts.map((p) => ({
      id: p.id,
      message: p.text,
      created_time: graphTime(p.created),
      permalink_url: `https://www.facebook.com/${p.id.replace('_', '/posts/')}`,
      comments: {
        data: p.comments.map(fbComment),
        paging: { cursors: { before: cursor('b'), after: cursor('a') } },
        summary: { order: 'ranked', total_count: p.comments.length, can_comment: true },
      },
    })),
    after,
    nextUrl,
  );
}

function igComment(c: GraphCommentSpec): Record<string, unknown> {
  return {
    id: c.id,
    text: c.text,
    timestamp: graphTime(c.created),
    username: c.from.name,
    from: { id: c.from.id, username: c.from.name },
    ...(c.replies && c.replies.length > 0 ? { replies: { data: c.replies.map(igComment) } } : {}),
  };
}

export function igMedia(posts: GraphPostSpec[], after: string | null, nextUrl: string | null): string {
  return graphList(
    posts.map((p) => ({
      id: p.id,
      caption: p.text,
      timestamp: graphTime(p.created),
      permalink: `https://www.instagram.com/p/${cursor(p.id).slice(0, 11)}/`,
      media_type: 'IMAGE',
      comments_count: p.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0),
      ...(p.comments.length > 0
        ? {
            comments: {
              data: p.comments.map(igComment),
              paging: { cursors: { before: cursor('b'), after: cursor('a') } },
            },
          }
        : {}),
    })),
    after,
    nextUrl,
  );
}

export function graphMe(
  page: { id: string; name: string },
  ig: { id: string; username: string; name: string; followers: number; media: number } | null,
): string {
  return JSON.stringify({
    id: page.id,
    name: page.name,
    ...(ig
      ? {
          instagram_business_account: {
            id: ig.id,
            username: ig.username,
            name: ig.name,
            followers_count: ig.followers,
            media_count: ig.media,
          },
        }
      : {}),
  });
}

export function graphError(code: number, message: string, subcode?: number, type = 'OAuthException'): string {
  return JSON.stringify({
    error: {
      message,
      type,
      code,
      ...(subcode !== undefined ? { error_subcode: subcode } : {}),
      fbtrace_id: 'A1b2C3d4E5f',
    },
  });
}

// ---------- X API v2 ----------

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
