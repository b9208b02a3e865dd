/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { DOTTED, UNKNOWN_BOTH, esc } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Instagram',
  handle: DOTTED,
  profileUrl: (h) => `https://www.instagram.com/${h.toLowerCase()}/`,
  check: { base: 'https://www.instagram.com', path: (h) => `/${encodeURIComponent(h.toLowerCase())}/`, kind: 'page' },
  found: {
    status: [200],
    body: (h) => new RegExp(`<meta property="og:title" content="[^"]*\\(@${esc(h)}\\)`, 'i'),
    says: 'og:title names the account',
  },
  missing: { status: [404], says: 'Instagram answered 404' },
  samples: { exists: 'instagram', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
};
