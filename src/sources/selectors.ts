/**
 * The page readers' CSS selectors, compiled once when their module loads (css-select, the engine
 * behind cheerio's string selectors, with the same HTML options) instead of from their text on every
 * page, and for every `<time>` element of a page (issue 19).
 *
 * A search starts from one node, never from a list of them: css-select first removes from a list every
 * node another one contains, comparing each with all the others and with their ancestors, which is
 * quadratic in the list. cheerio's `$('a')` and `.find('p')` hand it the children of the root or of the
 * element, so a page of 10⁵ top-level tags, or an `<article>` of 10⁵ `<time>`s searched once per
 * `<time>`, held the main thread for minutes (issue 30). Page readers search with these functions only.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import { compile, selectAll, selectOne } from 'css-select';
import type { DomUtils } from 'htmlparser2';

type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];
type DomNode = DomElement['children'][number];

/** A compiled selector: whether one element matches it. */
export type Selector = (element: DomElement) => boolean;

export function selector(text: string): Selector {
  return compile<DomNode, DomElement>(text, { xmlMode: false });
}

/** The page's elements that match, in document order. */
export function selectIn($: CheerioAPI, query: Selector): Cheerio<DomElement> {
  return $(selectAll<DomNode, DomElement>(query, $.root()[0]!));
}

/**
 * The elements under `element` (not itself) that match, in document order, found one at a time: a
 * reader that needs the first few stops there, instead of collecting all 10⁵ for each of 250 nested
 * stories.
 */
export function* matchesUnder(element: DomElement, query: Selector): Generator<DomElement> {
  let node: DomNode | null = element.children[0] ?? null;
  while (node !== null) {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const tag = node as DomElement;
      if (query(tag)) yield tag;
      if (tag.children[0]) {
        node = tag.children[0];
        continue;
      }
    }
    while (node !== null && node !== element && !node.next) node = node.parent;
    node = node === null || node === element ? null : node.next;
  }
}

/** The first element under the selection's first element (or the document's root) that matches, or an empty selection. */
export function firstIn(
  $: CheerioAPI,
  within: Cheerio<DomNode> | ReturnType<CheerioAPI['root']>,
  query: Selector,
): Cheerio<DomElement> {
  const from = within[0];
  const found = from ? selectOne<DomNode, DomElement>(query, from) : null;
  return found ? $(found) : $([] as DomElement[]);
}
