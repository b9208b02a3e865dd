/**
 * The posts a Facebook Page shows logged-out readers (m.facebook.com): each story element carries a
 * `data-ft` attribute of JSON whose `page_insights.*.post_context.publish_time` is the post's Unix time.
 */
import { loadPage } from '../../sources/markup.js';
import { matchesUnder, selectIn, selector } from '../../sources/selectors.js';
import { textUpTo } from '../../sources/dom-text.js';
import { collapseSpaces } from '../../sources/spaces.js';
import type { DatedItem } from '../web/page-dates.js';

function findPublishTime(value: unknown, depth = 0): number | null {
  if (depth > 8 || !value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (typeof record.publish_time === 'number') return record.publish_time;
  for (const child of Object.values(record)) {
    const found = findPublishTime(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const MAX_TEXT = 500;
const STORY = selector('[data-ft]');
const PARAGRAPH = selector('p');

export function facebookPostDates(html: string, pageUrl: string): DatedItem[] {
  if (!html.includes('publish_time')) return [];
  const $ = loadPage(html);
  const seen = new Set<string>();
  const items: DatedItem[] = [];
  selectIn($, STORY).each((_, el) => {
    let ft: Record<string, unknown>;
    try {
      ft = JSON.parse($(el).attr('data-ft') ?? '');
    } catch {
      return;
    }
    const time = findPublishTime(ft);
    if (time === null) return;
    const id = String(ft.top_level_post_id ?? ft.mf_story_key ?? time);
    if (seen.has(id)) return;
    seen.add(id);
    // read only as far as the 500 characters kept: a story nested in another is not read whole each time
    const text = textUpTo(matchesUnder(el, PARAGRAPH), MAX_TEXT) || textUpTo([el], MAX_TEXT);
    items.push({
      date: new Date(time * 1000).toISOString(),
      text: collapseSpaces(text).slice(0, MAX_TEXT),
      url: new URL(`/${id}`, pageUrl).href,
      source: 'platform',
    });
  });
  return items;
}
