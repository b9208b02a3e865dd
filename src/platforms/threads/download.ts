/**
 * Threads, from the Instagram download: the account's threads and replies,
 * `…/threads/threads_and_replies.json` under `your_instagram_activity/` (2024–) or at the root of an
 * older download (docs/owner-downloads.md, "Where these layouts come from"). A single-media item keeps
 * its text and time in `media[0]`, a multi-media one at the top. The HTML format is recognised and refused.
 *
 * The file puts the account's replies among its threads and no download seen marks which is which
 * (`text_app_post.reply_control` says who may reply, not that it is one): unless an item says
 * `is_reply`, replies cannot be told from posts, and the note says so rather than guess.
 */
import { isObject, type ItemFile, type Json, list, post, seconds, str } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { htmlOnly } from '../../sources/downloads/files-read.js';

const THREADS_FILE = /(^|\/)threads_and_replies\.json$/i;
const THREADS_HTML = /((^|\/)threads_and_replies\.html|^([^/]+\/){0,2}(start_here|index)\.html)$/i;

export const NO_REPLY_MARK =
  "Threads' download lists the account's replies among its threads without saying which are replies";

/** Whether an item says it is a reply (`text_app_post.is_reply`), where a download marks it at all. */
function replyMark(p: Json): boolean | undefined {
  const media = list(p.media).filter(isObject)[0] ?? {};
  const app = isObject(media.text_app_post) ? media.text_app_post : isObject(p.text_app_post) ? p.text_app_post : {};
  return typeof app.is_reply === 'boolean' ? app.is_reply : undefined;
}

/**
 * `{text_post_app_text_posts: [{media: [{creation_timestamp, title, text_app_post}], title, creation_timestamp}]}`.
 */
export const THREADS_POST: ItemFile = {
  keys: ['text_post_app_text_posts'],
  item: (p, file, i) => {
    const media = list(p.media).filter(isObject)[0] ?? {};
    const created = seconds(p.creation_timestamp) ?? seconds(media.creation_timestamp);
    return post(`${file}#${i + 1}`, created, str(p.title) || str(media.title), replyMark(p) ? 'reply' : 'original');
  },
};

export const format: DownloadFormat = {
  name: 'Threads (Instagram)',
  files: [THREADS_FILE, THREADS_HTML],
  expected: '…/threads/threads_and_replies.json, in the Instagram download',
  replyWord: 'reply',
  read: async (found, d) => {
    const names = htmlOnly('Instagram’s download', found, THREADS_HTML);
    let marked = false;
    const spec: ItemFile = {
      ...THREADS_POST,
      item: (p, ...rest) => {
        if (replyMark(p) !== undefined) marked = true;
        return THREADS_POST.item(p, ...rest);
      },
    };
    const posts = await each(names, THREADS_FILE, (n) => d.items(n, spec));
    return { posts, files: names, ...(marked ? {} : { repliesHidden: NO_REPLY_MARK }) };
  },
};

export const read = filesDownload(format);
