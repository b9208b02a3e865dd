/** Mastodon's URL shapes, on any server: the account a URL names, and the hosts whose /@name paths are not Mastodon. */
import { tryDecodeURIComponent } from '../../model/uri.js';

/** Hosts that use /@name paths but are not Mastodon. */
export const NOT_MASTODON =
  /(^|\.)(medium\.com|youtube\.com|tiktok\.com|threads\.net|threads\.com|substack\.com|bsky\.app)$/i;

/** Mastodon's account in a profile URL: `/@name`, `/@name@other.host` or `/users/name`. */
export function acctFromUrl(url: URL): string | null {
  const m = /^\/(?:@|users\/)([^/@]+(?:@[^/]+)?)\/?$/.exec(url.pathname);
  return m ? tryDecodeURIComponent(m[1]!) : null;
}
