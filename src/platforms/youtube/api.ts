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
 * Errors are the API's own: `quotaExceeded` is `blocked` (could not tell), a refused key is
 * credential-refused (the public source read instead, api-fetch.ts), a channel
 * the API does not know is `unreachable`.
 */
import type { FetchOutcome, Post, ProfileSpec, Timeline } from '../../model/index.js';
import { pagingDone, tryDecodeURIComponent } from '../../model/index.js';
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import { toIso } from '../../sources/text.js';
import type { ApiSession } from '../kit/api-session.js';
import { listen } from '../kit/listen.js';
import { judgeStatus, parseError } from '../kit/outcomes.js';
import type { AdapterContext } from '../types.js';
import { YOUTUBE_CHANNEL_PATH } from './urls.js';
import { channelUrl, errorReasons, json, type Listed, num, QUOTA, videoUrl, youtubeError } from './api-shared.js';
import { channelIdFromUrl, channelPageProblem, extractChannelId } from './channel-page.js';
import { countComments, readVideoThreads } from './comments.js';

interface YtChannel {
  id: string;
  snippet?: { title?: string; customUrl?: string; publishedAt?: string; description?: string };
  statistics?: { subscriberCount?: string; hiddenSubscriberCount?: boolean; videoCount?: string };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
}

interface YtPlaylistItem {
  snippet?: { title?: string; description?: string; publishedAt?: string; resourceId?: { videoId?: string } };
  contentDetails?: { videoId?: string; videoPublishedAt?: string };
  status?: { privacyStatus?: string };
}

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

/** A failed API response judged: quota → blocked, refused key → CredentialRefusedError, unknown resource → unreachable, else error. */
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
    api.refused(`HTTP ${res.status} ${said}`);
  if (res.status === 404) return api.http.fail('unreachable', `${what} not found by the YouTube Data API (${said})`);
  return judgeStatus(res, api.http, what) ?? api.http.fail('error', `unexpected HTTP ${res.status} (${said})`);
}

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
    ctx.budget?.read(posts.length);
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
        // a loop, not push(...): a video's comment threads may hold more items than the call stack takes arguments
        for (const post of thread.own) own.push(post);
        return thread.thread;
      });
  // the channel's replies are in the threads: with none of them read, or some left unread by the budget or
  // the quota, how many it wrote is unknown — not 0, and not the share the threads read happened to hold
  const heard = listening.listening;
  const unreadThreads =
    heard && heard.threads.length === 0 && heard.withReplies > 0
      ? `none was read: ${heard.unread?.reason ?? `every thread failed (${heard.failed?.reason ?? 'no reason given'})`}`
      : heard?.unread
        ? `${heard.unread.count} of ${heard.withReplies} were not read: ${heard.unread.reason}`
        : null;
  const repliesHidden =
    heard === undefined
      ? `the channel's replies are read from its videos' comment threads, and ${listening.listeningOff ?? 'listening is off'}`
      : unreadThreads
        ? `the channel's replies are read from its videos' comment threads, and ${unreadThreads}`
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
        // the links of the channel's header are not in the Data API: only a link written in the description
        bioLink: firstWebLink(facts.description),
        bio: bioText(facts.description ?? ''),
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
