/**
 * A local YouTube Data API v3 in its documented response format (api-format.ts), for the owner-API tests
 * (test/helpers/owner-apis.ts starts it): a channel of 60 uploads (2 pages) with comments on two videos, and the
 * API's errors (a spent quota, a refused key, an unknown handle, a redirect to another origin).
 */
import {
  type YtThreadSpec,
  type YtVideo,
  ytChannels,
  ytCommentThreads,
  ytComments,
  ytError,
  ytNoChannel,
  ytPlaylistItems,
  ytVideoStatistics,
} from './api-format.js';
import { channelPage, videosFeed } from './format.js';
import type { ApiAnswer, ApiServer } from '../../helpers/api-server.js';
import { CHANNEL, day, later } from '../../helpers/owner-api-values.js';

// ---------- the YouTube channel: 60 uploads (2 pages), comments on two videos ----------
const videos: YtVideo[] = Array.from({ length: 60 }, (_, i) => ({
  id: `vid${String(i).padStart(8, '0')}`,
  title: `Trail test ${i}`,
  description: `Video ${i} of the channel.`,
  published: day(i * 3),
  private: i === 7,
}));
const brand = { channelId: CHANNEL, name: '@northwind' };
const person = (n: string) => ({ channelId: `UC${n.padEnd(22, 'x')}`, name: `@${n}` });
const threads: Record<string, YtThreadSpec[]> = {
  vid00000000: [
    {
      top: { id: 'Ugw1', author: person('ann'), text: 'Where can I buy this jacket?', published: day(0, 13) },
      replies: [
        { id: 'Ugw1.r1', author: brand, text: 'Hi Ann, in every store and online.', published: later(day(0, 13), 90) },
      ],
    },
    { top: { id: 'Ugw2', author: person('bob'), text: 'Great video', published: day(0, 14) }, replies: [] },
    {
      top: { id: 'Ugw3', author: person('cat'), text: 'Is the zip waterproof?', published: day(0, 15) },
      replies: [
        ...['dan', 'eve', 'fay', 'gus', 'hal'].map((n, i) => ({
          id: `Ugw3.r${i}`,
          author: person(n),
          text: `Same question from ${n}`,
          published: later(day(0, 15), 10 + i),
        })),
        { id: 'Ugw3.r9', author: brand, text: 'Yes, it is taped and waterproof.', published: later(day(0, 15), 240) },
      ],
      shown: 5,
    },
  ],
  vid00000001: [
    { top: { id: 'Ugx1', author: person('ivy'), text: 'Does it ship to Canada?', published: day(3, 13) }, replies: [] },
  ],
};

export function youtube(url: URL, elsewhere: ApiServer): ApiAnswer | undefined {
  const q = url.searchParams;
  if (q.get('forHandle') === '@gone') return { body: ytNoChannel() };
  if (q.get('forHandle') === '@quota')
    return {
      status: 403,
      body: ytError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      ),
    };
  if (q.get('forHandle') === '@badkey')
    return {
      status: 400,
      body: ytError(400, 'API_KEY_INVALID', 'API key not valid. Please pass a valid API key.', 'global'),
    };
  // a server that would page forever: empty pages, each with a next token
  if (q.get('forHandle') === '@forever')
    return {
      body: ytChannels({
        id: 'UCforeverforeverforever1',
        title: 'Forever',
        handle: '@forever',
        published: '2015-03-01T10:00:00Z',
        subscribers: 1,
        videos: 9,
      }),
    };
  if (q.get('playlistId') === 'UUforeverforeverforever1')
    return {
      body: ytPlaylistItems('UCforeverforeverforever1', q.get('pageToken') ? [] : videos.slice(0, 2), 'again', 9),
    };
  if (q.get('forHandle') === '@moved')
    return { status: 302, body: '', headers: { location: `${elsewhere.url}/channels?x=1` } };
  if (url.pathname === '/channels')
    return {
      body: ytChannels({
        id: CHANNEL,
        title: 'Northwind',
        handle: '@northwind',
        published: '2015-03-01T10:00:00Z',
        subscribers: 4200,
        videos: 60,
      }),
    };
  if (url.pathname === '/playlistItems') {
    const second = q.get('pageToken') === 'CDIQAA';
    return {
      body: ytPlaylistItems(CHANNEL, second ? videos.slice(50) : videos.slice(0, 50), second ? null : 'CDIQAA', 60),
    };
  }
  if (url.pathname === '/videos') {
    const ids = (q.get('id') ?? '').split(',');
    return {
      body: ytVideoStatistics(
        ids.map((id) => ({ id, comments: (threads[id] ?? []).reduce((n, t) => n + 1 + t.replies.length, 0) })),
      ),
    };
  }
  if (url.pathname === '/commentThreads')
    return { body: ytCommentThreads(CHANNEL, q.get('videoId')!, threads[q.get('videoId')!] ?? []) };
  if (url.pathname === '/comments') {
    const parent = q.get('parentId')!;
    const t = Object.values(threads)
      .flat()
      .find((x) => x.top.id === parent)!;
    return { body: ytComments('vid00000000', parent, t.replies) };
  }
  // the public channel page and feed, for the fallback
  if (url.pathname === '/@northwind')
    return { type: 'text/html', body: channelPage('@northwind', CHANNEL, 'Northwind') };
  if (url.pathname === '/feeds/videos.xml')
    return { type: 'application/atom+xml', body: videosFeed(CHANNEL, 'Northwind', videos) };
  return undefined;
}
