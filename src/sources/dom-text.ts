/**
 * The text of DOM nodes as cheerio's `.text()` gives it (text and CDATA, not comments), read in document
 * order only until it holds more than `max` characters that are not white space. A reader that keeps
 * 500 characters of an entry's text asked cheerio for all of it: for a `<time>` in an `<article>` of
 * 10⁵ others, once per `<time>`, which kept the main thread for minutes on a 3 MB page (issue 30).
 * `collapseSpaces(text).slice(0, max)` is the same as over the whole text.
 */
import { DomUtils } from 'htmlparser2';

type DomNode = Parameters<typeof DomUtils.isText>[0];

export function textUpTo(nodes: Iterable<DomNode>, max: number): string {
  const parts: string[] = [];
  let solid = 0;
  for (const root of nodes) {
    // a walk by first child and next sibling: nothing is copied, and it ends where the text is long enough
    let node: DomNode | null = root;
    while (node !== null) {
      if (DomUtils.isText(node)) {
        parts.push(node.data);
        solid += node.data.length - (node.data.match(/\s/g)?.length ?? 0);
        if (solid > max) return parts.join('');
      }
      const child: DomNode | undefined =
        DomUtils.hasChildren(node) && !DomUtils.isComment(node) ? node.children[0] : undefined;
      if (child) {
        node = child;
        continue;
      }
      while (node !== null && node !== root && !node.next) node = node.parent;
      node = node === null || node === root ? null : node.next;
    }
  }
  return parts.join('');
}
