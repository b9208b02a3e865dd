/** The marks of x's login wall and bot checks, each tested against a page in its markup (test/walls.test.ts, test/platforms/<id>/walls/). */
import type { WalledPlatform } from '../walled/types.js';

export const wall = {
  id: 'x',
  name: 'X/Twitter',
  /** Its hosts: a URL on one is this platform's. */
  hosts: /(^|\.)(x\.com|twitter\.com)$/i,
  markers: [
    {
      id: 'x-login-redirect',
      kind: 'redirect',
      pattern: /^\/(i\/flow\/login|login)\b/,
      says: 'X redirected to its login page',
    },
    {
      id: 'x-javascript-shell',
      kind: 'body',
      pattern: /JavaScript is not available\.|detected that JavaScript is disabled/,
      says: 'X serves logged-out readers a JavaScript shell with no posts',
    },
  ],
} as const satisfies WalledPlatform;
