/**
 * Reading any web page: a feed URL is parsed as a feed; an HTML page that announces a feed
 * (<link rel="alternate">) is audited through that feed; otherwise the dates the page itself shows
 * (JSON-LD, article/Open Graph meta, <time> elements) are its posts. A page with no dates at all is an
 * error "no dated content", never an active profile.
 */
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';
import { platformName, plural, type FetchOutcome, type PlatformId, type Post } from '../../model/index.js';
import { discoverFeeds, looksLikeHtml } from '../feed/discover.js';
import { FeedParseError, parseFeed } from '../feed/parse.js';
import type { FeedParser } from '../feed/parse-pool.js';
import { feedTimeline } from '../feed/timeline.js';
import { judgeStatus, parseError, trackedFetch } from '../kit/outcomes.js';
import { loadPage } from '../../sources/markup.js';
import { isMentionLed } from '../../sources/text.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { PlatformAdapter } from '../types.js';
import { describeFound, extractPageDates, type DatedItem } from './page-dates.js';

export const PAGE_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.7, */*;q=0.5';

export interface ReadPageOptions {
  platform: PlatformId;
  /** A response already fetched for the URL (walled platforms fetch first to look for a wall). */
  first?: HttpResponse;
  /** Platform-specific dated items the generic readers cannot see (e.g. Facebook's data-ft). */
  extraItems?: (html: string, pageUrl: string) => DatedItem[];
  /** How a feed is parsed (AdapterContext.parseFeed); none: in place. */
  parse?: FeedParser;
}

async function parseAsFeed(
  text: string,
  http: TrackedHttp,
  url: string,
  options: ReadPageOptions,
  note: string | null,
): Promise<FetchOutcome> {
  try {
    const feed = options.parse ? await options.parse(text) : parseFeed(text);
    return { kind: 'ok', fetch: http.fetchInfo(), timeline: feedTimeline(feed, url, options.platform, note) };
  } catch (error) {
    if (error instanceof FeedParseError) return parseError(http, 'feed', error.message);
    throw error;
  }
}

export async function readPage(url: string, http: TrackedHttp, options: ReadPageOptions): Promise<FetchOutcome> {
  const { platform } = options;
  const res =
    options.first ?? (await http.get(url, { accept: PAGE_ACCEPT, kind: platform === 'feed' ? 'api' : 'page' })); // a declared feed is exempt from robots.txt;
  const failed = judgeStatus(res, http, 'page');
  if (failed) return failed;
  const text = decodeText(res.body, res.headers['content-type']);
  if (!looksLikeHtml(text)) return parseAsFeed(text, http, res.finalUrl, options, null);

  // parsed once: the feed links and the page's own dates are read from the same document
  const $ = loadPage(text);
  const feeds = discoverFeeds($, res.finalUrl);
  let feedFailure: FetchOutcome | null = null;
  if (feeds.length > 0) {
    const feedRes = await http.get(feeds[0]!, { accept: PAGE_ACCEPT, from: res.finalUrl });
    feedFailure = judgeStatus(feedRes, http, `feed ${feeds[0]}`);
    if (!feedFailure) {
      const outcome = await parseAsFeed(
        decodeText(feedRes.body, feedRes.headers['content-type']),
        http,
        feedRes.finalUrl,
        options,
        `announced by ${res.finalUrl}`,
      );
      if (outcome.kind === 'ok') return outcome;
      feedFailure = outcome;
    }
  }

  const dates = extractPageDates($, res.finalUrl);
  const items = [...dates.items, ...(options.extraItems?.(text, res.finalUrl) ?? [])];
  if (items.length === 0 && dates.modifiedAt === null) {
    return (
      feedFailure ??
      http.fail(
        'error',
        'no dated content: the page announces no feed and shows no dates (looked for JSON-LD datePublished/dateModified, article:published_time, og:updated_time and <time datetime>)',
      )
    );
  }
  const posts: Post[] = items.map((item, i) => ({
    id: item.url ?? `${res.finalUrl}#${i + 1}`,
    createdAt: item.date,
    text: item.text,
    kind: isMentionLed(item.text) ? 'mention' : 'original',
    url: item.url,
    inReplyToCreatedAt: null,
  }));
  const extra = items.length - dates.items.length;
  const found = [describeFound(dates), extra > 0 ? `${plural(extra, `${platformName(platform)} post date`)}` : '']
    .filter(Boolean)
    .join(', ');
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      platform,
      method: 'html',
      facts: { displayName: dates.title, handle: null, postsCount: null, lastPostAt: dates.modifiedAt },
      posts,
      pageDates: true,
      repliesVisible: false,
      repliesHiddenReason: "a web page shows the owner's content, not replies",
      repostsVisible: false,
      sampleNote: `dates read from the page: ${found}`,
      sourceUrl: res.finalUrl,
    },
  };
}

/** An adapter's fetch that reads the profile URL as a page or feed (the feed and web adapters differ only in the URLs they claim). */
export function pageFetcher(platform: PlatformId): PlatformAdapter['fetch'] {
  return trackedFetch((profile, ctx, http) => readPage(profile.url, http, { platform, parse: ctx.parseFeed }));
}
