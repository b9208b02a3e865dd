/**
 * LinkedIn's downloads: a page's content export (.xlsx, or its CSV) and a member's data export
 * (`Shares.csv`, `Comments.csv`), in local times without a zone.
 */
import { plural, type Post } from '../../model/index.js';
import { parseDateIn } from '../../sources/dates.js';
import { type Json, post, str } from '../../sources/downloads/items.js';
import { append, type DownloadFormat, each, mapRows, type Sheet } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';
import { linkedinPagePosts, postsSheet } from './page-export.js';

// a member's files may carry its member id: `Shares_17529409.csv`
const LINKEDIN_SHARES = /(^|\/)Shares(_[\w-]+)?\.csv$/i;
const LINKEDIN_COMMENTS = /(^|\/)Comments(_[\w-]+)?\.csv$/i;
/**
 * A share's `Visibility` that keeps it from the public: connections only, or a group's members
 * (CONTAINER). PUBLIC, MEMBER_NETWORK and LOGGED_IN (anyone signed in to LinkedIn) are public
 * presence; a blank or missing one (older exports) is read as public.
 */
const NOT_PUBLIC = /^(CONNECTIONS|CONNECTIONS_ONLY|CONTAINER)$/i;
const LINKEDIN_PAGE = /(^|\/)[^/]*\.(xlsx|xls)$/i;
const LINKEDIN_PAGE_CSV = /(^|\/)[^/]*content[^/]*\.csv$/i;

/** A row's cell under a header, matched without case or surrounding spaces. */
function cell(row: Json, name: string): string {
  const key = Object.keys(row).find((k) => k.trim().toLowerCase() === name.toLowerCase());
  return key === undefined ? '' : str(row[key]);
}

/**
 * A LinkedIn member's data export (a personal profile used as a brand voice): `Shares.csv` (`Date`,
 * `ShareCommentary`, `ShareLink`) are its posts, `Comments.csv` (`Date`, `Message`, `Link`) its
 * comments. Rows as objects keyed by header; LinkedIn's times have no zone and are read as UTC.
 */
export function linkedinRow(
  row: Json,
  file: string,
  index: number,
  kind: 'original' | 'reply',
  timeZone = 'UTC',
): Post {
  const value = (name: string) => cell(row, name);
  const text = kind === 'original' ? value('ShareCommentary') : value('Message');
  const link = value(kind === 'original' ? 'ShareLink' : 'Link');
  return { ...post(`${file}#${index + 2}`, parseDateIn(value('Date'), timeZone), text, kind), url: link || null };
}

export const format: DownloadFormat = {
  name: 'LinkedIn',
  files: [LINKEDIN_SHARES, LINKEDIN_COMMENTS, LINKEDIN_PAGE, LINKEDIN_PAGE_CSV],
  expected:
    "a page's content export (.xlsx, from Analytics → Posts → Export) or Shares.csv / Comments.csv of a member's data export",
  localTimes: true,
  replyWord: 'comment',
  read: async (names, d) => {
    let notPublic = 0;
    const member = [
      ...(await each(names, LINKEDIN_SHARES, (n) =>
        mapRows(d.rows(n), (row, i) => {
          if (NOT_PUBLIC.test(cell(row, 'Visibility').trim())) {
            notPublic++;
            return null;
          }
          return linkedinRow(row, n, i, 'original', d.timeZone);
        }),
      )),
      ...(await each(names, LINKEDIN_COMMENTS, (n) =>
        mapRows(d.rows(n), (row, i) => linkedinRow(row, n, i, 'reply', d.timeZone)),
      )),
    ];
    const left = notPublic > 0 ? [`${plural(notPublic, 'connections-only share')} left out`] : [];
    const pageFiles = names.filter((n) => LINKEDIN_PAGE.test(n) || LINKEDIN_PAGE_CSV.test(n));
    if (pageFiles.length === 0) return { posts: member, ...(left.length ? { extra: left } : {}) };
    const posts = [...member];
    let received: number | null = null;
    for (const name of pageFiles) {
      const sheets = LINKEDIN_PAGE.test(name)
        ? await d.sheets(name)
        : [{ name, rows: (await d.csvArrays(name)) as Sheet['rows'] }];
      const sheet = postsSheet(sheets);
      if (sheet === null)
        throw new ArchiveError(
          `${name}: no sheet lists posts (expected an "All posts" sheet with Post title, Post link and Created date columns); its sheets: ${sheets.map((s) => s.name).join(', ')}`,
        );
      const page = linkedinPagePosts(sheet, name, d.timeZone);
      d.count(page.posts.length);
      append(posts, page.posts);
      if (page.commentsReceived !== null) received = (received ?? 0) + page.commentsReceived;
    }
    return {
      posts,
      ...(received === null && left.length === 0
        ? {}
        : { extra: [...(received === null ? [] : [`its posts received ${plural(received, 'comment')}`]), ...left] }),
      ...(member.length === 0
        ? {
            repliesHidden:
              "a LinkedIn page's content export counts the comments each post received, not what the page answered",
          }
        : {}),
    };
  },
};

export const read = filesDownload(format);
