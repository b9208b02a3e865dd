/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { UNKNOWN_BOTH, esc } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'X/Twitter',
  handle: /^[A-Za-z0-9_]{1,15}$/,
  profileUrl: (h) => `https://x.com/${h}`,
  check: { base: 'https://x.com', path: (h) => `/${encodeURIComponent(h)}`, kind: 'page' },
  // logged out, X serves the same JavaScript shell for every name: only a plain 404 says anything
  found: {
    status: [200],
    body: (h) => new RegExp(`"screen_name"\\s*:\\s*"${esc(h)}"`, 'i'),
    says: 'the page carries the account',
  },
  missing: { status: [404], says: 'X answered 404' },
  samples: { exists: 'X', missing: 'cha_nobody_7q3', expect: UNKNOWN_BOTH },
};
