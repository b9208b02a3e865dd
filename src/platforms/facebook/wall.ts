/** The marks of facebook's login wall and bot checks, each tested against a page in its markup (test/walls.test.ts, test/platforms/<id>/walls/). */
import type { WalledPlatform } from '../walled/types.js';

export const wall = {
  id: 'facebook',
  name: 'Facebook',
  /** Its hosts: a URL on one is this platform's. */
  hosts: /(^|\.)(facebook\.com|fb\.com)$/i,
  markers: [
    {
      id: 'facebook-login-redirect',
      kind: 'redirect',
      pattern: /^\/(login(\.php)?|checkpoint)\b/,
      says: 'Facebook redirected to its login page',
    },
    {
      id: 'facebook-login-title',
      kind: 'title',
      pattern: /Log in(to)? (to )?Facebook|Facebook – log in or sign up/i,
      says: "the page is Facebook's login form",
    },
    {
      id: 'facebook-no-og-title',
      kind: 'missing-meta',
      property: 'og:title',
      says: 'the page has no og:title: Facebook showed a login page instead of the Page',
    },
  ],
  postDates: async () => (await import('../walled/facebook-posts.js')).facebookPostDates,
} as const satisfies WalledPlatform;
