/** X/Twitter: a login wall for logged-out readers; measured from the owner's export, or from the X API with a bearer token. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request the archive in X: More → Settings and privacy → Your account → Download an archive of your data; hand over its .zip (or the unpacked folder).',
  },
  // X's post ids are snowflakes: in a posts file, a reply's parent id dates the post replied to
  snowflakeIds: true,
  aliases: ['twitter'],
  shortName: 'X',
  ...walledPlatform(
    wall,
    ['https://x.com/NAME', 'https://twitter.com/NAME'],
    'https://x.com/northwind',
    "the X archive's `data/tweets.js` or its zip",
    discovery,
    canonical,
  ),
  api: {
    service: 'X API v2',
    credential: "an app's bearer token (developer.x.com → Projects & Apps → Keys and tokens)",
    exampleEnv: 'X_BEARER_TOKEN',
    setting: 'xApi' as const,
    default: 'https://api.x.com/2',
    what: "the account, its posts with what they replied to (paged by pagination_token, at most the newest 3,200), and, where the token's access level includes recent search, the replies to its posts of the last 7 days",
    cost: "1 call per request; X's own limits per 15 minutes (x-rate-limit-remaining, x-rate-limit-reset) and, on pay-per-use access, credits per post read",
    unit: 'call' as const,
    header: 'authorization',
    prefix: 'Bearer ',
    reader: async () => (await import('./api.js')).readXApi,
  },
};
