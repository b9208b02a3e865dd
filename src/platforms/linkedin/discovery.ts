/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { UNKNOWN_BOTH, esc } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'LinkedIn (company)',
  handle: /^[A-Za-z0-9-]{2,100}$/,
  profileUrl: (h) => `https://www.linkedin.com/company/${h.toLowerCase()}`,
  check: {
    base: 'https://www.linkedin.com',
    path: (h) => `/company/${encodeURIComponent(h.toLowerCase())}`,
    kind: 'page',
  },
  found: {
    status: [200],
    body: (h) => new RegExp(`<link rel="canonical" href="https://[a-z]+\\.linkedin\\.com/company/${esc(h)}/?"`, 'i'),
    says: 'the canonical link is the company page',
  },
  missing: { status: [404], says: 'LinkedIn answered 404' },
  samples: { exists: 'linkedin', missing: 'channel-audit-nobody-7q3', expect: UNKNOWN_BOTH },
};
