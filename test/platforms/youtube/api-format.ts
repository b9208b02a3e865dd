/**
 * The YouTube Data API v3 in its documented response formats, for tests and the demo (issue 18). Written from the
 * API's reference pages and the recorded responses public clients keep as fixtures (docs/owner-apis.md,
 * "Where these formats come from"): channelListResponse, playlistItemListResponse, videoListResponse,
 * commentThreadListResponse, commentListResponse; errors as {error: {code, message, errors[], status, details[]}}.
 */

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
