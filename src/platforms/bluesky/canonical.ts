/** Bluesky's canonical profile URLs: https://bsky.app/profile/handle; /profile/…/post/… is a post. */
import type { CanonicalRule } from '../kit/canonical.js';
import { handleFromUrl } from './urls.js';

export const canonical: CanonicalRule = {
  hosts: /^bsky\.app$/,
  host: 'bsky.app',
  profile: (segments) => {
    const handle = handleFromUrl(new URL(`https://bsky.app/${segments.slice(0, 2).join('/')}`));
    return handle && segments.length === 2
      ? { path: `/profile/${handle.toLowerCase()}`, handle: handle.toLowerCase() }
      : null;
  },
};
