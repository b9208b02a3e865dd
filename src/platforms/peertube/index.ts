/**
 * PeerTube, on any server: an account (`/a/NAME`) or a video channel (`/c/NAME`) through the server's
 * public REST API. Those paths are common elsewhere, so a bare `/a/NAME` or `/c/NAME` needs
 * `platform: peertube`; the `…/videos` page URLs PeerTube itself shows are recognised alone.
 */
import { definePlatform, no, yes } from '../define.js';

/** `/a/NAME/videos`, `/c/NAME/videos` (what PeerTube's address bar shows), and the older `/accounts/NAME`, `/video-channels/NAME`. */
export const PEERTUBE_PATH =
  /^\/(?:(a|c)\/([^/]+)(?:\/(?:videos|video-channels))?|(accounts|video-channels)\/([^/]+))\/?$/;
const SHOWN_BY_PEERTUBE = /^\/((a|c)\/[^/]+\/(videos|video-channels)|accounts\/[^/]+|video-channels\/[^/]+)\/?$/;

export const definition = definePlatform({
  id: 'peertube',
  name: 'PeerTube',
  example: 'https://videos.example/a/northwind/videos',
  urls: [
    'https://HOST/a/NAME/videos (an account)',
    'https://HOST/c/NAME/videos (a channel)',
    '`/a/NAME` or `/c/NAME` with `platform: peertube`',
  ],
  detect: (url) => SHOWN_BY_PEERTUBE.test(url.pathname),
  reads: [
    {
      method: 'api',
      what: '`/api/v1/accounts/NAME` or `/api/v1/video-channels/NAME`, then its `/videos?sort=-publishedAt` paged by `start` and `count`',
    },
  ],
  endpoint: { kind: 'profile-origin' },
  capabilities: {
    staleness: yes('dated videos from the API (`publishedAt`)'),
    conversation: no('the video list shows videos; replies live in per-video comment threads, which are not read'),
    promo: yes('video titles and descriptions'),
    canned: no('comment threads are not read'),
    responseTime: no('comment threads are not read'),
  },
  adapter: async () => (await import('./adapter.js')).peertube,
});
