/**
 * Blogs and news: RSS 2.0, Atom, RDF and JSON Feed, from a feed URL or from a page that announces its feed
 * with <link rel="alternate">. A feed shows the author's posts only: replies and reposts are not visible.
 */
import { decodeText } from '../http/decode.js';
import type { FetchOutcome, Post, ProfileSpec } from '../model/index.js';
import { discoverFeeds, looksLikeHtml } from './feed/discover.js';
import { FeedParseError, parseFeed, type ParsedFeed } from './feed/parse.js';
import { fromError, judgeStatus, parseError } from './outcomes.js';
import { isMentionLed } from './text.js';
import { TrackedHttp } from './tracked-http.js';
import type { AdapterContext, PlatformAdapter } from './types.js';

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5';

/** Hosts that are blogs, and URL shapes that are feeds, recognised without `platform: feed`. */
const BLOG_HOSTS = /(^|\.)(substack\.com|medium\.com|tumblr\.com|blogspot\.com|wordpress\.com|ghost\.io|typepad\.com|livejournal\.com)$/i;
const FEED_PATH = /(\.(rss|atom|rdf|xml)|\/(feed|rss|atom|feeds?\/[^/]*|index\.xml|feed\.json))\/?$/i;
const BLOG_SHAPE = /^(blog|blogs|news|press|newsroom)\./i;
const BLOG_PATH = /^\/(blog|news|press|newsroom)(\/|$)/i;

export function feedToPosts(feed: ParsedFeed): Post[] {
  return feed.items.map((item) => ({
    id: item.id,
    createdAt: item.publishedAt,
    text: item.text,
    kind: isMentionLed(item.title) ? 'mention' : 'original',
    url: item.url,
    inReplyToCreatedAt: null,
  }));
}

async function fetchFeed(profile: ProfileSpec, ctx: AdapterContext): Promise<FetchOutcome> {
  const http = new TrackedHttp(ctx.http);
  try {
    let res = await http.get(profile.url, { accept: ACCEPT });
    const failed = judgeStatus(res, http, 'feed');
    if (failed) return failed;
    let text = decodeText(res.body, res.headers['content-type']);
    if (looksLikeHtml(text)) {
      const feeds = discoverFeeds(text, res.finalUrl);
      if (feeds.length === 0) {
        return http.fail('error', 'the page announces no feed (no <link rel="alternate"> of an RSS, Atom or JSON Feed type)');
      }
      res = await http.get(feeds[0]!, { accept: ACCEPT });
      const feedFailed = judgeStatus(res, http, `feed ${feeds[0]}`);
      if (feedFailed) return feedFailed;
      text = decodeText(res.body, res.headers['content-type']);
    }
    let feed: ParsedFeed;
    try {
      feed = parseFeed(text);
    } catch (error) {
      if (error instanceof FeedParseError) return parseError(http, 'feed', error.message);
      throw error;
    }
    return {
      kind: 'ok',
      fetch: http.fetchInfo(),
      timeline: {
        platform: 'feed',
        method: 'feed',
        facts: { displayName: feed.title, handle: null, postsCount: null, lastPostAt: null },
        posts: feedToPosts(feed),
        repliesVisible: false,
        repliesHiddenReason: 'a feed shows only the author\'s own posts, not replies',
        repostsVisible: false,
        sampleNote: `a ${feed.format.toUpperCase()} feed holds only its newest ${feed.items.length} items`,
        sourceUrl: res.finalUrl,
      },
    };
  } catch (error) {
    return fromError(error, http);
  }
}

export const feed: PlatformAdapter = {
  id: 'feed',
  detect: (url) =>
    BLOG_HOSTS.test(url.hostname) || FEED_PATH.test(url.pathname) || BLOG_SHAPE.test(url.hostname) || BLOG_PATH.test(url.pathname),
  fetch: fetchFeed,
};
