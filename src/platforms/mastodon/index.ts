/** Mastodon and other Mastodon-API servers, on any origin. */
import { discovery } from './discovery.js';
import { definePlatform, yes } from '../define.js';
import { acctFromUrl, NOT_MASTODON } from './urls.js';

export const definition = definePlatform({
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request it on the Mastodon server: Preferences → Import and export → Data export → Request your archive (once every 7 days). Unpack the .tar.gz it sends and hand over the folder (or its outbox.json).',
  },
  id: 'mastodon',
  name: 'Mastodon',
  example: 'https://mastodon.social/@northwind',
  urls: ['https://HOST/@name (any server)'],
  detect: (url) => !NOT_MASTODON.test(url.hostname) && acctFromUrl(url) !== null && url.pathname.startsWith('/@'),
  reads: [
    {
      method: 'api',
      what: '`/api/v1/accounts/lookup`, then `/api/v1/accounts/:id/statuses?limit=40` paged by the `Link` header',
    },
    { method: 'export', what: "the owner's account archive with `archive:` (`outbox.json`): the whole history" },
  ],
  endpoint: { kind: 'profile-origin' },
  capabilities: {
    staleness: yes("dated statuses, and the account's own `last_status_at`"),
    conversation: yes('replies (`in_reply_to_account_id`), self-threads and boosts'),
    promo: yes('the text of its own statuses'),
    canned: yes('its replies'),
    responseTime: yes("the parent's snowflake id dates the post replied to"),
  },
  discovery,
  adapter: async () => (await import('./adapter.js')).mastodon,
});
