/** Facebook: a login wall for logged-out readers; measured from the owner's export, or from the Graph API with a Page token. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request it in Facebook: Settings & privacy → Accounts Centre → Your information and permissions → Download your information, with Format: JSON (not HTML); for a Page, an admin of the Page requests it. Hand over the .zip (or the unpacked folder).',
  },
  ...walledPlatform(
    wall,
    ['https://www.facebook.com/NAME', '/pages/…/ID'],
    'https://www.facebook.com/northwind',
    'a posts file',
    discovery,
    canonical,
  ),
  api: {
    service: 'Meta Graph API',
    credential:
      'a Page access token with pages_read_engagement and pages_read_user_content (Meta for Developers → Graph API Explorer, or a System User of the business)',
    exampleEnv: 'META_PAGE_TOKEN',
    setting: 'graphApi' as const,
    default: 'https://graph.facebook.com/v24.0',
    what: "the Page, its posts paged past any window, and the comments under each post with the Page's own replies",
    cost: "1 call per request, counted against the app's hourly rate limit (x-app-usage) and the Page's Business Use Case limit (x-business-use-case-usage)",
    unit: 'call' as const,
    header: 'authorization',
    prefix: 'Bearer ',
    reader: async () => (await import('./api.js')).readFacebookApi,
  },
};
