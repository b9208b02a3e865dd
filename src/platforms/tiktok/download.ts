/** TikTok's download (JSON): the account's videos and its comments, in local times without a zone. */
import { parseDateIn } from '../../sources/dates.js';
import { type CountItems, isObject, list, post, str, uncounted } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import type { Post } from '../../model/index.js';

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

export const format: DownloadFormat = {
  name: 'TikTok',
  files: [/(^|\/)user_data(_tiktok)?\.json$/i],
  expected: 'user_data.json (or user_data_tiktok.json)',
  localTimes: true,
  replyWord: 'comment',
  read: async (names, d) => ({
    posts: await each(names, /./, async (n) => {
      const { videos, comments } = tiktokPosts(await d.json(n), n, d.timeZone, d.count);
      return [...videos, ...comments];
    }),
  }),
};

export const read = filesDownload(format);
