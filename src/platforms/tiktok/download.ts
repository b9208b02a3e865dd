/**
 * TikTok's download (JSON): the account's public videos and its comments, in local times without a zone.
 * `user_data_tiktok.json` (`user_data.json` before 2024), given itself, zipped or unpacked. Newer exports
 * rename sections (`Video.Videos.VideoList` → `Post.Posts.VideoList`) and write comment keys lower-case;
 * both are read. Videos whose `WhoCanView` is not `Everyone` are left out and only counted, and the
 * `Direct Messages` section is never read: private content must not reach a report.
 */
import { plural, type Post } from '../../model/index.js';
import { parseDateIn } from '../../sources/dates.js';
import { openDownload } from '../../sources/downloads/download.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { type CountItems, isObject, type Json, list, post, str, uncounted } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import type { OwnerDownload } from '../../sources/downloads/types.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';

const USER_DATA = /(^|\/)user_data(_tiktok)?\.json$/i;

/** A key as TikTok writes it, capitalised (`Date`) or, in newer exports, lower-case (`date`). */
const field = (item: Json, key: string): unknown => item[key] ?? item[key.toLowerCase()];

/** Who may see a video: only `Everyone` is public; a video without the key (older exports) is taken as public. */
const isPublic = (video: Json) => {
  const who = field(video, 'WhoCanView');
  return typeof who !== 'string' || who.trim() === '' || /^everyone$/i.test(who.trim());
};

/** TikTok `user_data.json`: videos (`Video.Videos.VideoList[]`, or `Post.Posts.VideoList[]`) and comments (`Comment.Comments.CommentsList[]`). */
export function tiktokPosts(
  json: unknown,
  file: string,
  timeZone = 'UTC',
  count: CountItems = uncounted,
): { videos: Post[]; comments: Post[]; notPublic: number } {
  const root = isObject(json) ? json : {};
  const at = (...paths: string[][]): unknown[] => {
    for (const keys of paths) {
      let v: unknown = root;
      for (const k of keys) v = isObject(v) ? v[k] : undefined;
      // an empty section is `null` in the export, not `[]`
      if (Array.isArray(v)) {
        count(v.length);
        return v;
      }
    }
    return [];
  };
  const when = (v: unknown) => (typeof v === 'string' ? parseDateIn(v, timeZone) : null);
  const all = at(
    ['Video', 'Videos', 'VideoList'],
    ['Post', 'Posts', 'VideoList'],
    ['Videos', 'Videos', 'VideoList'],
    ['Posts', 'Posts', 'VideoList'],
  ).filter(isObject);
  const videos = all
    .filter(isPublic)
    .map((v, i) =>
      post(
        `${file}#video-${i + 1}`,
        when(field(v, 'Date')),
        str(field(v, 'Title')) || str(field(v, 'Description')) || str(field(v, 'Link')),
        'original',
      ),
    );
  const comments = list(at(['Comment', 'Comments', 'CommentsList']))
    .filter(isObject)
    .map((c, i) => post(`${file}#comment-${i + 1}`, when(field(c, 'Date')), str(field(c, 'Comment')), 'reply'));
  return { videos, comments, notPublic: all.length - videos.length };
}

export const format: DownloadFormat = {
  name: 'TikTok',
  files: [USER_DATA],
  expected: 'user_data_tiktok.json (or user_data.json)',
  localTimes: true,
  replyWord: 'comment',
  read: async (names, d) => {
    let notPublic = 0;
    const posts = await each(names, /./, async (n) => {
      const { videos, comments, notPublic: left } = tiktokPosts(await d.json(n), n, d.timeZone, d.count);
      notPublic += left;
      return [...videos, ...comments];
    });
    return { posts, ...(notPublic > 0 ? { extra: [`${plural(notPublic, 'video')} not public left out`] } : {}) };
  },
};

/** TikTok's other download format: folders of .txt files (`Comments.txt`, `Posts.txt`, `Videos/Videos.txt`…), not read. */
async function txtFiles(place: Parameters<OwnerDownload>[0]): Promise<string[]> {
  const download = await openDownload(place.path, place.folder).catch(() => null);
  if (download === null) return [];
  try {
    if (download.names.some((n) => USER_DATA.test(n))) return [];
    return download.names.filter((n) => /\.txt$/i.test(n));
  } finally {
    await download.close();
  }
}

const readJson = filesDownload(format);

export const read: OwnerDownload = async (place) => {
  try {
    return await readJson(place);
  } catch (error) {
    // only once the JSON could not be read is the download looked at again, for the TXT format
    if (!(error instanceof ArchiveError)) throw error;
    const txt = await txtFiles(place);
    if (txt.length === 0) throw error;
    const some = txt.slice(0, 3).join(', ') + (txt.length > 3 ? ', …' : '');
    throw new ArchiveError(
      `this is TikTok's TXT format (${some}); expected ${format.expected}: request the JSON format`,
    );
  }
};
