/**
 * Reddit's public JSON Listing (`{kind: "Listing", data: {children: [{kind: "t1"|"t3", data}], after}}`):
 * t3 is a submission, t1 a comment. A user's comments are conversation (replies); a top-level comment on
 * the user's own submission continues their own thread; a crosspost is a repost.
 */
import type { Post } from '../../model/index.js';

interface Thing {
  kind?: string;
  data?: Record<string, unknown>;
}

export interface Listing {
  posts: Post[];
  after: string | null;
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

export function parseListing(json: unknown, origin: string): Listing {
  const listing = json as { kind?: string; data?: { children?: Thing[]; after?: unknown } } | null;
  if (listing?.kind !== 'Listing' || !Array.isArray(listing.data?.children)) {
    throw new ListingError('expected a Reddit Listing ({"kind": "Listing", "data": {"children": [...]}})');
  }
  return {
    posts: listing.data.children.flatMap((t) => thingToPost(t, origin) ?? []),
    after: str(listing.data.after),
  };
}
