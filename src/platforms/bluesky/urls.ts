/** Bluesky's URL shapes: its hosts and the handle a profile URL names. */
import { tryDecodeURIComponent } from '../../model/uri.js';

export const BLUESKY_HOSTS = /^(www\.)?bsky\.app$/i;

/** Bluesky's handle (or DID) in `https://bsky.app/profile/NAME`. */
export function handleFromUrl(url: URL): string | null {
  const m = /^\/profile\/([^/]+)\/?$/.exec(url.pathname);
  return m ? tryDecodeURIComponent(m[1]!) : null;
}
