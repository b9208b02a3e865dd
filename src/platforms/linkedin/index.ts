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
      'For a page: Analytics → Posts → Export (the .xlsx); for a member: Settings & Privacy → Data privacy → Get a copy of your data (Shares and Comments); give the file or the .zip as `archive:`.',
  },
};
