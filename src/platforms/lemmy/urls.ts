/**
 * Lemmy's community URL, on any server: `/c/NAME` or `/c/NAME@other.host` (a remote community as this
 * server shows it). Exactly that shape and nothing more: Discourse's categories (`/c/slug/12`),
 * PeerTube's channel pages (`/c/NAME/videos`) and YouTube's `/c/…` (a known host, detected first) are
 * not Lemmy.
 */
export const LEMMY_COMMUNITY = /^\/c\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?))?\/?$/;

/** The community a URL names, as Lemmy's `name` parameter takes it: `NAME` or `NAME@host`. */
export function communityFromUrl(url: URL): string | null {
  const m = LEMMY_COMMUNITY.exec(url.pathname);
  if (!m) return null;
  return m[2] ? `${m[1]}@${m[2].toLowerCase()}` : m[1]!;
}
