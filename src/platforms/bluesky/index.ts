/** Bluesky, through the public AppView (settings.endpoints.bluesky). */
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { definePlatform, yes } from '../define.js';
import { BLUESKY_HOSTS, handleFromUrl } from './urls.js';

export const definition = definePlatform({
  download: {
    read: async () => (await import('./download.js')).read,
    request: 'Export it in Bluesky: Settings → Account → Export my data (a .car file); hand over that file.',
  },
  id: 'bluesky',
  name: 'Bluesky',
  example: 'https://bsky.app/profile/northwind.bsky.social',
  aliases: ['bsky'],
  urls: ['https://bsky.app/profile/HANDLE'],
  hosts: BLUESKY_HOSTS,
  detect: (url) => BLUESKY_HOSTS.test(url.hostname) && handleFromUrl(url) !== null,
  reads: [
    {
      method: 'api',
      what: '`app.bsky.actor.getProfile`, then `app.bsky.feed.getAuthorFeed?filter=posts_with_replies` paged by cursor',
    },
    { method: 'export', what: "the owner's repository with `archive:` (a `.car`): the whole history" },
  ],
  endpoint: { kind: 'setting', setting: 'bluesky', default: 'https://public.api.bsky.app' },
  capabilities: {
    staleness: yes('dated posts and reposts from the API'),
    conversation: yes('replies (`record.reply`), self-threads and reposts'),
    promo: yes('the text of its own posts'),
    canned: yes('its replies'),
    responseTime: yes('each reply carries its parent post and its date'),
  },
  discovery,
  canonical,
  adapter: async () => (await import('./adapter.js')).bluesky,
});
