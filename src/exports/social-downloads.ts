/**
 * The data downloads Facebook, Instagram and TikTok give an account's owner, as posts: the account's
 * own posts (originals) and its comments (replies: where the brand talks with people). Pure: parsed
 * JSON in, posts out. What a download cannot show is said by the caller: none of them dates the
 * comment a reply answers, so response time is not measurable from them.
 *
 * Known quirks: Meta writes UTF-8 text as one \u00XX escape per byte ("Ã©" for "é"), repaired here;
 * Meta's times are Unix seconds; TikTok's are local times without a zone, read as UTC (said in the note).
 */
import type { Post } from '../model/index.js';
import { parseDate, parseDateIn } from '../sources/dates.js';
import { htmlToText, isMentionLed } from '../sources/text.js';

const MAX_TEXT = 2000;

/** Meta's mojibake: UTF-8 bytes written as Latin-1 characters. Text that is not mojibake is returned as it is. */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  for (const ch of text) if (ch.codePointAt(0)! > 0xff) return text;
  const fixed = Buffer.from(text, 'latin1').toString('utf8');
  return fixed.includes('\ufffd') ? text : fixed;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? repairMojibake(v) : '');
/**
 * A Unix time in seconds, as Meta writes most of them — or in milliseconds (`timestamp_ms`, some
 * newer files): a number past 10^11 is milliseconds (10^11 seconds is the year 5138).
 */
export const seconds = (v: unknown): string | null => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return null;
  const ms = v > 1e11 ? v : v * 1000;
  return ms <= 8.64e15 ? new Date(ms).toISOString() : null;
};

function post(id: string, createdAt: string | null, text: string, kind: 'original' | 'thread' | 'reply'): Post {
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
 * Items are read one at a time, so a file can be streamed (social-download-files.ts).
 */
export interface ItemFile {
  keys: readonly string[];
  item(value: Json, file: string, index: number, ownName: string | null): Post;
}

/** Told how many items a list holds before they become posts (element-caps.ts: the export's cap). */
export type CountItems = (n: number) => void;
const uncounted: CountItems = () => {};

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

/** Facebook `…/posts/your_posts_1.json` (or `profile_posts_1.json`): `[{timestamp, data: [{post}], title}]`. */
export const FACEBOOK_POST: ItemFile = {
  keys: ['status_updates_v2'],
  item: (p, file, i) => {
    const text = list(p.data)
      .filter(isObject)
      .map((d) => str(d.post))
      .filter(Boolean)
      .join('\n');
    return post(`${file}#${i + 1}`, seconds(p.timestamp ?? p.timestamp_ms), text || str(p.title), 'original');
  },
};

/**
 * Whom a Facebook comment answered, from its title: "Northwind replied to Ann Lee's comment.",
 * "Northwind commented on Bob's post.", "Northwind commented on their own photo." Null when the title
 * says neither.
 */
export function facebookTarget(title: string): { answered?: string; onOwnPost?: boolean; toSelf?: true } {
  const m =
    /^(.+?) (?:replied to|commented on) (.+?)(?:['’]s?)? (?:own )?(comment|post|photo|video|reel|status|link|album|story|live video)\b/i.exec(
      title,
    );
  if (!m) return {};
  const [, actor, target, what] = m as unknown as [string, string, string, string];
  const own = /^(his|her|their|its)( own)?$/i.test(target) || target === actor;
  // "replied to their own comment" answers nobody else: the brand continuing its own thread
  if (own) return what.toLowerCase() === 'comment' ? { toSelf: true } : { onOwnPost: true };
  return { answered: target, ...(what.toLowerCase() === 'comment' ? {} : { onOwnPost: false }) };
}

/** Facebook `…/comments_and_reactions/comments.json`: `{comments_v2: [{timestamp, data: [{comment: {comment}}], title}]}`. */
export const FACEBOOK_COMMENT: ItemFile = {
  keys: ['comments_v2', 'comments'],
  item: (c, file, i) => {
    const inner = list(c.data).filter(isObject)[0]?.comment;
    const text = isObject(inner) ? str(inner.comment) : '';
    const created = seconds(c.timestamp ?? c.timestamp_ms) ?? seconds(isObject(inner) ? inner.timestamp : undefined);
    const { toSelf, ...target } = facebookTarget(str(c.title));
    return { ...post(`${file}#${i + 1}`, created, text, toSelf ? 'thread' : 'reply'), ...target };
  },
};

/** Instagram `content/posts_1.json` (`[{media: [{creation_timestamp, title}], title}]`) and `reels.json` (`{ig_reels_media: [...]}`). */
export const INSTAGRAM_POST: ItemFile = {
  keys: ['ig_reels_media'],
  item: (p, file, i) => {
    const media = list(p.media).filter(isObject);
    const created = seconds(p.creation_timestamp) ?? seconds(media[0]?.creation_timestamp);
    return post(`${file}#${i + 1}`, created, str(p.title) || str(media[0]?.title), 'original');
  },
};

/**
 * Instagram `comments/post_comments_1.json` (and `reels_comments.json`: `{comments_reels_comments: [...]}`): `[{string_map_data: {Comment: {value}, "Media Owner":
 * {value}, Time: {timestamp}}}]`. The media owner says whose post the comment is under: the account's
 * own (`ownName`, from the profile's URL) or someone else's.
 */
export const INSTAGRAM_COMMENT: ItemFile = {
  keys: ['comments_media_comments', 'comments_reels_comments'],
  item: (c, file, i, ownName) => {
    const data = isObject(c.string_map_data) ? c.string_map_data : {};
    const comment = isObject(data.Comment) ? str(data.Comment.value) : '';
    const time = isObject(data.Time) ? seconds(data.Time.timestamp) : null;
    const owner = isObject(data['Media Owner']) ? str(data['Media Owner'].value).trim() : '';
    const whose =
      owner === ''
        ? {}
        : ownName !== null && owner.toLowerCase() === ownName.toLowerCase()
          ? { onOwnPost: true }
          : { answered: owner, onOwnPost: false };
    return { ...post(`${file}#${i + 1}`, time, comment, 'reply'), ...whose };
  },
};

/** TikTok `user_data.json`: videos (`Video.Videos.VideoList[]`: `Date`, `Link`) and comments (`Comment.Comments.CommentsList[]`). */
export function tiktokPosts(
  json: unknown,
  file: string,
  timeZone = 'UTC',
  count: CountItems = uncounted,
): { videos: Post[]; comments: Post[] } {
  const root = isObject(json) ? json : {};
  const at = (...keys: string[]): unknown[] => {
    let v: unknown = root;
    for (const k of keys) v = isObject(v) ? v[k] : undefined;
    const items = list(v);
    count(items.length);
    return items;
  };
  const when = (v: unknown) => (typeof v === 'string' ? parseDateIn(v, timeZone) : null);
  const videos = at('Video', 'Videos', 'VideoList')
    .filter(isObject)
    .map((v, i) => post(`${file}#video-${i + 1}`, when(v.Date), str(v.Description) || str(v.Link), 'original'));
  const comments = at('Comment', 'Comments', 'CommentsList')
    .filter(isObject)
    .map((c, i) => post(`${file}#comment-${i + 1}`, when(c.Date ?? c.date), str(c.Comment ?? c.comment), 'reply'));
  return { videos, comments };
}

/**
 * Threads, from the Instagram download: `…/threads/threads_and_replies.json`,
 * `{text_post_app_text_posts: [{media: [{creation_timestamp, title, text_app_post: {is_reply}}], title}]}`.
 */
export const THREADS_POST: ItemFile = {
  keys: ['text_post_app_text_posts'],
  item: (p, file, i) => {
    const media = list(p.media).filter(isObject)[0] ?? {};
    const app = isObject(media.text_app_post) ? media.text_app_post : isObject(p.text_app_post) ? p.text_app_post : {};
    const created = seconds(media.creation_timestamp) ?? seconds(p.creation_timestamp);
    return post(
      `${file}#${i + 1}`,
      created,
      str(p.title) || str(media.title),
      app.is_reply === true ? 'reply' : 'original',
    );
  },
};

/**
 * A Mastodon account archive's `outbox.json` (ActivityStreams): `Create` of a `Note` is a post — a
 * reply where it has `inReplyTo`, a self-thread where that is the actor's own status — and `Announce`
 * is a boost. The whole history, beyond what the API pages show.
 */
export function mastodonOutbox(json: unknown, actorId: string | null, count: CountItems = uncounted): Post[] {
  const all = list(isObject(json) ? json.orderedItems : undefined);
  count(all.length);
  const items = all.filter(isObject);
  return items.flatMap((item, i): Post[] => {
    const published = typeof item.published === 'string' ? parseDate(item.published) : null;
    if (item.type === 'Announce')
      return [
        {
          id: String(item.id ?? `boost-${i + 1}`),
          createdAt: published,
          text: '',
          kind: 'repost',
          url: null,
          inReplyToCreatedAt: null,
        },
      ];
    if (item.type !== 'Create' || !isObject(item.object)) return [];
    const note = item.object;
    const text = htmlToText(typeof note.content === 'string' ? note.content : '').slice(0, MAX_TEXT);
    const parent = typeof note.inReplyTo === 'string' ? note.inReplyTo : null;
    const own = actorId !== null && (parent?.startsWith(`${actorId}/statuses/`) ?? false);
    const kind = parent === null ? (isMentionLed(text) ? 'mention' : 'original') : own ? 'thread' : 'reply';
    const created = (typeof note.published === 'string' ? parseDate(note.published) : null) ?? published;
    const url = typeof note.url === 'string' ? note.url : null;
    const whom = kind === 'reply' && parent !== null ? { answered: parent.replace(/\/statuses\/.*$/, '') } : {};
    return [
      {
        id: String(note.id ?? `note-${i + 1}`),
        createdAt: created,
        text,
        kind,
        url,
        inReplyToCreatedAt: null,
        ...whom,
      },
    ];
  });
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
  const value = (name: string) => {
    const key = Object.keys(row).find((k) => k.trim().toLowerCase() === name.toLowerCase());
    return key === undefined ? '' : str(row[key]);
  };
  const text = kind === 'original' ? value('ShareCommentary') : value('Message');
  const link = value(kind === 'original' ? 'ShareLink' : 'Link');
  return { ...post(`${file}#${index + 2}`, parseDateIn(value('Date'), timeZone), text, kind), url: link || null };
}
