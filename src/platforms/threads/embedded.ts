/**
 * The posts a public Threads profile page embeds for its first render: JSON in
 * `<script type="application/json" data-sjs>` blocks, where each `thread_items` array lists a thread's
 * posts in order, each `{post: {pk, code, taken_at, caption: {text}, user: {username},
 * text_post_app_info: {reply_to_author: {username} | null}}}`.
 */
import { loadPage } from '../../sources/markup.js';
import { selectIn, selector } from '../../sources/selectors.js';
import type { Post } from '../../model/index.js';

interface ThreadsPost {
  pk?: string | number;
  code?: string;
  taken_at?: number;
  caption?: { text?: string } | null;
  user?: { username?: string };
  text_post_app_info?: { reply_to_author?: { username?: string } | null } | null;
}

function threadItemLists(value: unknown, out: ThreadsPost[][], depth = 0): void {
  if (depth > 40 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) threadItemLists(v, out, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'thread_items' && Array.isArray(child)) {
      out.push(child.flatMap((i) => ((i as { post?: ThreadsPost })?.post ? [(i as { post: ThreadsPost }).post] : [])));
    } else threadItemLists(child, out, depth + 1);
  }
}

const time = (p: ThreadsPost | undefined) =>
  typeof p?.taken_at === 'number' ? new Date(p.taken_at * 1000).toISOString() : null;

/** The account's own posts on the page, classified; other people's posts only date what was replied to. */
const JSON_SCRIPT = selector('script[type="application/json"]');

export function embeddedThreadsPosts(html: string, username: string, origin: string): Post[] {
  const $ = loadPage(html);
  const lists: ThreadsPost[][] = [];
  selectIn($, JSON_SCRIPT).each((_, el) => {
    const text = $(el).text();
    if (!text.includes('thread_items')) return;
    try {
      threadItemLists(JSON.parse(text), lists);
    } catch {
      // one unreadable block does not hide the others
    }
  });
  const own = (p: ThreadsPost | undefined) => p?.user?.username?.toLowerCase() === username.toLowerCase();
  const seen = new Set<string>();
  const posts: Post[] = [];
  for (const items of lists) {
    for (const [i, p] of items.entries()) {
      const id = String(p.pk ?? p.code ?? '');
      if (!own(p) || !id || seen.has(id)) continue;
      seen.add(id);
      const text = p.caption?.text ?? '';
      const base = {
        id,
        createdAt: time(p),
        text: text.slice(0, 2000),
        url: p.code ? `${origin}/@${username}/post/${p.code}` : null,
        inReplyToCreatedAt: null,
      };
      const replyTo = p.text_post_app_info?.reply_to_author?.username;
      if (!replyTo) posts.push({ ...base, kind: /^\s*@[\w.]+/.test(text) ? 'mention' : 'original' });
      else if (replyTo.toLowerCase() === username.toLowerCase()) posts.push({ ...base, kind: 'thread' });
      else {
        const parent = items[i - 1];
        posts.push({ ...base, kind: 'reply', inReplyToCreatedAt: parent && !own(parent) ? time(parent) : null });
      }
    }
  }
  return posts;
}
