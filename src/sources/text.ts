/** Plain text from the HTML fragments platforms put in posts. */
import { load } from 'cheerio';
import { MAX_NESTING, nestingDepth } from './markup.js';
import { parseDate } from './dates.js';

/** Characters of one post's HTML that are read; the rest is cut (README, "Security and limits"). */
export const MAX_ITEM_HTML = 256 * 1024;

export function htmlToText(source: string): string {
  const html = source.length > MAX_ITEM_HTML ? source.slice(0, MAX_ITEM_HTML) : source;
  if (!/[<&]/.test(html)) return html.trim();
  // a fragment nested absurdly deep is read without its tags: a parser would take minutes on it
  if (nestingDepth(html) > MAX_NESTING)
    return load(html.replace(/<[^>]*>?/g, ' '), null, false)
      .root()
      .text()
      .replace(/\s+/g, ' ')
      .trim();
  // line breaks and the ends of blocks become newlines, so words of two paragraphs are not glued together
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '$&\n\n')
    .replace(/<\/(div|li|h[1-6]|tr|blockquote|pre|section|article)>/gi, '$&\n');
  // htmlparser2 (cheerio's XML/HTML tokenizer), not parse5: a fragment's text needs no HTML5 tree
  // building, and it is ~1.7× faster on feed-item-sized fragments (bench:parse)
  const $ = load(withBreaks, { xml: { xmlMode: false, decodeEntities: true } }, false);
  $('script, style').remove();
  return $.root()
    .text()
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * An ISO 8601 UTC string from a date-ish value (text in one of the forms of sources/dates.ts, or ms
 * since the epoch), or null when it is not a date. A date-time without a zone is read as UTC, never as
 * the local time of the machine running the audit.
 */
export function toIso(value: unknown): string | null {
  if (typeof value === 'string') return parseDate(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A post that starts by addressing someone: "@name ...". */
export function isMentionLed(text: string): boolean {
  return /^\s*@[\w.-]+/.test(text);
}
