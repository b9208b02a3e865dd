/** Threads, from the Instagram download: the account's threads and replies. */
import { isObject, type ItemFile, list, post, seconds, str } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';

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

export const format: DownloadFormat = {
  name: 'Threads (Instagram)',
  files: [/(^|\/)threads\/threads_and_replies\.json$/i],
  expected: '…/threads/threads_and_replies.json, in the Instagram download',
  replyWord: 'reply',
  read: async (names, d) => ({ posts: await each(names, /./, (n) => d.items(n, THREADS_POST)) }),
};

export const read = filesDownload(format);
