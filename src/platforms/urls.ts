/**
 * Which platform a URL belongs to, and the account it names: pure URL rules with no parser or HTTP client
 * behind them, so `validate` and link extraction can name platforms without loading the adapters.
 */
import type { PlatformId, ProfileSpec } from '../model/index.js';
import { tryDecodeURIComponent } from '../model/uri.js';

/** Hosts that use /@name paths but are not Mastodon. */
const NOT_MASTODON = /(^|\.)(medium\.com|youtube\.com|tiktok\.com|threads\.net|threads\.com|substack\.com|bsky\.app)$/i;

export const YOUTUBE_HOSTS = /^(www\.|m\.)?youtube\.com$/i;
export const YOUTUBE_CHANNEL_PATH = /^\/(@[^/]+|channel\/[^/]+|c\/[^/]+|user\/[^/]+)\/?/;
export const THREADS_HOSTS = /^(www\.)?threads\.(net|com)$/i;
export const THREADS_PROFILE = /^\/@([\w.]{1,30})\/?$/;
export const REDDIT_HOSTS = /^((www|old|new|np|m)\.)?reddit\.com$/i;
export const REDDIT_PROFILE = /^\/(user|u|r)\/([A-Za-z0-9_-]{2,32})\/?/;
const BLUESKY_HOSTS = /^(www\.)?bsky\.app$/i;

/** Hosts of the platforms that show logged-out readers a wall, by platform. */
export const WALLED_HOSTS = {
  x: /(^|\.)(x\.com|twitter\.com)$/i,
  facebook: /(^|\.)(facebook\.com|fb\.com)$/i,
  instagram: /(^|\.)instagram\.com$/i,
  linkedin: /(^|\.)linkedin\.com$/i,
  tiktok: /(^|\.)tiktok\.com$/i,
} as const;

/** Hosts that are blogs, and URL shapes that are feeds, recognised without `platform: feed`. */
const BLOG_HOSTS = /(^|\.)(substack\.com|medium\.com|tumblr\.com|blogspot\.com|wordpress\.com|ghost\.io|typepad\.com|livejournal\.com)$/i;
const FEED_PATH = /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|feeds?\/[^/]*|index\.xml|feed\.json))\/?$/i;
const BLOG_SHAPE = /^(blog|blogs|news|press|newsroom)\./i;
const BLOG_PATH = /^\/(blog|news|press|newsroom)(\/|$)/i;

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

/**
 * Detection order matters: platforms known by host first (YouTube, Threads and TikTok use `/@name` paths
 * that would otherwise look like Mastodon), then Mastodon's URL shape on any host, then feeds, and any
 * other web page last.
 */
export const URL_RULES: ReadonlyArray<{ id: PlatformId; detect: (url: URL) => boolean }> = [
  { id: 'bluesky', detect: (url) => BLUESKY_HOSTS.test(url.hostname) && handleFromUrl(url) !== null },
  { id: 'youtube', detect: (url) => YOUTUBE_HOSTS.test(url.hostname) && YOUTUBE_CHANNEL_PATH.test(url.pathname) },
  { id: 'reddit', detect: (url) => REDDIT_HOSTS.test(url.hostname) && REDDIT_PROFILE.test(url.pathname) },
  { id: 'threads', detect: (url) => THREADS_HOSTS.test(url.hostname) && THREADS_PROFILE.test(url.pathname) },
  ...Object.entries(WALLED_HOSTS).map(([id, hosts]) => ({ id: id as PlatformId, detect: (url: URL) => hosts.test(url.hostname) })),
  {
    id: 'mastodon',
    detect: (url) => !NOT_MASTODON.test(url.hostname) && acctFromUrl(url) !== null && url.pathname.startsWith('/@'),
  },
  {
    id: 'feed',
    detect: (url) =>
      BLOG_HOSTS.test(url.hostname) || FEED_PATH.test(url.pathname) || BLOG_SHAPE.test(url.hostname) || BLOG_PATH.test(url.pathname),
  },
  { id: 'web', detect: (url) => url.protocol === 'http:' || url.protocol === 'https:' },
];

/** The platform a URL belongs to by its shape alone, or null for one no rule claims. */
export function platformOfUrl(url: URL): PlatformId | null {
  return URL_RULES.find((rule) => rule.detect(url))?.id ?? null;
}

/** A profile's platform: the inventory's `platform:` when given, else what its URL looks like. */
export function platformOf(profile: Pick<ProfileSpec, 'platform' | 'url'>): PlatformId | null {
  return profile.platform ?? platformOfUrl(new URL(profile.url));
}
