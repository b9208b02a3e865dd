/** TikTok: a login wall for logged-out readers; measured from the owner's export. */
import { walledPlatform } from '../walled/define.js';
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { wall } from './wall.js';

export const definition = {
  ...walledPlatform(
    wall,
    ['https://www.tiktok.com/@name'],
    'https://www.tiktok.com/@northwind',
    'a posts file',
    discovery,
    canonical,
  ),
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      'Request it in TikTok: Settings and privacy → Account → Download your data, with File format: JSON (not TXT). Hand over user_data_tiktok.json or its .zip.',
  },
};
