/**
 * YouTube channels: @handle, /channel/UC…, /c/NAME and /user/NAME URLs. The channel id comes from the URL
 * or the channel page; the channel's Atom feed (`/feeds/videos.xml?channel_id=`) gives the newest ~15
 * uploads with their dates. Comments are not read, so replies are not visible. Endpoints come from
 * `endpoints.youtube`.
 */
import { decodeText } from '../../http/decode.js';
import type { FetchOutcome, ProfileSpec } from '../../model/index.js';
import { FeedParseError, parseFeed } from '../feed/parse.js';
import { feedTimeline } from '../feed/timeline.js';
import { judgeStatus, parseError, trackedFetch } from '../kit/outcomes.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { YOUTUBE_CHANNEL_PATH } from './urls.js';
import { channelIdFromUrl, channelPageProblem, extractChannelId } from './channel-page.js';

async function readYouTube(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const url = new URL(profile.url);
  const base = ctx.endpoints.youtube.replace(/\/+$/, '');
  const path = YOUTUBE_CHANNEL_PATH.exec(url.pathname)?.[0].replace(/\/$/, '');
  if (!path)
    return http.fail('error', 'not a YouTube channel URL (expected /@handle, /channel/UC…, /c/NAME or /user/NAME)');
  let channelId = channelIdFromUrl(url);
  if (!channelId) {
    const page = await http.get(`${base}${path}`, { accept: 'text/html', kind: 'page' });
    const text = decodeText(page.body, page.headers['content-type']);
    const problem = channelPageProblem(text, page.finalUrl);
    if (problem?.kind === 'blocked') return http.blocked(problem.reason, problem.evidence);
    const failed = judgeStatus(page, http, 'YouTube channel');
    if (failed) return failed;
    channelId = extractChannelId(text);
    if (!channelId && problem) return http.fail('unreachable', problem.reason);
    if (!channelId)
      return parseError(
        http,
        'YouTube channel page',
        'no channel id (externalId, channelId meta or RSS link) on the page',
      );
  }
  const res = await http.get(`${base}/feeds/videos.xml?channel_id=${channelId}`, {
    accept: 'application/atom+xml, application/xml;q=0.9',
  });
  const failed = judgeStatus(res, http, `YouTube channel ${channelId}`);
  if (failed) return failed;
  try {
    const text = decodeText(res.body, res.headers['content-type']);
    const feed = ctx.parseFeed ? await ctx.parseFeed(text) : parseFeed(text);
    const timeline = feedTimeline(feed, res.finalUrl, 'youtube');
    timeline.facts.handle = path.startsWith('/@') ? path.slice(1) : null;
    timeline.repliesHiddenReason = 'the channel feed lists uploads only; comments and replies are not read';
    timeline.sampleNote = `YouTube's channel feed holds only the newest ~15 videos (${feed.items.length} here)`;
    timeline.listeningOff =
      "YouTube's comments are not in the public feed: an API key for the channel (a YouTube Data API key from the Google Cloud console) lets the audit read them";
    return { kind: 'ok', fetch: http.fetchInfo(), timeline };
  } catch (error) {
    if (error instanceof FeedParseError) return parseError(http, 'YouTube channel feed', error.message);
    throw error;
  }
}

export const youtube: PlatformAdapter = {
  id: 'youtube',
  fetch: trackedFetch(readYouTube),
};
