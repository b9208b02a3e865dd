/** X/Twitter: a login wall for logged-out readers; measured from the owner's export. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  // X's post ids are snowflakes: in a posts file, a reply's parent id dates the post replied to
  snowflakeIds: true,
  aliases: ['twitter'],
  ...walledPlatform(
    wall,
    ['https://x.com/NAME', 'https://twitter.com/NAME'],
    "the X archive's `data/tweets.js` or its zip",
    discovery,
    canonical,
  ),
};
