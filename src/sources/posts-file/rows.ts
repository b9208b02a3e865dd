/**
 * The generic posts file (CSV or JSON) for platforms whose public page is a wall: Facebook, Instagram,
 * LinkedIn and social-media tools export posts in this shape. Columns (case-insensitive; others ignored):
 *
 * | column          | required | meaning                                                     |
 * |-----------------|----------|-------------------------------------------------------------|
 * | `date`          | yes      | when the post was published (ISO 8601; no zone means UTC)   |
 * | `text`          |          | the post's text                                             |
 * | `isReply`       |          | true for a reply to someone (true/false, yes/no, 1/0)       |
 * | `inReplyToDate` |          | when the post replied to was written (response time)        |
 * | `inReplyToId`   |          | the id of the post replied to (a row of this file, or an X id) |
 * | `isRepost`      |          | true for a share / repost of someone else's post            |
 * | `id`            |          | the post's id (default: its row number)                     |
 * | `author`        |          | who wrote it; a reply to the same author's row is a thread  |
 *
 * A row that breaks a rule is rejected with its row number and the reason; the good rows are still used.
 */
import { POST_COLUMNS, type Post, type PostColumn } from '../../model/index.js';
import { twitterIdTime } from '../snowflake.js';
import { isMentionLed, toIso } from '../text.js';

export { POST_COLUMNS } from '../../model/index.js';
type Column = PostColumn;

const BY_LOWER = new Map(POST_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** A documented column name for a header cell, or null for a column the reader ignores. */
export function columnFor(header: string): Column | null {
  return BY_LOWER.get(header.trim().toLowerCase()) ?? null;
}

export interface PostRow {
  post: Post;
  author: string | null;
  inReplyToId: string | null;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

function flag(value: unknown, column: Column): boolean {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return false;
  const v = String(value).trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new RowError(`${column}: expected true or false, got "${String(value).slice(0, 40)}"`);
}

function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const v = String(value).trim();
  return v === '' ? null : v;
}

export class RowError extends Error {
  override name = 'RowError';
}

/** One row (already keyed by documented column) → a post, or a RowError saying what is wrong. `number` names rows without an id. */
export function rowToPost(row: Partial<Record<Column, unknown>>, number: number): PostRow {
  const rawDate = optionalText(row.date);
  if (rawDate === null) throw new RowError('date: missing');
  const createdAt = toIso(/^\d{9,13}$/.test(rawDate) ? epoch(rawDate) : rawDate);
  if (createdAt === null)
    throw new RowError(`date: "${rawDate.slice(0, 40)}" is not a date (expected ISO 8601, e.g. 2026-03-01T14:05:00Z)`);
  const isReply = flag(row.isReply, 'isReply');
  const isRepost = flag(row.isRepost, 'isRepost');
  if (isReply && isRepost) throw new RowError('isReply and isRepost are both true; expected at most one');
  const rawParentDate = optionalText(row.inReplyToDate);
  const parentDate = rawParentDate === null ? null : toIso(rawParentDate);
  if (rawParentDate !== null && parentDate === null)
    throw new RowError(`inReplyToDate: "${rawParentDate.slice(0, 40)}" is not a date`);
  const inReplyToId = optionalText(row.inReplyToId);
  const text = optionalText(row.text) ?? '';
  const reply = isReply || inReplyToId !== null || parentDate !== null;
  const kind = isRepost ? 'repost' : reply ? 'reply' : isMentionLed(text) ? 'mention' : 'original';
  return {
    post: {
      id: optionalText(row.id) ?? `row-${number}`,
      createdAt,
      text,
      kind,
      url: null,
      inReplyToCreatedAt: reply ? parentDate : null,
    },
    author: optionalText(row.author),
    inReplyToId,
  };
}

/** Epoch seconds (10 digits) or milliseconds (13). */
function epoch(digits: string): number {
  const n = Number(digits);
  return digits.length <= 10 ? n * 1000 : n;
}

/**
 * Links replies to the rows they answer, once every row is read: a reply to the same author's row is a
 * self-thread, and the parent row's date (or an X snowflake id) dates the post replied to.
 */
export function linkReplies(
  rows: PostRow[],
  snowflakes: boolean,
  others: ReadonlyMap<string, string> = new Map(),
): Post[] {
  const byId = new Map(rows.map((r) => [r.post.id, r]));
  return rows.map(({ post, author, inReplyToId }) => {
    if (post.kind !== 'reply' || inReplyToId === null) return post;
    const parent = byId.get(inReplyToId);
    if (parent && author !== null && parent.author === author)
      return { ...post, kind: 'thread', inReplyToCreatedAt: null };
    const parentAt =
      post.inReplyToCreatedAt ??
      parent?.post.createdAt ??
      others.get(inReplyToId) ??
      (snowflakes ? twitterIdTime(inReplyToId) : null);
    return { ...post, inReplyToCreatedAt: parentAt };
  });
}
