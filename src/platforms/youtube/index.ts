/** YouTube channels: the channel id, then the channel's public video feed. */
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { definePlatform, yes } from '../define.js';
import { YOUTUBE_CHANNEL_PATH, YOUTUBE_HOSTS } from './urls.js';

export const definition = definePlatform({
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request it at takeout.google.com, signed in as the channel (a brand account: switch to the channel first): only "YouTube and YouTube Music", with videos (video metadata) and comments in CSV. Hand over the .zip (or the unpacked folder).',
  },
  id: 'youtube',
  name: 'YouTube',
  example: 'https://www.youtube.com/@northwind',
  urls: ['https://www.youtube.com/@handle', '/channel/UC…', '/c/NAME', '/user/NAME'],
  hosts: YOUTUBE_HOSTS,
  detect: (url) => YOUTUBE_HOSTS.test(url.hostname) && YOUTUBE_CHANNEL_PATH.test(url.pathname),
  reads: [
    {
      method: 'html',
      what: 'the channel id from the URL or the channel page (`externalId`, `itemprop=channelId`, the RSS link)',
    },
    { method: 'feed', what: '`/feeds/videos.xml?channel_id=`: the ~15 newest videos' },
    {
      method: 'export',
      what: "the owner's Google Takeout (`archive:`, zipped or unpacked): every public video in `videos.csv` and the channel's own comments in `comments.csv`",
    },
  ],
  endpoint: { kind: 'setting', setting: 'youtube', default: 'https://www.youtube.com' },
  capabilities: {
    staleness: yes('the ~15 newest videos (the sample says so); with the Data API, every upload'),
    conversation: yes(
      "with the Data API (`auth:`) or the owner's Takeout: the channel's replies to comments; the public feed shows videos only",
    ),
    promo: yes('video titles and descriptions'),
    canned: yes("with the Data API or the owner's Takeout: the channel's replies; not from the public feed"),
    responseTime: yes(
      'with the Data API: the time of the comment each reply answers; neither the feed nor the Takeout dates it',
    ),
  },

  api: {
    service: 'YouTube Data API v3',
    credential:
      'an API key (Google Cloud console → APIs & Services → Credentials, with the YouTube Data API v3 enabled)',
    exampleEnv: 'YOUTUBE_API_KEY',
    setting: 'youtubeApi',
    default: 'https://www.googleapis.com/youtube/v3',
    what: "the channel, every upload (the uploads playlist, paged past the feed's 15), and the comment threads of its videos in the window with the channel's own replies",
    cost: '1 quota unit per call (channels, playlistItems, videos, commentThreads, comments); a project has 10,000 units a day',
    unit: 'quota unit',
    header: 'x-goog-api-key',
    prefix: '',
    reader: async () => (await import('./api.js')).readYouTubeApi,
  },
  discovery,
  canonical,
  adapter: async () => (await import('./adapter.js')).youtube,
});
