/** Every object in a page's JSON-LD blocks, nested ones included (@graph, publisher, …). */
import type { CheerioAPI } from 'cheerio';
import { selectIn, selector } from './selectors.js';

const JSON_LD = selector('script[type="application/ld+json"]');

export function jsonLdObjects($: CheerioAPI): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    out.push(v as Record<string, unknown>);
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  selectIn($, JSON_LD).each((_, el) => {
    try {
      walk(JSON.parse($(el).text()), 0);
    } catch {
      // a broken JSON-LD block is common; the rest of the page still counts
    }
  });
  return out;
}
