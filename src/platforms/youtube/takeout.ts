/**
 * A YouTube channel's Google Takeout ("YouTube and YouTube Music"), as posts. Pure: rows of the CSV
 * files (objects keyed by header) in, posts out.
 *
 * - `video metadata/videos.csv` (older Takeouts: `videos/videos.csv`): one row per video — `Video ID`,
 *   `Video Title (Original)`, `Privacy`, `Video Create Timestamp`, `Video Publish Timestamp`, … Only
 *   public videos are the channel's public presence; private and unlisted ones are counted, not read.
 * - `comments/comments.csv`: the channel's own comments — `Comment ID`, `Channel ID`, `Comment Create
 *   Timestamp`, `Parent Comment ID`, `Video ID`, `Comment Text`. Since mid-2024 the text is a run of
 *   JSON segments (`{"text":"…"},{"text":"…"}`); before, `{"takeoutSegments":[{"text":"…"}]}`.
 * Header spelling varies between Takeouts ("Video Title (Original)", "Video title (original)"), so
 * headers are matched without case or spaces. The layouts follow google_takeout_parser's tests (docs/owner-downloads.md).
 */
import type { Post } from '../../model/index.js';
import { parseDate } from '../../sources/dates.js';
import { isMentionLed } from '../../sources/text.js';

type Row = Record<string, unknown>;
const MAX_TEXT = 2000;
const squeeze = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** A row's value under the first of `names` it has, matched without case or spaces. */
export function field(row: Row, ...names: string[]): string {
  for (const name of names) {
    const wanted = squeeze(name);
    const key = Object.keys(row).find((k) => squeeze(k) === wanted);
    if (key !== undefined && typeof row[key] === 'string' && row[key] !== '') return row[key] as string;
  }
  return '';
}

/** A Takeout comment's text: JSON segments joined, or the text as it is when it is not JSON. */
export function takeoutText(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('{')) return text;
  try {
    const parsed: unknown[] = JSON.parse(`[${text}]`);
    const segments = parsed.flatMap((item) => {
      const o = item as { takeoutSegments?: unknown; text?: unknown };
      return Array.isArray(o?.takeoutSegments) ? o.takeoutSegments : [o];
    });
    return segments
      .map((s) => (s as { text?: unknown })?.text ?? '')
      .filter((t) => typeof t === 'string')
      .join('');
  } catch {
    return text;
  }
}

const watch = (videoId: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;

/** One row of `videos.csv`; null for a private or unlisted video (not the channel's public presence). */
export function youtubeVideo(row: Row, file: string, index: number): Post | null {
  const privacy = field(row, 'Privacy').toLowerCase();
  if (privacy !== '' && privacy !== 'public') return null;
  const id = field(row, 'Video ID');
  const text = field(row, 'Video Title (Original)', 'Video Title').slice(0, MAX_TEXT);
  return {
    id: id || `${file}#${index + 2}`,
    createdAt: parseDate(field(row, 'Video Publish Timestamp')) ?? parseDate(field(row, 'Video Create Timestamp')),
    text,
    kind: isMentionLed(text) ? 'mention' : 'original',
    url: id ? watch(id) : null,
    inReplyToCreatedAt: null,
  };
}

/** One row of `comments.csv`; `ownVideos` (the channel's video ids) tells which were written under its own videos. */
export function youtubeComment(row: Row, file: string, index: number, ownVideos: ReadonlySet<string>): Post {
  const videoId = field(row, 'Video ID');
  const commentId = field(row, 'Comment ID');
  // a reply to another comment answers someone (the file does not say whom); a top-level comment
  // under the channel's own video is the channel continuing its own thread (issue 31, item 7)
  const answersAComment = field(row, 'Parent Comment ID') !== '';
  return {
    id: commentId || `${file}#${index + 2}`,
    createdAt: parseDate(field(row, 'Comment Create Timestamp')),
    text: takeoutText(field(row, 'Comment Text')).slice(0, MAX_TEXT),
    kind: 'reply',
    url: videoId ? `${watch(videoId)}${commentId ? `&lc=${encodeURIComponent(commentId)}` : ''}` : null,
    inReplyToCreatedAt: null,
    onOwnPost: videoId !== '' && ownVideos.has(videoId),
    ...(answersAComment ? { answersSomeone: true } : {}),
  };
}
