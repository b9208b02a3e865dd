/**
 * Parse RSS 2.0 / 0.9x, Atom (1.0 and 0.3), RSS 1.0 (RDF) and JSON Feed into items. The XML parser is
 * cheerio's forgiving htmlparser2 in XML mode: a feed with stray bytes, bad entities or illegally nested
 * elements still yields its items, as feed readers do.
 */
import { load, type CheerioAPI } from 'cheerio';
import { MAX_NESTING, nestingDepth } from '../../sources/markup.js';
import { htmlToText } from '../../sources/text.js';
import { parseDate } from '../../sources/dates.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  id: string;
  title: string;
  text: string;
  url: string | null;
  /** ISO, null when the item has no usable date. */
  publishedAt: string | null;
  /** Comment count the feed states (slash:comments, thr:total), where it does. */
  comments: number | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  items: FeedItem[];
  /** The feed's own date (RSS lastBuildDate / pubDate, Atom updated), ISO; said when no item is dated. */
  updatedAt: string | null;
}

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

const MAX_TEXT = 1000;
/** Markup read for an item's text: far more than MAX_TEXT characters of text ever need. */
const MAX_HTML = 20 * MAX_TEXT;

/** A selection of feed elements. */
type Selection = ReturnType<CheerioAPI>;

/** CPU time the items of one feed may take to read (README, "Security and limits"). */
export const PARSE_BUDGET_MS = 15_000;

/** Reads the items one by one, checking the budget between them. */
function readItems(
  nodes: readonly unknown[],
  read: (node: unknown, i: number) => FeedItem,
  deadline: number,
): FeedItem[] {
  const items: FeedItem[] = [];
  for (const [i, node] of nodes.entries()) {
    if (performance.now() > deadline)
      throw new FeedParseError(
        `reading the feed's items took longer than ${PARSE_BUDGET_MS / 1000} s (${i} of ${nodes.length} read): refused`,
      );
    items.push(read(node, i));
  }
  return items;
}

export function parseFeed(raw: string, budgetMs = PARSE_BUDGET_MS): ParsedFeed {
  const deadline = performance.now() + budgetMs;
  const text = raw.replace(/^\uFEFF/, '').trimStart();
  if (!text) throw new FeedParseError('empty response body');
  if (text.startsWith('{')) return parseJsonFeed(text);
  if (!text.startsWith('<')) throw new FeedParseError('not a feed: the body is not XML or JSON');
  if (nestingDepth(text) > MAX_NESTING)
    throw new FeedParseError(`the feed nests elements more than ${MAX_NESTING} deep: refused as malformed`);
  const $ = load(text, { xml: true });
  if ($('feed').length > 0) return parseAtom($, deadline);
  if ($('rss, channel').length > 0 && $('rdf\\:RDF, RDF').length === 0) return parseRss($, 'rss', deadline);
  if ($('rdf\\:RDF, RDF').length > 0) return parseRss($, 'rdf', deadline);
  if ($('html, HTML, body').length > 0) throw new FeedParseError('not a feed: an HTML page');
  throw new FeedParseError('not a feed: no <rss>, <feed> or <rdf:RDF> element');
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t;
}

/**
 * Child elements by tag name (`dc:date` as written): a predicate, not a CSS selector, so the hot path
 * of reading every item's fields parses no selector text (feeds are read in XML mode, where names are
 * compared exactly, as a selector would).
 */
const named = (name: string) => (_: number, child: { name?: string }) => child.name === name;

/** The first of the names, in the feed format's order of precedence, whose text is a readable date. */
function firstDate(el: Selection, names: readonly string[]): string | null {
  for (const name of names) {
    const found = el.children(named(name));
    for (let i = 0; i < found.length; i++) {
      const date = parseDate(found.eq(i).text());
      if (date !== null) return date;
    }
  }
  return null;
}

function firstText(el: Selection, names: readonly string[]): string {
  for (const name of names) {
    const found = el.children(named(name)).first();
    if (found.length > 0) {
      const value = found.text().trim();
      if (value) return value;
    }
  }
  return '';
}

function count(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** Where each format keeps an item's fields, by tag name; the first with text wins. */
interface ItemFields {
  title: readonly string[];
  body: readonly string[];
  date: readonly string[];
  id: readonly string[];
  comments: readonly string[];
  link: (el: Selection) => string | null;
}

/**
 * An item's date for staleness is when it was published, over when it was last updated: RSS `pubDate`,
 * Dublin Core `dc:date` (RSS 1.0's publication date), Atom's `published` (also as `atom:published`),
 * `dc:created` and `dcterms:issued`/`created`, and only then the update dates (`atom:updated`,
 * `a10:updated`, `updated`, `dcterms:modified`). The first that is a readable date wins, so a garbled
 * `pubDate` falls back to `dc:date`.
 */
const RSS_FIELDS: ItemFields = {
  title: ['title'],
  body: ['description', 'content:encoded', 'summary'],
  date: [
    'pubDate',
    'dc:date',
    'published',
    'atom:published',
    'dc:created',
    'dcterms:issued',
    'dcterms:created',
    'atom:updated',
    'a10:updated',
    'updated',
    'dcterms:modified',
  ],
  id: ['guid'],
  comments: ['slash:comments', 'thr:total'],
  link: (el) => firstText(el, ['link']) || el.attr('rdf:about') || null,
};

/** Atom: `published` (Atom 0.3: `issued`, `created`) over `updated` (0.3: `modified`); `dc:date` where a generator adds it. */
const ATOM_FIELDS: ItemFields = {
  title: ['title'],
  body: ['summary', 'content'],
  date: ['published', 'issued', 'created', 'dc:date', 'updated', 'modified'],
  id: ['id'],
  comments: ['thr:total', 'slash:comments'],
  link: (el) =>
    el
      .children((_, c) => c.name === 'link' && (c.attribs.rel === undefined || c.attribs.rel === 'alternate'))
      .first()
      .attr('href') ??
    el.children(named('link')).first().attr('href') ??
    null,
};

function readItem(el: Selection, i: number, fields: ItemFields): FeedItem {
  const title = htmlToText(firstText(el, fields.title));
  // the text is clipped to MAX_TEXT: a whole article's markup need not be parsed to find its start
  const body = htmlToText(firstText(el, fields.body).slice(0, MAX_HTML));
  const link = fields.link(el);
  return {
    id: firstText(el, fields.id) || link || `item-${i + 1}`,
    title: clip(title),
    text: clip([title, body].filter(Boolean).join(' — ')),
    url: link,
    publishedAt: firstDate(el, fields.date),
    comments: count(firstText(el, fields.comments)),
  };
}

function parseRss($: CheerioAPI, format: 'rss' | 'rdf', deadline: number): ParsedFeed {
  const nodes = $('item')
    .toArray()
    // an empty <item/> (illegally nested feeds have them) is no post
    .filter((node) => $(node).children().length > 0);
  const items = readItems(nodes, (node, i) => readItem($(node as (typeof nodes)[number]), i, RSS_FIELDS), deadline);
  const channel = $('channel').first();
  const title = channel.children('title').first().text().trim() || null;
  const updatedAt = firstDate(channel, ['lastBuildDate', 'pubDate', 'dc\\:date']);
  return { format, title, items, updatedAt };
}

function parseAtom($: CheerioAPI, deadline: number): ParsedFeed {
  const feed = $('feed').first();
  const nodes = feed.find('entry').toArray();
  const items = readItems(nodes, (node, i) => readItem($(node as (typeof nodes)[number]), i, ATOM_FIELDS), deadline);
  const updatedAt = firstDate(feed, ['updated', 'modified']);
  return { format: 'atom', title: feed.children('title').first().text().trim() || null, items, updatedAt };
}

interface JsonFeedItem {
  id?: string | number;
  url?: string;
  title?: string;
  content_text?: string;
  content_html?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
}

function parseJsonFeed(text: string): ParsedFeed {
  let doc: { version?: string; title?: string; items?: JsonFeedItem[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (error) {
    throw new FeedParseError(`not a feed: invalid JSON (${(error as Error).message})`);
  }
  if (typeof doc?.version !== 'string' || !doc.version.includes('jsonfeed.org') || !Array.isArray(doc.items)) {
    throw new FeedParseError('not a feed: JSON without a jsonfeed.org "version" and an "items" array');
  }
  const items = doc.items.map((item, i) => {
    const title = item.title ?? '';
    const body = item.content_text ?? htmlToText(item.content_html ?? item.summary ?? '');
    return {
      id: String(item.id ?? item.url ?? `item-${i + 1}`),
      title: clip(title),
      text: clip([title, body].filter(Boolean).join(' — ')),
      url: item.url ?? null,
      publishedAt: parseDate(item.date_published) ?? parseDate(item.date_modified),
      comments: null,
    };
  });
  return { format: 'json', title: doc.title ?? null, items, updatedAt: null };
}
