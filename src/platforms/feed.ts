/**
 * Blogs and news: RSS 2.0, Atom, RDF and JSON Feed, from a feed URL or from a page that announces its feed
 * with <link rel="alternate"> (a page without one is read for the dates it shows). A feed shows the
 * author's posts only: replies and reposts are not visible.
 */
import type { PlatformAdapter } from './types.js';
import { pageFetcher } from './web/read-page.js';

/** Hosts that are blogs, and URL shapes that are feeds, recognised without `platform: feed`. */
const BLOG_HOSTS = /(^|\.)(substack\.com|medium\.com|tumblr\.com|blogspot\.com|wordpress\.com|ghost\.io|typepad\.com|livejournal\.com)$/i;
const FEED_PATH = /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|feeds?\/[^/]*|index\.xml|feed\.json))\/?$/i;
const BLOG_SHAPE = /^(blog|blogs|news|press|newsroom)\./i;
const BLOG_PATH = /^\/(blog|news|press|newsroom)(\/|$)/i;

export const feed: PlatformAdapter = {
  id: 'feed',
  detect: (url) =>
    BLOG_HOSTS.test(url.hostname) || FEED_PATH.test(url.pathname) || BLOG_SHAPE.test(url.hostname) || BLOG_PATH.test(url.pathname),
  fetch: pageFetcher('feed'),
};
