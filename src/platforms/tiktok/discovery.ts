/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { UNKNOWN_BOTH, quoted } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'TikTok',
  handle: /^[A-Za-z0-9_.]{2,24}$/,
  profileUrl: (h) => `https://www.tiktok.com/@${h.toLowerCase()}`,
  check: { base: 'https://www.tiktok.com', path: (h) => `/@${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
  found: { status: [200], body: quoted('uniqueId'), says: 'the page data names the account' },
  missing: { status: [404], says: 'TikTok answered 404' },
  samples: { exists: 'tiktok', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
};
