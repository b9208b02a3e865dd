/**
 * Limits on markup read from outside, checked while the parser builds the tree (a page's here, a
 * feed's in platforms/feed/parse.ts). Parsers keep a stack of open elements, shift it on every start
 * tag and search it on every end tag, so a document nesting 10⁵ elements costs seconds and 10⁶ minutes
 * (and cheerio's text() recurses until the stack overflows). No real page or feed nests anywhere near
 * MAX_NESTING deep; a document that does is refused as malformed.
 */
import { load, type CheerioAPI } from 'cheerio';
import { DomHandler, Parser } from 'htmlparser2';

/** Elements open at once that a document may have (docs/security.md). */
export const MAX_NESTING = 256;

/**
 * Void elements, and those whose end tag HTML lets a page leave out: they add no depth. Only an estimate
 * for post fragments (sources/text.ts, which reads them with a tokenizer and no stack of open elements):
 * htmlparser2 never closes a repeated `<body>`, `<html>`, `<thead>`, `<caption>`… itself, so pages are
 * measured by the parser's own stack as they are parsed (loadPage), never by this count (issue 30).
 */
const FLAT = new Set([
  ...['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'],
  ...[
    'p',
    'li',
    'dt',
    'dd',
    'option',
    'optgroup',
    'tr',
    'td',
    'th',
    'thead',
    'tbody',
    'tfoot',
    'colgroup',
    'caption',
    'rb',
    'rt',
    'rp',
    'html',
    'head',
    'body',
  ],
]);
const TAG = /<(\/?)([A-Za-z][^\s/>]*)[^>]*?(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** How deep the markup nests elements, stopping as soon as it is deeper than `limit`. Linear. */
export function nestingDepth(markup: string, limit = MAX_NESTING): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(markup); m !== null; m = TAG.exec(markup)) {
    const name = m[2];
    if (name === undefined) continue; // a comment or CDATA section
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (m[3] !== '/' && !FLAT.has(name.toLowerCase())) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

/**
 * Whether the markup nests elements deeper than `limit`. Markup with no more than `limit` tags cannot,
 * so a post's few tags are counted (indexOf, no regular expression) before any depth is measured:
 * measuring it was a tenth of the time of reading a feed's items (issue 19).
 */
export function nestsDeeperThan(markup: string, limit = MAX_NESTING): boolean {
  let tags = 0;
  for (let at = markup.indexOf('<'); at !== -1; at = markup.indexOf('<', at + 1)) {
    if (++tags > limit) return nestingDepth(markup, limit) > limit;
  }
  return false;
}

/** The markup is nested too deep for a parser to read it in reasonable time. */
export class MarkupTooDeepError extends Error {
  override name = 'MarkupTooDeepError';
  constructor(what: string) {
    super(`${what} nests elements more than ${MAX_NESTING} deep: refused as malformed (a parser would take minutes)`);
  }
}

/**
 * How pages are parsed: htmlparser2 in HTML mode (lower-cased names, entities decoded, void and
 * self-closing elements, `<p>`/`<li>`/`<td>`… closed as HTML closes them) instead of cheerio's default
 * parse5. parse5 builds the spec's full tree (implied `<head>`/`<body>`/`<tbody>`, foster-parented
 * table content, `<noscript>` as text) that no reader here asks for, at a fifth of the speed: 11 MB/s
 * against 55 on the real pages (bench:parse). Every real sample reads the same dates, items and feed
 * links through either (test/parse-fingerprints.test.ts); one difference that can show: markup inside
 * `<noscript>` is read as elements, so a link there counts as a link.
 */
export const PAGE_PARSER = { xml: { xmlMode: false } } as const;
/** The options cheerio hands htmlparser2 for PAGE_PARSER. */
const HTML_MODE = { xmlMode: false } as const;

/**
 * A DOM builder that refuses the page as soon as the parser holds more than MAX_NESTING elements open:
 * the depth is the parser's own (every element it keeps open counts, a thousandth `<body>` as much as a
 * `<div>`), found during the one parse, and stopping there keeps the parse linear.
 */
class NestingCappedHandler extends DomHandler {
  constructor(private readonly what: string) {
    super(undefined, HTML_MODE);
  }
  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // the stack holds the document root under the open elements
    if (this.tagStack.length > MAX_NESTING + 1) throw new MarkupTooDeepError(this.what);
  }
}

/** cheerio's `load` for a whole page from outside, parsed as cheerio would with PAGE_PARSER, nesting capped. */
export function loadPage(html: string, what = 'the page'): CheerioAPI {
  const handler = new NestingCappedHandler(what);
  new Parser(handler, HTML_MODE).end(html);
  return load(handler.root, PAGE_PARSER);
}
