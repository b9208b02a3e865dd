/**
 * Parse RSS 2.0 / 0.9x, Atom (1.0 and 0.3), RSS 1.0 (RDF) and JSON Feed into items. The XML parser is
 * htmlparser2, forgiving, in XML mode: a feed with stray bytes, bad entities or illegally nested
 * elements still yields its items, as feed readers do.
 */
import { jsonErrorText } from '../../sources/json-error.js';
import { DomHandler, DomUtils, Parser } from 'htmlparser2';
import { MAX_NESTING } from '../../sources/markup.js';
import { htmlToText } from '../../sources/text.js';
import { collapseSpaces } from '../../sources/spaces.js';
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

/** CPU time the items of one feed may take to read (docs/security.md). */
export const PARSE_BUDGET_MS = 15_000;

/** Reads the items one by one, checking the budget between them. */
function readItems<Node>(
  nodes: readonly Node[],
  read: (node: Node, i: number) => FeedItem,
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
  const marks = landmarks(parseXml(text));
  const feed = marks.first.get('feed');
  if (feed) return parseAtom(feed, deadline);
  const rdf = marks.first.has('rdf:RDF') || marks.first.has('RDF');
  const channel = marks.first.get('channel');
  if (!rdf && (marks.first.has('rss') || channel)) return parseRss('rss', marks.items, channel, deadline);
  if (rdf) return parseRss('rdf', marks.items, channel, deadline);
  if (['html', 'HTML', 'body'].some((name) => marks.first.has(name)))
    throw new FeedParseError('not a feed: an HTML page');
  throw new FeedParseError('not a feed: no <rss>, <feed> or <rdf:RDF> element');
}

/**
 * A DOM builder that refuses a document as soon as it nests elements more than MAX_NESTING deep.
 * Parsers search their stack of open elements on end tags, so 10⁵ nested elements would cost seconds;
 * stopping at the limit keeps the parse linear. The depth is the parser's own (in XML mode every
 * element that is not closed nests), found during the one parse instead of by a pass before it.
 */
class NestingCappedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // the stack holds the document root under the open elements
    if (this.tagStack.length > MAX_NESTING + 1)
      throw new FeedParseError(`the feed nests elements more than ${MAX_NESTING} deep: refused as malformed`);
  }
}

/** The top-level nodes of the document, parsed as XML. */
function parseXml(text: string): DomNode[] {
  const handler = new NestingCappedHandler(undefined, { xmlMode: true });
  new Parser(handler, { xmlMode: true }).end(text);
  return handler.root.children;
}

/**
 * The feed is read from htmlparser2's DOM in XML mode (names compared exactly, as written: `dc:date`)
 * with no query layer: an item's fields are its children by tag name, looked up in one index per
 * item, and texts are the DOM's text content (text and CDATA, not comments), as cheerio's `.text()`
 * would give. Selectors compiled from their text for every field of every item were a tenth of the
 * time of reading a feed (issue 19).
 */
type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];
type DomNode = DomElement['children'][number];

/** Element names that tell a feed's format (or that it is a page), wherever they are in the document. */
const LANDMARKS = new Set(['feed', 'rss', 'channel', 'rdf:RDF', 'RDF', 'html', 'HTML', 'body']);

/**
 * One walk over the document, in document order: the first element of each landmark name, and every
 * RSS `<item>` (nested ones too, as a selector would find them).
 */
function landmarks(roots: readonly DomNode[]): { first: Map<string, DomElement>; items: DomElement[] } {
  const first = new Map<string, DomElement>();
  const items: DomElement[] = [];
  walk(roots, (element) => {
    if (element.name === 'item') items.push(element);
    else if (LANDMARKS.has(element.name) && !first.has(element.name)) first.set(element.name, element);
  });
  return { first, items };
}

/** Every element under the roots, in document order (iterative: depth is capped by MAX_NESTING anyway). */
function walk(roots: readonly DomNode[], visit: (element: DomElement) => void): void {
  const stack = [...roots].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!DomUtils.isTag(node)) continue; // text, comments, CDATA, processing instructions
    visit(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** An element's child elements by tag name, in document order. */
type Fields = Map<string, DomElement[]>;

function fieldsOf(element: DomElement): Fields {
  const fields: Fields = new Map();
  for (const child of element.children) {
    if (!DomUtils.isTag(child)) continue;
    const same = fields.get(child.name);
    if (same) same.push(child);
    else fields.set(child.name, [child]);
  }
  return fields;
}

/** The first of the names, in the feed format's order of precedence, whose text is a readable date. */
function firstDate(fields: Fields, names: readonly string[]): string | null {
  for (const name of names) {
    for (const element of fields.get(name) ?? []) {
      const date = parseDate(DomUtils.textContent(element));
      if (date !== null) return date;
    }
  }
  return null;
}

/** The text of the first element of the first name that has one with text (trimmed). */
function firstText(fields: Fields, names: readonly string[]): string {
  for (const name of names) {
    const found = fields.get(name)?.[0];
    if (found) {
      const value = DomUtils.textContent(found).trim();
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
  link: (item: DomElement, fields: Fields) => string | null;
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
  link: (item, fields) => firstText(fields, ['link']) || item.attribs['rdf:about'] || null,
};

/** Atom: `published` (Atom 0.3: `issued`, `created`) over `updated` (0.3: `modified`); `dc:date` where a generator adds it. */
const ATOM_FIELDS: ItemFields = {
  title: ['title'],
  body: ['summary', 'content'],
  date: ['published', 'issued', 'created', 'dc:date', 'updated', 'modified'],
  id: ['id'],
  comments: ['thr:total', 'slash:comments'],
  link: (_, fields) => {
    const links = fields.get('link') ?? [];
    const alternate = links.find((link) => link.attribs.rel === undefined || link.attribs.rel === 'alternate');
    return (alternate ?? links[0])?.attribs.href ?? null;
  },
};

function readItem(item: DomElement, i: number, format: ItemFields): FeedItem {
  const fields = fieldsOf(item);
  const title = htmlToText(firstText(fields, format.title));
  // the text is clipped to MAX_TEXT: a whole article's markup need not be parsed to find its start
  const body = htmlToText(firstText(fields, format.body).slice(0, MAX_HTML));
  const link = format.link(item, fields);
  return {
    id: firstText(fields, format.id) || link || `item-${i + 1}`,
    title: clip(title),
    text: clip([title, body].filter(Boolean).join(' — ')),
    url: link,
    publishedAt: firstDate(fields, format.date),
    comments: count(firstText(fields, format.comments)),
  };
}

function parseRss(
  format: 'rss' | 'rdf',
  itemElements: readonly DomElement[],
  channel: DomElement | undefined,
  deadline: number,
): ParsedFeed {
  // an empty <item/> (illegally nested feeds have them) is no post
  const nodes = itemElements.filter((item) => item.children.some(DomUtils.isTag));
  const items = readItems(nodes, (item, i) => readItem(item, i, RSS_FIELDS), deadline);
  if (!channel) return { format, title: null, items, updatedAt: null };
  const fields = fieldsOf(channel);
  const title = firstText(fields, ['title']) || null;
  return { format, title, items, updatedAt: firstDate(fields, ['lastBuildDate', 'pubDate', 'dc:date']) };
}

function parseAtom(feed: DomElement, deadline: number): ParsedFeed {
  const entries: DomElement[] = [];
  walk(feed.children, (element) => {
    if (element.name === 'entry') entries.push(element);
  });
  const items = readItems(entries, (entry, i) => readItem(entry, i, ATOM_FIELDS), deadline);
  const fields = fieldsOf(feed);
  return {
    format: 'atom',
    title: firstText(fields, ['title']) || null,
    items,
    updatedAt: firstDate(fields, ['updated', 'modified']),
  };
}

/** The text with its white space collapsed, cut at MAX_TEXT characters. */
function clip(s: string): string {
  // collapsing only shortens, so a long text's head is collapsed first: when that already gives more
  // than MAX_TEXT characters the rest cannot change the result (an item's text can be 20,000 characters)
  const head = s.length > 4 * MAX_TEXT ? collapseSpaces(s.slice(0, 4 * MAX_TEXT)) : '';
  const t = head.length > MAX_TEXT ? head : collapseSpaces(s);
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t;
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
    throw new FeedParseError(`not a feed: invalid JSON (${jsonErrorText((error as Error).message)})`);
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
