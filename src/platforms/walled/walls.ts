/**
 * Walled platforms, as data: which URLs belong to each, and the markers by which its public page shows
 * itself to be a login wall or an anti-bot check rather than the profile. Each marker is tested against a
 * page captured in that platform's format (test/walls.test.ts, fixtures/walls/).
 */
import type { PlatformId } from '../../model/index.js';
import type { DatedItem } from '../web/page-dates.js';
import { facebookPostDates } from './facebook-posts.js';

export type WallMarker =
  /** The response status itself (LinkedIn's 999). */
  | { id: string; kind: 'status'; status: number; says: string }
  /** Where redirects ended: the final URL's path and query. */
  | { id: string; kind: 'redirect'; pattern: RegExp; says: string }
  /** The page's <title>. */
  | { id: string; kind: 'title'; pattern: RegExp; says: string }
  /** The page's text or markup. */
  | { id: string; kind: 'body'; pattern: RegExp; says: string }
  /** A meta tag every real profile page has (Facebook Pages carry og:title). */
  | { id: string; kind: 'missing-meta'; property: string; says: string };

export interface WalledPlatform {
  id: Extract<PlatformId, 'x' | 'facebook' | 'instagram' | 'linkedin' | 'tiktok'>;
  name: string;
  markers: readonly WallMarker[];
  /** Dated posts the page shows in the platform's own markup, where it renders at all. */
  postDates?: (html: string, pageUrl: string) => DatedItem[];
}

export const WALLED_PLATFORMS: readonly WalledPlatform[] = [
  {
    id: 'x',
    name: 'X/Twitter',
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
  },
  {
    id: 'facebook',
    name: 'Facebook',
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
    postDates: facebookPostDates,
  },
  {
    id: 'instagram',
    name: 'Instagram',
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
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
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
  },
  {
    id: 'tiktok',
    name: 'TikTok',
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
  },
];
