/** The marks of instagram's login wall and bot checks, each tested against a page in its markup (test/walls.test.ts, test/platforms/<id>/walls/). */
import type { WalledPlatform } from '../walled/types.js';

export const wall = {
  id: 'instagram',
  name: 'Instagram',
  /** Its hosts: a URL on one is this platform's. */
  hosts: /(^|\.)instagram\.com$/i,
  markers: [
    {
      id: 'instagram-login-redirect',
      kind: 'redirect',
      pattern: /^\/accounts\/login\b/,
      says: 'Instagram redirected to its login page',
    },
    {
      id: 'instagram-login-title',
      kind: 'title',
      pattern: /^\s*Login\s*•\s*Instagram\s*$/,
      says: 'the page title is "Login • Instagram"',
    },
  ],
} as const satisfies WalledPlatform;
