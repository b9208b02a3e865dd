/** LinkedIn: a login wall for logged-out readers; measured from the owner's export. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  ...walledPlatform(
    wall,
    ['https://www.linkedin.com/company/NAME'],
    'https://www.linkedin.com/company/northwind',
    'a posts file',
    discovery,
    canonical,
  ),
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      "For a LinkedIn page, a Page admin exports it: the page's admin view → Analytics → Posts → Export (an .xlsx); for a member: Settings & Privacy → Data privacy → Get a copy of your data (Shares and Comments). Hand over the file or the .zip.",
  },
};
