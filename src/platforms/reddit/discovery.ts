/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { quoted } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Reddit (user)',
  handle: /^[A-Za-z0-9_-]{3,20}$/,
  profileUrl: (h) => `https://www.reddit.com/user/${h}`,
  check: { base: 'https://www.reddit.com', path: (h) => `/user/${encodeURIComponent(h)}/about.json`, kind: 'api' },
  found: { status: [200], body: quoted('name'), says: 'about.json returned the account' },
  missing: { status: [404], body: () => /"error"\s*:\s*404/, says: 'about.json answered 404' },
  samples: { exists: 'spez', missing: 'channel_audit_nobody7' },
};
