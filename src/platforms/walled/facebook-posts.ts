/**
 * The posts a Facebook Page shows logged-out readers (m.facebook.com): each story element carries a
 * `data-ft` attribute of JSON whose `page_insights.*.post_context.publish_time` is the post's Unix time.
 */
import { loadPage } from '../../sources/markup.js';
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

export function facebookPostDates(html: string, pageUrl: string): DatedItem[] {
  if (!html.includes('publish_time')) return [];
  const $ = loadPage(html);
  const seen = new Set<string>();
  const items: DatedItem[] = [];
  $('[data-ft]').each((_, el) => {
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
    const text = $(el).find('p').text() || $(el).text();
    items.push({
      date: new Date(time * 1000).toISOString(),
      text: collapseSpaces(text).slice(0, 500),
      url: new URL(`/${id}`, pageUrl).href,
      source: 'platform',
    });
  });
  return items;
}
