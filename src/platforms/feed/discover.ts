/** Feed autodiscovery: the <link rel="alternate"> feeds an HTML page announces, best first. */
import type { CheerioAPI } from 'cheerio';
import { loadPage } from '../../sources/markup.js';
import { selectIn, selector } from '../../sources/selectors.js';

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
];

const ALTERNATE = selector('link[rel~="alternate"][href], link[rel~="Alternate"][href]');

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/i.test(text);
}

export function discoverFeeds(page: string | CheerioAPI, pageUrl: string): string[] {
  const $ = typeof page === 'string' ? loadPage(page) : page;
  const found: Array<{ href: string; rank: number }> = [];
  selectIn($, ALTERNATE).each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const rank = FEED_TYPES.indexOf(type);
    if (rank < 0) return;
    try {
      const href = new URL($(el).attr('href')!, pageUrl).href;
      if (/^https?:/.test(href)) found.push({ href, rank });
    } catch {
      // an unparsable href is no feed
    }
  });
  // comment feeds are not the blog's own posts
  const posts = found.filter((f) => !/\/comments\/feed\/?$/i.test(f.href));
  return [...new Set(posts.sort((a, b) => a.rank - b.rank).map((f) => f.href))];
}
