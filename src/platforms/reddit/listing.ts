/**
 * Reddit's public JSON Listing (`{kind: "Listing", data: {children: [{kind: "t1"|"t3", data}], after}}`):
 * t3 is a submission, t1 a comment. A user's comments are conversation (replies); a top-level comment on
 * the user's own submission continues their own thread; a crosspost is a repost.
 */
import type { AudienceThread, Post, ThreadReply } from '../../model/index.js';

interface Thing {
  kind?: string;
  data?: Record<string, unknown>;
}

export interface Listing {
  posts: Post[];
  after: string | null;
  /** The submissions (t3) with their comment counts: the threads listening may read. */
  submissions: Array<{ id: string; createdAt: string | null; replies: number; url: string | null }>;
}

export class ListingError extends Error {
  override name = 'ListingError';
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const MAX_TEXT = 2000;

export function thingToPost(thing: Thing, origin: string): Post | null {
  const d = thing.data;
  if (!d || (thing.kind !== 't1' && thing.kind !== 't3')) return null;
  const created = typeof d.created_utc === 'number' ? new Date(d.created_utc * 1000).toISOString() : null;
  // comments of older listings carry no permalink: it is built from the subreddit, submission and comment ids
  const sub = str(d.subreddit);
  const link = str(d.link_id)?.replace(/^t3_/, '');
  const permalink =
    str(d.permalink) ?? (sub && link && str(d.id) ? `/r/${sub}/comments/${link}/_/${str(d.id)}/` : null);
  const base = {
    id: str(d.name) ?? str(d.id) ?? '',
    createdAt: created,
    url: permalink ? new URL(permalink, origin).href : null,
    inReplyToCreatedAt: null,
  };
  if (thing.kind === 't3') {
    const text = [str(d.title), str(d.selftext)].filter(Boolean).join('\n\n').slice(0, MAX_TEXT);
    return { ...base, text, kind: d.crosspost_parent ? 'repost' : 'original' };
  }
  const text = (str(d.body) ?? '').slice(0, MAX_TEXT);
  const onOwnPost = str(d.parent_id)?.startsWith('t3_') && str(d.link_author) !== null && d.link_author === d.author;
  return { ...base, text, kind: onOwnPost ? 'thread' : 'reply' };
}

/**
 * A submission's comment tree (`/comments/<id>.json`: `[submission Listing, comments Listing]`), as
 * thread replies: every comment with the one it answers (`parent_id`: `t3_` the submission, `t1_` a
 * comment). Deleted authors (`[deleted]`) and "more" stubs (collapsed comments not loaded) are left out.
 */
export function commentTree(json: unknown, submissionId: string, origin: string): AudienceThread {
  if (!Array.isArray(json) || json.length < 2) throw new ListingError('expected [submission, comments] Listings');
  const replies: ThreadReply[] = [];
  const walk = (listing: unknown) => {
    const children = (listing as { data?: { children?: Thing[] } } | null)?.data?.children;
    if (!Array.isArray(children)) return;
    for (const t of children) {
      const d = t.data;
      if (t.kind !== 't1' || !d) continue;
      const author = str(d.author);
      const name = str(d.name) ?? (str(d.id) ? `t1_${str(d.id)}` : null);
      const parent = str(d.parent_id);
      if (author && author !== '[deleted]' && name && parent)
        replies.push({
          id: name,
          parentId: parent,
          author: `https://www.reddit.com/user/${author}`,
          createdAt: typeof d.created_utc === 'number' ? new Date(d.created_utc * 1000).toISOString() : null,
          text: (str(d.body) ?? '').slice(0, MAX_TEXT),
          url: str(d.permalink) ? new URL(str(d.permalink)!, origin).href : null,
        });
      walk(d.replies);
    }
  };
  walk(json[1]);
  return { rootId: `t3_${submissionId}`, rootUrl: null, replies };
}

export function parseListing(json: unknown, origin: string): Listing {
  const listing = json as { kind?: string; data?: { children?: Thing[]; after?: unknown } } | null;
  if (listing?.kind !== 'Listing' || !Array.isArray(listing.data?.children)) {
    throw new ListingError('expected a Reddit Listing ({"kind": "Listing", "data": {"children": [...]}})');
  }
  const submissions = listing.data.children.flatMap((t) => {
    const post = t.kind === 't3' ? thingToPost(t, origin) : null;
    const id = str(t.data?.id);
    if (!post || !id || post.kind === 'repost') return [];
    const replies = typeof t.data?.num_comments === 'number' ? t.data.num_comments : 0;
    return [{ id, createdAt: post.createdAt, replies, url: post.url }];
  });
  return {
    posts: listing.data.children.flatMap((t) => thingToPost(t, origin) ?? []),
    after: str(listing.data.after),
    submissions,
  };
}
