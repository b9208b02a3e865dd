/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { quoted } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Bluesky',
  handle: /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/,
  // a bare name is looked for as NAME.bsky.social; a name with a dot is a full handle (a domain)
  profileUrl: (h) => `https://bsky.app/profile/${bskyHandle(h)}`,
  check: {
    base: 'https://public.api.bsky.app',
    path: (h) => `/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(bskyHandle(h))}`,
    kind: 'api',
  },
  found: { status: [200], body: (h) => quoted('handle')(bskyHandle(h)), says: 'the AppView returned the profile' },
  missing: {
    status: [400],
    body: () => /Profile not found|Unable to resolve handle|could not find/i,
    says: 'the AppView answered "Profile not found"',
  },
  samples: { exists: 'bsky.app', missing: 'channel-audit-nobody-7q3' },
};

function bskyHandle(h: string): string {
  return (h.includes('.') ? h : `${h}.bsky.social`).toLowerCase();
}
