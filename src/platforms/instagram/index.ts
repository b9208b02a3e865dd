/** Instagram: a login wall for logged-out readers; measured from the owner's export, or from the Graph API with a Page token. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request it in Instagram: Accounts Centre → Your information and permissions → Download your information, with Format: JSON (not HTML). Hand over the .zip (or the unpacked folder).',
  },
  ...walledPlatform(
    wall,
    ['https://www.instagram.com/NAME'],
    'https://www.instagram.com/northwind',
    'a posts file',
    discovery,
    canonical,
  ),
  api: {
    service: 'Meta Graph API',
    credential:
      'the access token of the Facebook Page the Instagram professional account is linked to, with instagram_basic and instagram_manage_comments',
    exampleEnv: 'META_PAGE_TOKEN',
    setting: 'graphApi' as const,
    default: 'https://graph.facebook.com/v24.0',
    what: "the professional account linked to the token's Page, its media paged past any window, and the comments under each with the account's own replies",
    cost: "1 call per request, counted against the app's hourly rate limit (x-app-usage) and the Page's Business Use Case limit (x-business-use-case-usage)",
    unit: 'call' as const,
    header: 'authorization',
    prefix: 'Bearer ',
    reader: async () => (await import('./api.js')).readInstagramApi,
  },
};
