/** The marks of linkedin's login wall and bot checks, each tested against a page in its markup (test/walls.test.ts, test/platforms/<id>/walls/). */
import type { WalledPlatform } from '../walled/types.js';

export const wall = {
  id: 'linkedin',
  name: 'LinkedIn',
  /** Its hosts: a URL on one is this platform's. */
  hosts: /(^|\.)linkedin\.com$/i,
  markers: [
    {
      id: 'linkedin-999',
      kind: 'status',
      status: 999,
      says: 'LinkedIn answered HTTP 999, its refusal for readers it takes for bots',
    },
    {
      id: 'linkedin-authwall',
      kind: 'redirect',
      pattern: /^\/(authwall|login|uas\/login)\b/,
      says: 'LinkedIn redirected to its sign-in wall',
    },
    {
      id: 'linkedin-signup-title',
      kind: 'title',
      pattern: /Sign Up \| LinkedIn|LinkedIn Login/i,
      says: "the page is LinkedIn's sign-up form",
    },
  ],
} as const satisfies WalledPlatform;
