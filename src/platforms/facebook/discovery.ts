/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { UNKNOWN_BOTH, esc } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Facebook',
  handle: /^[A-Za-z0-9.]{5,50}$/,
  profileUrl: (h) => `https://www.facebook.com/${h.toLowerCase()}`,
  check: { base: 'https://www.facebook.com', path: (h) => `/${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
  found: {
    status: [200],
    body: (h) => new RegExp(`<meta property="og:url" content="https://www\\.facebook\\.com/${esc(h)}/?"`, 'i'),
    says: 'og:url is the page',
  },
  missing: { status: [404], says: 'Facebook answered 404' },
  samples: { exists: 'facebook', missing: 'channel.audit.nobody7q3', expect: UNKNOWN_BOTH },
};
