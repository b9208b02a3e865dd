/**
 * The pieces every owner-download format is read with: a list file's items as posts (ItemFile,
 * itemsOf), one post from its parts, and the value helpers the formats share (src/platforms/<id>/download.ts
 * use them). Pure: parsed JSON in, posts out.
 *
 * Text is repaired where it is mojibake (UTF-8 bytes written as Latin-1 characters, as Meta writes
 * its downloads); times in Unix seconds or milliseconds are read as such.
 */
import type { Post } from '../../model/index.js';
import { isMentionLed } from '../text.js';

export const MAX_TEXT = 2000;

/** Meta's mojibake: UTF-8 bytes written as Latin-1 characters. Text that is not mojibake is returned as it is. */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  for (const ch of text) if (ch.codePointAt(0)! > 0xff) return text;
  const fixed = Buffer.from(text, 'latin1').toString('utf8');
  return fixed.includes('\ufffd') ? text : fixed;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A string value, mojibake repaired; anything else is empty. */
export const str = (v: unknown): string => (typeof v === 'string' ? repairMojibake(v) : '');
/**
 * A Unix time in seconds, as Meta writes most of them — or in milliseconds (`timestamp_ms`, some
 * newer files): a number past 10^11 is milliseconds (10^11 seconds is the year 5138).
 */
export const seconds = (v: unknown): string | null => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return null;
  const ms = v > 1e11 ? v : v * 1000;
  return ms <= 8.64e15 ? new Date(ms).toISOString() : null;
};

/** A post of the account's own, its text clipped; an original that starts with a mention is a mention. */
export function post(id: string, createdAt: string | null, text: string, kind: 'original' | 'thread' | 'reply'): Post {
  const clipped = text.slice(0, MAX_TEXT);
  return {
    id,
    createdAt,
    text: clipped,
    kind: kind === 'original' && isMentionLed(clipped) ? 'mention' : kind,
    url: null,
    inReplyToCreatedAt: null,
  };
}

/**
 * One kind of file in a download: the keys its list of items may sit under (a file is that list itself,
 * or an object holding it under one of them — Meta writes both), and how one item becomes a post.
 * Items are read one at a time, so a file can be streamed (read-files.ts).
 */
export interface ItemFile {
  keys: readonly string[];
  item(value: Json, file: string, index: number, ownName: string | null): Post;
}

/** Told how many items a list holds before they become posts (element-caps.ts: the export's cap). */
export type CountItems = (n: number) => void;
export const uncounted: CountItems = () => {};

/** The items of a whole parsed file, as posts. */
export function itemsOf(
  json: unknown,
  spec: ItemFile,
  file: string,
  ownName: string | null = null,
  count: CountItems = uncounted,
): Post[] {
  const items = Array.isArray(json)
    ? json
    : list(isObject(json) ? spec.keys.map((k) => json[k]).find(Array.isArray) : undefined);
  count(items.length);
  const posts: Post[] = [];
  items.forEach((value, i) => {
    if (isObject(value)) posts.push(spec.item(value, file, i, ownName));
  });
  return posts;
}
