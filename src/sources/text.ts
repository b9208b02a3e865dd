/** Plain text from the HTML fragments platforms put in posts. */
import { load } from 'cheerio';
import { Tokenizer } from 'htmlparser2';
import { nestsDeeperThan } from './markup.js';
import { collapseSpaces } from './spaces.js';
import { parseDate } from './dates.js';

/** Characters of one post's HTML that are read; the rest is cut (docs/security.md). */
export const MAX_ITEM_HTML = 256 * 1024;

export function htmlToText(source: string): string {
  const html = source.length > MAX_ITEM_HTML ? source.slice(0, MAX_ITEM_HTML) : source;
  if (!/[<&]/.test(html)) return html.trim();
  // a fragment nested absurdly deep is read without its tags: a parser would take minutes on it
  if (nestsDeeperThan(html))
    return collapseSpaces(
      load(html.replace(/<[^>]*>?/g, ' '), null, false)
        .root()
        .text(),
    );
  // line breaks and the ends of blocks become newlines, so words of two paragraphs are not glued together
  const withBreaks = html.replace(BREAKS, breakAfter);
  return fragmentText(withBreaks)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A `<br>` and the end tags of blocks, found in one pass over the fragment. */
const BREAKS = /<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr|blockquote|pre|section|article)>/gi;
/** A `<br>` becomes a newline, a paragraph's end two, another block's end one. */
function breakAfter(tag: string): string {
  if (tag[1] !== '/') return '\n';
  return tag.length === 4 ? `${tag}\n\n` : `${tag}\n`;
}

/**
 * The text of an HTML fragment, entities decoded, scripts and styles left out, read by htmlparser2's
 * tokenizer alone: a feed has one fragment per item, and building a tree for each took a fifth of a
 * large audit's time (issue 19); the parser on top of the tokenizer (attributes, the stack of open
 * elements) was another tenth of reading a feed, and text needs neither. Comments and CDATA are not
 * text, as in a DOM's `.text()`; a `<script>` or `<style>` hides what follows until it is closed.
 */
function fragmentText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  // a tag's name, lower-cased, where it can be one that hides text (script: 6 letters, style: 5)
  const nameAt = (start: number, end: number) =>
    end - start === 6 || end - start === 5 ? html.slice(start, end).toLowerCase() : '';
  const none = () => {};
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname: (start, end) => {
        const name = nameAt(start, end);
        if (name === 'script' || name === 'style') hidden++;
      },
      onclosetag: (start, end) => {
        const name = nameAt(start, end);
        if ((name === 'script' || name === 'style') && hidden > 0) hidden--;
      },
      ontext: (start, end) => {
        if (hidden === 0) parts.push(html.slice(start, end));
      },
      ontextentity: (codepoint) => {
        if (hidden === 0) parts.push(String.fromCodePoint(codepoint));
      },
      onattribdata: none,
      onattribentity: none,
      onattribend: none,
      onattribname: none,
      oncdata: none,
      oncomment: none,
      ondeclaration: none,
      onend: none,
      onopentagend: none,
      onprocessinginstruction: none,
      onselfclosingtag: none,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts.join('');
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
