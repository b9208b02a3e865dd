/**
 * A YouTube channel's comments through the Data API: which videos in the window have comments
 * (`videos`, 50 ids a call), and each one's comment threads (`commentThreads`, and `comments` where a
 * thread has more replies than it shows), as listening's threads and the channel's own replies as posts.
 * What the budget or the quota could not pay for is unread, never "no comments" (issue 31).
 */
import type { AudienceThread, Post, ThreadReply } from '../../model/index.js';
import type { HttpResponse } from '../../http/types.js';
import { toIso } from '../../sources/text.js';
import { type ApiSession, BudgetSpentError } from '../kit/api-session.js';
import { ReadingStopped } from '../kit/listen.js';
import type { AdapterContext } from '../types.js';
import {
  errorReasons,
  json,
  type Listed,
  num,
  QUOTA,
  type YtComment,
  type YtThread,
  videoUrl,
  channelUrl,
  youtubeError,
} from './api-shared.js';

/**
 * Comment counts of the videos in the window, 50 ids a call (`videos.list` part=statistics); null when
 * read, else why they could not be (the budget or the quota spent, a refusal): unknown counts are not 0.
 */
export async function countComments(
  videos: Array<{ id: string; createdAt: string | null; replies: number }>,
  ctx: AdapterContext,
  api: ApiSession,
): Promise<string | null> {
  if (ctx.settings.listenBudget <= 0) return null;
  const from = ctx.asOf.getTime() - ctx.settings.windowDays * 86_400_000;
  const inWindow = videos.filter((v) => v.createdAt && Date.parse(v.createdAt) >= from);
  for (let i = 0; i < inWindow.length; i += 50) {
    const batch = inWindow.slice(i, i + 50);
    let res: HttpResponse;
    try {
      res = await api.get(
        `${api.base}/videos?part=statistics&id=${batch.map((v) => encodeURIComponent(v.id)).join(',')}`,
      );
    } catch (error) {
      if (!(error instanceof BudgetSpentError)) throw error;
      api.note(`${error.message}: the read stopped there`);
      return error.message;
    }
    if (res.status !== 200) return `the comment counts were refused (${youtubeError(res).reason})`;
    try {
      const items = json<Listed<{ id: string; statistics?: { commentCount?: string } }>>(res).items ?? [];
      const counts = new Map(items.map((v) => [v.id, num(v.statistics?.commentCount) ?? 0]));
      for (const v of batch) v.replies = counts.get(v.id) ?? 0;
    } catch (error) {
      return `the comment counts could not be read (${(error as Error).message.slice(0, 120)})`;
    }
  }
  return null;
}

/** One video's comment threads: the audience's comments and the replies under them, and the channel's own replies as posts. */
export async function readVideoThreads(
  videoId: string,
  channelId: string,
  api: ApiSession,
): Promise<{ thread: AudienceThread; own: Post[] }> {
  const res = await api.get(
    `${api.base}/commentThreads?part=snippet,replies&maxResults=100&order=time&videoId=${encodeURIComponent(videoId)}`,
    1,
    { retries: 0 },
  );
  if (res.status !== 200) {
    const { reason } = youtubeError(res);
    // the quota spent: no further call would be answered, so the threads left are unread, not failed
    if ([reason, ...errorReasons(res)].some((r) => QUOTA.has(r))) {
      const why = `the YouTube Data API quota is spent (${reason})`;
      api.stop(why);
      throw new ReadingStopped(why);
    }
    throw new Error(`${reason} for the comments of video ${videoId}`);
  }
  const threads = json<Listed<YtThread>>(res).items ?? [];
  const replies: ThreadReply[] = [];
  const own: Post[] = [];
  for (const t of threads) {
    const top = t.snippet?.topLevelComment;
    if (!top?.id) continue;
    const topReply = toReply(top, videoId);
    replies.push(topReply);
    let answers = t.replies?.comments ?? [];
    // commentThreads shows a few replies of each comment; the rest are one comments.list away
    // (a budget that cannot pay for them leaves the thread unread: BudgetSpentError, not half a thread)
    if ((t.snippet?.totalReplyCount ?? 0) > answers.length) {
      const more = await api.get(
        `${api.base}/comments?part=snippet&maxResults=100&parentId=${encodeURIComponent(top.id)}`,
        1,
        { retries: 0 },
      );
      if (more.status === 200) answers = json<Listed<YtComment>>(more).items ?? answers;
    }
    for (const c of answers) replies.push(toReply(c, top.id));
    // the channel's own comments: a reply to someone is conversation; a comment on its own video is a thread
    for (const c of [top, ...answers]) {
      if (c.snippet?.authorChannelId?.value !== channelId) continue;
      const isAnswer = c !== top && top.snippet?.authorChannelId?.value !== channelId;
      own.push({
        id: c.id,
        createdAt: toIso(c.snippet.publishedAt),
        text: c.snippet.textOriginal ?? c.snippet.textDisplay ?? '',
        kind: isAnswer ? 'reply' : 'thread',
        url: `${videoUrl(videoId)}&lc=${encodeURIComponent(c.id)}`,
        inReplyToCreatedAt: isAnswer ? toIso(top.snippet?.publishedAt) : null,
        ...(isAnswer ? { answered: top.snippet?.authorDisplayName ?? top.id, onOwnPost: true } : {}),
      });
    }
  }
  return { thread: { rootId: videoId, rootUrl: videoUrl(videoId), replies }, own };
}

function toReply(c: YtComment, parentId: string): ThreadReply {
  const author = c.snippet?.authorChannelId?.value;
  return {
    id: c.id,
    parentId,
    author: author ? channelUrl(author) : `https://www.youtube.com/comment/${c.id}`,
    createdAt: toIso(c.snippet?.publishedAt),
    text: c.snippet?.textOriginal ?? c.snippet?.textDisplay ?? '',
    url: null,
  };
}
