/**
 * Whether a bio's link goes to the company's website (the `bio-link` rule, docs/measuring.md
 * "Identity"): the same host, either one's subdomain (`shop.acme.example` for `www.acme.example`), `www.`
 * ignored. A link page (Linktree and the like) is another domain: the audit cannot see what it lists.
 */
import { siteHost } from '../model/index.js';

/** The link is on the website's domain (or the website is on the link's, a shop's own subdomain). */
export function sameSite(link: string, website: string): boolean {
  const a = siteHost(link);
  const b = siteHost(website);
  if (a === null || b === null) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The host to name in a message, without `www.`. */
export const siteName = (url: string): string => siteHost(url) ?? url;
