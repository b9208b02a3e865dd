/**
 * Blogs and news: RSS 2.0, Atom, RDF and JSON Feed, from a feed URL or from a page that announces its feed
 * with <link rel="alternate"> (a page without one is read for the dates it shows). A feed shows the
 * author's posts only: replies and reposts are not visible.
 */
import type { PlatformAdapter } from '../types.js';
import { pageFetcher } from '../web/read-page.js';

export const feed: PlatformAdapter = {
  id: 'feed',
  fetch: pageFetcher('feed'),
};
