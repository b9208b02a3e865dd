/**
 * Lemmy communities, on any server, through the server's public JSON API (no login). Only the exact
 * community shape is recognised (`/c/NAME`, `/c/NAME@host`), and after every platform known by its
 * host, so YouTube's `/c/…` stays YouTube's; `platform: lemmy` reads one explicitly.
 */
import { definePlatform, no, yes } from '../define.js';
import { communityFromUrl } from './urls.js';

const NO_COMMENTS =
  "a community's posts are everyone's; what its moderators answer lives in per-post comment threads, which are not read";

export const definition = definePlatform({
  id: 'lemmy',
  name: 'Lemmy',
  example: 'https://lemmy.example/c/northwind',
  urls: ['https://HOST/c/NAME (a community, any server)', 'https://HOST/c/NAME@other.host (a remote community)'],
  detect: (url) => communityFromUrl(url) !== null,
  reads: [
    {
      method: 'api',
      what: '`/api/v3/community?name=NAME`, then `/api/v3/post/list?community_name=NAME&sort=New&limit=50` paged by `page`',
    },
  ],
  endpoint: { kind: 'profile-origin' },
  capabilities: {
    staleness: yes('dated posts from the API (`published`)'),
    conversation: no(NO_COMMENTS),
    promo: yes('post titles, bodies and the links they share'),
    canned: no('comment threads are not read'),
    responseTime: no('comment threads are not read'),
  },
  adapter: async () => (await import('./adapter.js')).lemmy,
});

export { NO_COMMENTS };
