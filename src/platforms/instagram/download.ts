/** Instagram's download (JSON): the account's posts and reels, and its comments. */
import { isObject, type ItemFile, list, post, seconds, str } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';

const INSTAGRAM_POSTS = /(^|\/)content\/(posts_\d+|reels)\.json$/i;
const INSTAGRAM_COMMENTS = /(^|\/)comments\/(post_comments_\d+|reels_comments)\.json$/i;

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

export const format: DownloadFormat = {
  name: 'Instagram',
  files: [INSTAGRAM_POSTS, INSTAGRAM_COMMENTS],
  expected: '…/content/posts_1.json, reels.json or …/comments/post_comments_1.json',
  replyWord: 'comment',
  read: async (names, d) => ({
    posts: [
      ...(await each(names, INSTAGRAM_POSTS, (n) => d.items(n, INSTAGRAM_POST))),
      ...(await each(names, INSTAGRAM_COMMENTS, (n) => d.items(n, INSTAGRAM_COMMENT))),
    ],
  }),
};

export const read = filesDownload(format);
