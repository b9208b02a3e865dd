/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { WORD, quoted } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Mastodon (mastodon.social)',
  handle: WORD,
  profileUrl: (h) => `https://mastodon.social/@${h}`,
  check: {
    base: 'https://mastodon.social',
    path: (h) => `/api/v1/accounts/lookup?acct=${encodeURIComponent(h)}`,
    kind: 'api',
  },
  found: { status: [200], body: quoted('acct'), says: 'the account lookup returned the account' },
  missing: {
    status: [404],
    body: () => /Record not found/i,
    says: 'the account lookup answered 404 "Record not found"',
  },
  samples: { exists: 'Gargron', missing: 'channel_audit_nobody_7q3' },
};
