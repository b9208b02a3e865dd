/** The marks of tiktok's login wall and bot checks, each tested against a page in its markup (test/walls.test.ts, test/platforms/<id>/walls/). */
import type { WalledPlatform } from '../walled/types.js';

export const wall = {
  id: 'tiktok',
  name: 'TikTok',
  /** Its hosts: a URL on one is this platform's. */
  hosts: /(^|\.)tiktok\.com$/i,
  markers: [
    {
      id: 'tiktok-login-redirect',
      kind: 'redirect',
      pattern: /^\/login\b/,
      says: 'TikTok redirected to its login page',
    },
    {
      id: 'tiktok-verify',
      kind: 'body',
      pattern: /captcha-verify|Verify to continue|tiktok-verify-page/i,
      says: 'TikTok showed its "verify to continue" bot check',
    },
  ],
} as const satisfies WalledPlatform;
