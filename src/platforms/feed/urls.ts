/** The URL shapes of blogs and feeds, recognised without `platform: feed`. */

/** Hosts that are blogs. */
export const BLOG_HOSTS =
  /(^|\.)(substack\.com|medium\.com|tumblr\.com|blogspot\.com|wordpress\.com|ghost\.io|typepad\.com|livejournal\.com)$/i;
export const FEED_PATH = /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|feeds?\/[^/]*|index\.xml|feed\.json))\/?$/i;
export const BLOG_SHAPE = /^(blog|blogs|news|press|newsroom)\./i;
export const BLOG_PATH = /^\/(blog|news|press|newsroom)(\/|$)/i;
