/**
 * YouTube through the Data API v3, with the owner's (or any) API key (`auth: {env: YOUTUBE_API_KEY}`):
 *   GET channels?part=snippet,statistics,contentDetails&forHandle=@NAME | id=UC… | forUsername=NAME
 *   GET playlistItems?part=snippet,contentDetails&playlistId=<uploads>&maxResults=50, paged by pageToken
 *       past the public feed's 15 videos, until the sample is covered (model/sample.ts)
 *   GET videos?part=statistics&id=… (up to 50 ids): which videos in the window have comments
 *   GET commentThreads?part=snippet,replies&videoId=…&maxResults=100&order=time, per video (listening)
 *   GET comments?part=snippet&parentId=… where a thread has more replies than commentThreads shows
 * Every call costs 1 quota unit (the API's documented cost of a list call). The channel's own replies
 * under its videos are its conversation, canned and response-time posts; the threads are listening.
 * Errors are the API's own: `quotaExceeded` and a refused key are `blocked` (could not tell), a channel
 * the API does not know is `unreachable`.
 */
import type { AudienceThread, FetchOutcome, Post, ProfileSpec, ThreadReply, Timeline } from '../../model/index.js';
import { pagingDone, tryDecodeURIComponent } from '../../model/index.js';
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import { toIso } from '../../sources/text.js';
import { type ApiSession, BudgetSpentError } from '../api-session.js';
import { listen, ReadingStopped } from '../listen.js';
import { judgeStatus, parseError } from '../outcomes.js';
import type { AdapterContext } from '../types.js';
import { YOUTUBE_CHANNEL_PATH } from '../url-rules.js';
import { channelIdFromUrl, channelPageProblem, extractChannelId } from './channel-page.js';

interface YtError {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: Array<{ reason?: string; message?: string; domain?: string }>;
    details?: Array<{ reason?: string }>;
  };
}

interface YtChannel {
  id: string;
  snippet?: { title?: string; customUrl?: string; publishedAt?: string };
  statistics?: { subscriberCount?: string; hiddenSubscriberCount?: boolean; videoCount?: string };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
}

interface YtPlaylistItem {
  snippet?: { title?: string; description?: string; publishedAt?: string; resourceId?: { videoId?: string } };
  contentDetails?: { videoId?: string; videoPublishedAt?: string };
  status?: { privacyStatus?: string };
}

interface YtComment {
  id: string;
  snippet?: {
    textOriginal?: string;
    textDisplay?: string;
    authorDisplayName?: string;
    authorChannelId?: { value?: string };
    parentId?: string;
    publishedAt?: string;
  };
}

interface YtThread {
  id: string;
  snippet?: { videoId?: string; topLevelComment?: YtComment; totalReplyCount?: number };
  replies?: { comments?: YtComment[] };
}

interface Listed<T> {
  items?: T[];
  nextPageToken?: string;
}

const QUOTA = new Set(['quotaExceeded', 'dailyLimitExceeded', 'rateLimitExceeded', 'userRateLimitExceeded']);
const KEY_REFUSED = new Set([
  'keyInvalid',
  'API_KEY_INVALID',
  'keyExpired',
  'API_KEY_EXPIRED',
  'accessNotConfigured',
  'SERVICE_DISABLED',
  'ipRefererBlocked',
  'API_KEY_HTTP_REFERRER_BLOCKED',
  'API_KEY_IP_ADDRESS_BLOCKED',
  'API_KEY_SERVICE_BLOCKED',
  'forbidden',
]);

/** The API's error, in its own words: the first reason and the message without markup. */
export function youtubeError(res: HttpResponse): { reason: string; message: string } {
  let body: YtError = {};
  try {
    body = JSON.parse(decodeText(res.body, res.headers['content-type'])) as YtError;
  } catch {
    // not JSON: the status alone
  }
  const e = body?.error;
  const reason =
    e?.details?.find((d) => typeof d?.reason === 'string')?.reason ??
    e?.errors?.find((x) => typeof x?.reason === 'string')?.reason ??
    e?.status ??
    `HTTP ${res.status}`;
  const message = String(e?.message ?? '')
    .replace(/<[^>]*>/g, '')
    .slice(0, 200);
  return { reason, message };
}

/** A failed API response judged: quota or refused key → blocked, unknown resource → unreachable, else error. */
function judgeApi(res: HttpResponse, api: ApiSession, what: string): FetchOutcome | null {
  if (res.status >= 200 && res.status < 300) return null;
  const { reason, message } = youtubeError(res);
  const said = `${reason}${message ? `: ${message}` : ''}`;
  const reasons = new Set([reason, ...errorReasons(res)]);
  if ([...reasons].some((r) => QUOTA.has(r)))
    return api.http.blocked(
      `the YouTube Data API quota is spent (${said}): could not tell`,
      `HTTP ${res.status} ${reason}`,
    );
  if ([...reasons].some((r) => KEY_REFUSED.has(r)) || res.status === 401 || res.status === 403)
    return api.http.blocked(`the API key was refused (${said})`, `HTTP ${res.status} ${reason}`);
  if (res.status === 404) return api.http.fail('unreachable', `${what} not found by the YouTube Data API (${said})`);
  return judgeStatus(res, api.http, what) ?? api.http.fail('error', `unexpected HTTP ${res.status} (${said})`);
}

function errorReasons(res: HttpResponse): string[] {
  try {
    const e = (JSON.parse(res.body.toString('utf8')) as YtError).error;
    return [...(e?.errors ?? []), ...(e?.details ?? [])].flatMap((x) =>
      typeof x?.reason === 'string' ? [x.reason] : [],
    );
  } catch {
    return [];
  }
}

const json = <T>(res: HttpResponse): T => JSON.parse(decodeText(res.body, res.headers['content-type'])) as T;
const num = (v: string | undefined): number | null => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
const channelUrl = (id: string) => `https://www.youtube.com/channel/${id}`;
const videoUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;

/** The query that finds the channel: its id from the URL, its @handle, or a legacy /user/ name; /c/ names need the page. */
async function channelQuery(
  profile: ProfileSpec,
  ctx: AdapterContext,
  api: ApiSession,
): Promise<{ query: string; who: string } | FetchOutcome> {
  const url = new URL(profile.url);
  const path = YOUTUBE_CHANNEL_PATH.exec(url.pathname)?.[1];
  if (!path)
    return api.http.fail('error', 'not a YouTube channel URL (expected /@handle, /channel/UC…, /c/NAME or /user/NAME)');
  const id = channelIdFromUrl(url);
  if (id) return { query: `id=${id}`, who: `with the id ${id}` };
  const name = tryDecodeURIComponent(path) ?? path;
  if (path.startsWith('@')) return { query: `forHandle=${encodeURIComponent(name)}`, who: `for ${name}` };
  if (path.startsWith('user/'))
    return { query: `forUsername=${encodeURIComponent(name.slice(5))}`, who: `for the user name ${name.slice(5)}` };
  // a /c/ custom URL has no API lookup: its page names the channel id (a public request, no quota)
  const base = ctx.endpoints.youtube.replace(/\/+$/, '');
  const page = await api.http.get(`${base}/${path}`, { accept: 'text/html', kind: 'page' });
  const text = decodeText(page.body, page.headers['content-type']);
  const problem = channelPageProblem(text, page.finalUrl);
  if (problem?.kind === 'blocked') return api.http.blocked(problem.reason, problem.evidence);
  const failed = judgeStatus(page, api.http, 'YouTube channel');
  if (failed) return failed;
  const found = extractChannelId(text);
  if (!found) return parseError(api.http, 'YouTube channel page', 'no channel id on the page');
  return { query: `id=${found}`, who: `with the id ${found}` };
}

export async function readYouTubeApi(
  profile: ProfileSpec,
  ctx: AdapterContext,
  api: ApiSession,
): Promise<FetchOutcome> {
  const found = await channelQuery(profile, ctx, api);
  if ('kind' in found) return found;
  const res = await api.get(`${api.base}/channels?part=snippet,statistics,contentDetails&${found.query}`);
  const failed = judgeApi(res, api, 'YouTube channel');
  if (failed) return failed;
  let channel: YtChannel | undefined;
  try {
    channel = json<Listed<YtChannel>>(res).items?.[0];
  } catch (error) {
    return parseError(api.http, 'YouTube Data API channels response', (error as Error).message);
  }
  if (!channel?.id) {
    return api.http.fail('unreachable', `the YouTube Data API knows no channel ${found.who}`);
  }
  const uploads = channel.contentDetails?.relatedPlaylists?.uploads;

  // the uploads playlist, newest first, paged until the sample is covered or the budget is spent
  const posts: Post[] = [];
  const videos: Array<{ id: string; createdAt: string | null; replies: number }> = [];
  let hidden = 0;
  let reachedEnd = !uploads;
  let token: string | null = uploads ? '' : null;
  while (token !== null && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    const page = await api.more(
      `${api.base}/playlistItems?part=snippet,contentDetails&maxResults=50&playlistId=${encodeURIComponent(uploads!)}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`,
    );
    if (!page) break;
    if (page.status === 404 && youtubeError(page).reason === 'playlistNotFound' && posts.length === 0) {
      reachedEnd = true; // a channel that never uploaded has no uploads playlist
      break;
    }
    const pageFailed = judgeApi(page, api, 'uploads of the YouTube channel');
    if (pageFailed) return pageFailed;
    let listed: Listed<YtPlaylistItem>;
    try {
      listed = json<Listed<YtPlaylistItem>>(page);
      if (!Array.isArray(listed.items)) throw new Error('no items in the playlistItems response');
    } catch (error) {
      return parseError(api.http, 'YouTube Data API playlistItems response', (error as Error).message);
    }
    for (const item of listed.items) {
      const id = item.contentDetails?.videoId ?? item.snippet?.resourceId?.videoId;
      const published = toIso(item.contentDetails?.videoPublishedAt);
      // a private or deleted upload stays in the playlist without a publication date
      if (!id || !published) {
        hidden++;
        continue;
      }
      const text = [item.snippet?.title, item.snippet?.description].filter(Boolean).join('\n');
      posts.push({ id, createdAt: published, text, kind: 'original', url: videoUrl(id), inReplyToCreatedAt: null });
      videos.push({ id, createdAt: published, replies: 0 });
    }
    token = api.nextPage(listed.nextPageToken, listed.items.length);
    reachedEnd = !listed.nextPageToken;
  }

  const countsUnread = await countComments(videos, ctx, api);
  const self = channelUrl(channel.id);
  const own: Post[] = [];
  // not read is not zero: comment counts the budget could not pay for are not "no comments"
  const listening: Pick<Timeline, 'listening' | 'listeningOff'> = countsUnread
    ? { listeningOff: `${countsUnread}: the comment counts and threads of its videos were not read` }
    : await listen(self, videos, ctx, api.http, async (video) => {
        const thread = await readVideoThreads(video.id, channel.id, api);
        own.push(...thread.own);
        return thread.thread;
      });
  // the channel's replies are in the threads: with none of them read, how many it wrote is unknown, not 0
  const heard = listening.listening;
  const noThread =
    heard && heard.threads.length === 0 && heard.withReplies > 0
      ? (heard.unread?.reason ?? `every thread failed (${heard.failed?.reason ?? 'no reason given'})`)
      : null;
  const repliesHidden =
    heard === undefined
      ? `the channel's replies are read from its videos' comment threads, and ${listening.listeningOff ?? 'listening is off'}`
      : noThread
        ? `the channel's replies are read from its videos' comment threads, and none was read: ${noThread}`
        : null;
  const facts = channel.snippet ?? {};
  const notes = [
    `${posts.length} videos from the uploads playlist${reachedEnd ? ' (all of them)' : ''}`,
    hidden > 0 ? `${hidden} private or deleted ${hidden === 1 ? 'upload' : 'uploads'} left out` : null,
    listening.listening
      ? `the channel's replies come from the comment threads of ${listening.listening.threads.length} of its ${listening.listening.withReplies} videos with comments in the window`
      : null,
    countsUnread ? `the comment counts and threads of its videos were not read: ${countsUnread}` : null,
  ];
  return {
    kind: 'ok',
    fetch: api.http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'youtube',
      method: 'api',
      facts: {
        displayName: facts.title ?? null,
        handle: facts.customUrl ? (facts.customUrl.startsWith('@') ? facts.customUrl : `@${facts.customUrl}`) : null,
        postsCount: num(channel.statistics?.videoCount),
        lastPostAt: null,
        followers: channel.statistics?.hiddenSubscriberCount ? null : num(channel.statistics?.subscriberCount),
        createdAt: toIso(facts.publishedAt),
      },
      posts: [...posts, ...own],
      reachedEnd,
      repliesVisible: repliesHidden === null,
      repliesHiddenReason: repliesHidden,
      repostsVisible: false,
      sampleNote: notes.filter(Boolean).join('; '),
      sourceUrl: `${api.base}/playlistItems?playlistId=${uploads ?? ''}`,
    },
  };
}

/**
 * Comment counts of the videos in the window, 50 ids a call (`videos.list` part=statistics); null when
 * read, else why they could not be (the budget or the quota spent, a refusal): unknown counts are not 0.
 */
async function countComments(
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
async function readVideoThreads(
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
    if ((t.snippet?.totalReplyCount ?? 0) > answers.length) {
      const more = await api.more(
        `${api.base}/comments?part=snippet&maxResults=100&parentId=${encodeURIComponent(top.id)}`,
        1,
        { retries: 0 },
      );
      if (more?.status === 200) answers = json<Listed<YtComment>>(more).items ?? answers;
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
