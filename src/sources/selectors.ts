/**
 * The page readers' CSS selectors, compiled once when their module loads (css-select, the engine
 * behind cheerio's string selectors, with the same HTML options) instead of from their text on every
 * page, and for every `<time>` element of a page (issue 19).
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
  return $(selectAll<DomNode, DomElement>(query, $.root().children().toArray()));
}

/** The first element under the selection's elements (or the document's root) that matches, or an empty selection. */
export function firstIn(
  $: CheerioAPI,
  within: Cheerio<DomNode> | ReturnType<CheerioAPI['root']>,
  query: Selector,
): Cheerio<DomElement> {
  const found = selectOne<DomNode, DomElement>(query, within.children().toArray());
  return found ? $(found) : $([] as DomElement[]);
}
