/**
 * A LinkedIn company page's content export (Page admin → Analytics → Posts → Export): a workbook whose
 * "All posts" sheet has a note on its first row and, on the second, one header per column — `Post
 * title`, `Post link`, `Post type`, `Posted by`, `Created date`, `Impressions`, `Clicks`, `Likes`,
 * `Comments`, `Reposts`, … (older exports: `Update title`, `Update link`, `Date`). The page's own posts,
 * with the number of comments each received; not the comments' texts, so the page's answers cannot be
 * read from it. Pure: sheets in, posts out. Created dates are US month/day/year, or date cells; both
 * are local times without a zone (settings.exportTimeZone).
 */
import type { Post } from '../../model/index.js';
import { parseDateIn } from '../../sources/dates.js';
import { isMentionLed } from '../../sources/text.js';
import type { Sheet, SheetCell } from '../../sources/downloads/workbook.js';

const MAX_TEXT = 2000;
const norm = (c: SheetCell) => (typeof c === 'string' ? c.trim().toLowerCase() : '');
const ROLES = {
  title: ['post title', 'update title'],
  link: ['post link', 'update link'],
  created: ['created date', 'date', 'posted on'],
  comments: ['comments'],
} as const;

/** The header row of a posts sheet: among the first six, the one that names a post link or title. */
function headerRow(sheet: Sheet): number {
  return sheet.rows.findIndex(
    (row, i) => i < 6 && row.some((c) => [...ROLES.link, ...ROLES.title].includes(norm(c) as never)),
  );
}

/** The sheet that lists posts, if the workbook has one ("All posts", or any sheet with a post-link header). */
export function postsSheet(sheets: readonly Sheet[]): Sheet | null {
  return (
    sheets.find((s) => s.name.trim().toLowerCase() === 'all posts' && headerRow(s) >= 0) ??
    sheets.find((s) => headerRow(s) >= 0) ??
    null
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A created-date cell as an instant: a date cell holds the wall-clock time as UTC fields. */
function created(cell: SheetCell, timeZone: string): string | null {
  if (cell instanceof Date) {
    const d = cell;
    const local = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return parseDateIn(local, timeZone);
  }
  if (typeof cell !== 'string') return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(cell.trim());
  if (us) return parseDateIn(`${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))} ${us[4] ?? '00:00:00'}`, timeZone);
  return parseDateIn(cell, timeZone);
}

export function linkedinPagePosts(
  sheet: Sheet,
  file: string,
  timeZone = 'UTC',
): { posts: Post[]; commentsReceived: number | null } {
  const h = headerRow(sheet);
  const header = sheet.rows[h]!.map(norm);
  const col = (names: readonly string[]) => header.findIndex((c) => names.includes(c));
  const title = col(ROLES.title);
  const link = col(ROLES.link);
  const date = col(ROLES.created);
  const comments = col(ROLES.comments);
  const posts: Post[] = [];
  let received: number | null = comments >= 0 ? 0 : null;
  sheet.rows.slice(h + 1).forEach((row, i) => {
    const url = link >= 0 && typeof row[link] === 'string' ? (row[link] as string).trim() : '';
    const text =
      title >= 0 && row[title] !== null && row[title] !== undefined ? String(row[title]).slice(0, MAX_TEXT) : '';
    if (!url && !text) return; // a blank or footer row
    const count = comments >= 0 ? Number(row[comments]) : Number.NaN;
    if (received !== null && Number.isFinite(count) && count > 0) received += count;
    posts.push({
      id: url || `${file}#${h + i + 2}`,
      createdAt: date >= 0 ? created(row[date] ?? null, timeZone) : null,
      text,
      kind: isMentionLed(text) ? 'mention' : 'original',
      url: /^https:\/\//i.test(url) ? url : null,
      inReplyToCreatedAt: null,
    });
  });
  return { posts, commentsReceived: received };
}
