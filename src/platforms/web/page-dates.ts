/**
 * Dates a web page shows about itself and its content, read with cheerio:
 * - JSON-LD (`<script type="application/ld+json">`, any nesting and `@graph`): every object with
 *   `datePublished` is a dated item (its `headline`/`name` as text); `dateModified` dates the page;
 * - Open Graph / `article:*` meta: `article:published_time` is an item, `article:modified_time` and
 *   `og:updated_time` date the page;
 * - `<time datetime>` elements: each is an item, with the text of the article or list entry around it.
 * Items are de-duplicated by date and text. Nothing here fetches.
 */
import type { CheerioAPI } from 'cheerio';
import { loadPage } from '../../sources/markup.js';
import { collapseSpaces } from '../../sources/spaces.js';
import { firstIn, selectIn, selector } from '../../sources/selectors.js';
import { toIso } from '../../sources/text.js';
import { textUpTo } from '../../sources/dom-text.js';
import { jsonLdObjects } from '../../sources/json-ld.js';

/** Where a date was read: JSON-LD, meta tags, <time> elements, or a platform's own markup. */
export type DateSource = 'json-ld' | 'meta' | 'time' | 'platform';

export interface DatedItem {
  date: string;
  text: string;
  url: string | null;
  source: DateSource;
}

export interface PageDates {
  title: string | null;
  items: DatedItem[];
  /** The newest "page modified" date the page declares, if any. */
  modifiedAt: string | null;
  /** What was found where, for the report: e.g. { 'json-ld': 3, time: 12 }. */
  found: Partial<Record<DateSource | 'modified', number>>;
}

const MAX_TEXT = 500;

function clean(text: string | undefined | null): string {
  return collapseSpaces(text ?? '').slice(0, MAX_TEXT);
}

function absolute(href: unknown, base: string): string | null {
  if (typeof href !== 'string') return null;
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

const META = selector('meta[property], meta[name]');
const TITLE = selector('title');
const TIME = selector('time[datetime]');
/** What a dated element belongs to: its post, list item or section. */
const ENTRY = selector('article, li, .post, .entry, section');
const HEADING = selector('h1, h2, h3, h4');
const LINK = selector('a[href]');

/**
 * The page's `<meta>` contents by property or name: for each, the first element in document order
 * that has it, as `meta[property="x"], meta[name="x"]` would find (its content, even when absent).
 */
function metaOf($: CheerioAPI): (name: string) => string | undefined {
  const contents = new Map<string, string | undefined>();
  selectIn($, META).each((_, el) => {
    for (const key of new Set([el.attribs.property, el.attribs.name])) {
      if (key !== undefined && !contents.has(key)) contents.set(key, el.attribs.content);
    }
  });
  return (name) => contents.get(name);
}

export function extractPageDates(page: string | CheerioAPI, pageUrl: string): PageDates {
  const $ = typeof page === 'string' ? loadPage(page) : page;
  const items: DatedItem[] = [];
  const modified: string[] = [];
  const found: PageDates['found'] = {};
  const count = (k: DateSource | 'modified') => (found[k] = (found[k] ?? 0) + 1);

  for (const o of jsonLdObjects($)) {
    const published = toIso(o.datePublished);
    if (published) {
      items.push({
        date: published,
        text: clean(String(o.headline ?? o.name ?? '')),
        url: absolute(o.url, pageUrl),
        source: 'json-ld',
      });
      count('json-ld');
    }
    const changed = toIso(o.dateModified);
    if (changed) {
      modified.push(changed);
      count('modified');
    }
  }

  const meta = metaOf($);
  const title = clean(meta('og:title') ?? firstIn($, $.root(), TITLE).text());
  const published = toIso(meta('article:published_time'));
  if (published) {
    items.push({
      date: published,
      text: title,
      url: absolute(meta('og:url'), pageUrl),
      source: 'meta',
    });
    count('meta');
  }
  for (const name of ['article:modified_time', 'og:updated_time']) {
    const changed = toIso(meta(name));
    if (changed) {
      modified.push(changed);
      count('modified');
    }
  }

  // an entry's text and link are read once, however many <time>s it holds: per <time>, an article of
  // 10⁵ of them was searched and its text built 10⁵ times, minutes of one thread on a 3 MB page
  const entries = new Map<unknown, { text: string; link: string | undefined }>();
  const around = (time: Parameters<typeof ENTRY>[0]) => {
    const entry = $(time).closest((_, e) => ENTRY(e));
    if (entry.length === 0) return { text: '', link: undefined };
    let known = entries.get(entry[0]);
    if (!known) {
      const heading = clean(textUpTo(firstIn($, entry, HEADING).toArray(), MAX_TEXT));
      known = {
        text: heading || clean(textUpTo(entry.toArray(), MAX_TEXT)),
        link: firstIn($, entry, LINK).attr('href'),
      };
      entries.set(entry[0], known);
    }
    return known;
  };
  selectIn($, TIME).each((_, el) => {
    const date = toIso($(el).attr('datetime'));
    if (!date) return;
    const entry = around(el);
    const text = entry.text || clean(textUpTo([el], MAX_TEXT));
    items.push({ date, text, url: absolute(entry.link, pageUrl), source: 'time' });
    count('time');
  });

  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = `${i.date.slice(0, 16)}|${i.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { title: title || null, items: unique, modifiedAt: modified.sort().at(-1) ?? null, found };
}

/** "3 JSON-LD datePublished, 12 <time> elements, page modified 2026-10-01" */
export function describeFound(dates: PageDates): string {
  const parts: string[] = [];
  if (dates.found['json-ld']) parts.push(`${dates.found['json-ld']} JSON-LD datePublished`);
  if (dates.found.meta) parts.push('article:published_time');
  if (dates.found.time) parts.push(`${dates.found.time} <time datetime> element${dates.found.time === 1 ? '' : 's'}`);
  if (dates.modifiedAt) parts.push(`page modified ${dates.modifiedAt.slice(0, 10)}`);
  return parts.join(', ');
}
