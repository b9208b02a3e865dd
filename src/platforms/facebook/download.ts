/**
 * Facebook's "Download Your Information" (JSON): the account's posts and its comments, Meta's text
 * mojibake repaired and its Unix times read as such. Every era's layout is matched by its files'
 * names, not a root (docs/owner-downloads.md, "Where these layouts come from"):
 * `posts/your_posts_1.json` with `comments/comments.json` (to 2020) or
 * `comments_and_reactions/comments.json` (2021–22), then
 * `your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json` (2023–24,
 * double underscores) and `your_facebook_activity/posts/…` (2024–), in numbered parts, under a top
 * folder or two. The HTML format is recognised and refused.
 */
import { isObject, type ItemFile, list, post, seconds, str } from '../../sources/downloads/items.js';
import { type DownloadFormat, each } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { htmlOnly } from '../../sources/downloads/files-read.js';

const FACEBOOK_POSTS =
  /(^|\/)posts\/(your_posts|profile_posts|your_posts__check_ins__photos_and_videos|your_posts_check_ins_photos_and_videos)_\d+\.json$/i;
const FACEBOOK_COMMENTS = /(^|\/)comments(_and_reactions)?\/comments(_v2)?(_\d+)?\.json$/i;
/** The same files in the HTML format, or its start page at the root (under a top folder or two). */
const FACEBOOK_HTML =
  /((^|\/)posts\/(your_posts|your_posts__check_ins__photos_and_videos)_\d+\.html|(^|\/)comments(_and_reactions)?\/comments\.html|^([^/]+\/){0,2}(start_here|index)\.html)$/i;
/**
 * Posts in groups are not counted: a group is often closed or secret, and what the account writes
 * there is not its page's public voice; the note says they were left out.
 */
const FACEBOOK_GROUP_POSTS = /(^|\/)groups\/(group_posts_and_comments|your_comments_in_groups)\.json$/i;

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

export const format: DownloadFormat = {
  name: 'Facebook',
  files: [FACEBOOK_POSTS, FACEBOOK_COMMENTS, FACEBOOK_HTML],
  expected: '…/your_posts__check_ins__photos_and_videos_1.json, …/your_posts_1.json or …/comments.json',
  replyWord: 'comment',
  read: async (found, d) => {
    const names = htmlOnly('Download Your Information', found, FACEBOOK_HTML);
    const groups = d.names.filter((n) => FACEBOOK_GROUP_POSTS.test(n));
    return {
      posts: [
        ...(await each(names, FACEBOOK_POSTS, (n) => d.items(n, FACEBOOK_POST))),
        ...(await each(names, FACEBOOK_COMMENTS, (n) => d.items(n, FACEBOOK_COMMENT))),
      ],
      files: names,
      extra: groups.length ? ['its posts and comments in groups not counted (a group is not its public page)'] : [],
    };
  },
};

export const read = filesDownload(format);
