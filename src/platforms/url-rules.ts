/**
 * The URL shapes of the platforms and the account a URL names: pure rules with no parser or HTTP
 * client behind them, used by the platform definitions' `detect` and by link extraction.
 */
import { tryDecodeURIComponent } from '../model/uri.js';

/** Hosts that use /@name paths but are not Mastodon. */
export const NOT_MASTODON =
  /(^|\.)(medium\.com|youtube\.com|tiktok\.com|threads\.net|threads\.com|substack\.com|bsky\.app)$/i;

export const YOUTUBE_HOSTS = /^(www\.|m\.)?youtube\.com$/i;
export const YOUTUBE_CHANNEL_PATH = /^\/(@[^/]+|channel\/[^/]+|c\/[^/]+|user\/[^/]+)\/?/;
export const THREADS_HOSTS = /^(www\.)?threads\.(net|com)$/i;
export const THREADS_PROFILE = /^\/@([\w.]{1,30})\/?$/;
export const REDDIT_HOSTS = /^((www|old|new|np|m)\.)?reddit\.com$/i;
export const REDDIT_PROFILE = /^\/(user|u|r)\/([A-Za-z0-9_-]{2,32})\/?/;
export const BLUESKY_HOSTS = /^(www\.)?bsky\.app$/i;

/** Hosts of the platforms that show logged-out readers a wall, by platform. */
export const WALLED_HOSTS = {
  x: /(^|\.)(x\.com|twitter\.com)$/i,
  facebook: /(^|\.)(facebook\.com|fb\.com)$/i,
  instagram: /(^|\.)instagram\.com$/i,
  linkedin: /(^|\.)linkedin\.com$/i,
  tiktok: /(^|\.)tiktok\.com$/i,
} as const;

/** Hosts that are blogs, and URL shapes that are feeds, recognised without `platform: feed`. */
export const BLOG_HOSTS =
  /(^|\.)(substack\.com|medium\.com|tumblr\.com|blogspot\.com|wordpress\.com|ghost\.io|typepad\.com|livejournal\.com)$/i;
export const FEED_PATH = /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|feeds?\/[^/]*|index\.xml|feed\.json))\/?$/i;
export const BLOG_SHAPE = /^(blog|blogs|news|press|newsroom)\./i;
export const BLOG_PATH = /^\/(blog|news|press|newsroom)(\/|$)/i;

/**
 * A host of a platform itself (not a company's own domain or a self-hosted server): when it does not
 * resolve, this machine's network is at fault, never the profile.
 */
export function isPlatformHost(host: string): boolean {
  return (
    [YOUTUBE_HOSTS, THREADS_HOSTS, REDDIT_HOSTS, BLUESKY_HOSTS, NOT_MASTODON, BLOG_HOSTS].some((re) => re.test(host)) ||
    Object.values(WALLED_HOSTS).some((re) => re.test(host))
  );
}

/** Mastodon's account in a profile URL: `/@name`, `/@name@other.host` or `/users/name`. */
export function acctFromUrl(url: URL): string | null {
  const m = /^\/(?:@|users\/)([^/@]+(?:@[^/]+)?)\/?$/.exec(url.pathname);
  return m ? tryDecodeURIComponent(m[1]!) : null;
}

/** Bluesky's handle (or DID) in `https://bsky.app/profile/NAME`. */
export function handleFromUrl(url: URL): string | null {
  const m = /^\/profile\/([^/]+)\/?$/.exec(url.pathname);
  return m ? tryDecodeURIComponent(m[1]!) : null;
}
