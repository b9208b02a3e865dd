/**
 * Instagram's download (JSON): the account's posts and reels, and its comments, in every era's layout
 * matched by name (docs/owner-downloads.md, "Where these layouts come from"): `content/posts_1.json`
 * with `comments/post_comments.json` (`{comments_media_comments}`, to 2023), then
 * `your_instagram_activity/content/posts_N.json` (2024) and `your_instagram_activity/media/posts_N.json`
 * (2025). The HTML format is recognised and refused.
 */
import { isObject, type ItemFile, type Json, list, post, seconds, str } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { htmlOnly } from '../../sources/downloads/files-read.js';

const INSTAGRAM_POSTS = /(^|\/)(content|media)\/(posts_\d+|reels)\.json$/i;
const INSTAGRAM_COMMENTS = /(^|\/)comments\/(post_comments(_\d+)?|reels_comments)\.json$/i;
/** The same files in the HTML format, or its start page at the root (under a top folder or two). */
const INSTAGRAM_HTML =
  /((^|\/)(content|media)\/posts_\d+\.html|(^|\/)comments\/post_comments(_\d+)?\.html|^([^/]+\/){0,2}(start_here|index)\.html)$/i;

/**
 * The labels of a comment's `string_map_data` are written in the download's language; the ones seen
 * (English, Dutch) and, for any other, the entries' shape: the first `value` is the comment, the
 * second the media owner, the one with a `timestamp` the time.
 */
const COMMENT_LABELS = ['Comment', 'Opmerking'];
const OWNER_LABELS = ['Media Owner', 'Media-eigenaar'];

function commentFields(data: Json): { comment: string; owner: string; time: string | null } {
  const entries = Object.entries(data).filter((e): e is [string, Json] => isObject(e[1]));
  const valued = entries.filter(([, v]) => typeof v.value === 'string');
  const labelled = (labels: string[], position: number) =>
    str((valued.find(([k]) => labels.includes(k)) ?? valued[position])?.[1].value);
  const timed = entries.find(([, v]) => typeof v.timestamp === 'number');
  return {
    comment: labelled(COMMENT_LABELS, 0),
    owner: labelled(OWNER_LABELS, 1).trim(),
    time: seconds(timed?.[1].timestamp),
  };
}

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
    const { comment, owner, time } = commentFields(isObject(c.string_map_data) ? c.string_map_data : {});
    const whose =
      owner === ''
        ? {}
        : ownName !== null && owner.toLowerCase() === ownName.toLowerCase()
          ? { onOwnPost: true }
          : { answered: owner, onOwnPost: false };
    return { ...post(`${file}#${i + 1}`, time, comment, 'reply'), ...whose };
  },
};

export const format: DownloadFormat = {
  name: 'Instagram',
  files: [INSTAGRAM_POSTS, INSTAGRAM_COMMENTS, INSTAGRAM_HTML],
  expected: '…/media/posts_1.json, …/content/posts_1.json or …/comments/post_comments_1.json',
  replyWord: 'comment',
  read: async (found, d) => {
    const names = htmlOnly('Instagram’s download', found, INSTAGRAM_HTML);
    return {
      posts: [
        ...(await each(names, INSTAGRAM_POSTS, (n) => d.items(n, INSTAGRAM_POST))),
        ...(await each(names, INSTAGRAM_COMMENTS, (n) => d.items(n, INSTAGRAM_COMMENT))),
      ],
      files: names,
    };
  },
};

export const read = filesDownload(format);
