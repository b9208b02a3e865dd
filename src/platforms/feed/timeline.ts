/** A parsed feed as a Timeline: the author's own posts only (a feed shows no replies or reposts). */
import { feedKind, plural, withArticle, type PlatformId, type Post, type Timeline } from '../../model/index.js';
import { isMentionLed } from '../../sources/text.js';
import type { ParsedFeed } from './parse.js';

export function feedToPosts(feed: ParsedFeed): Post[] {
  return feed.items.map((item) => ({
    id: item.id,
    createdAt: item.publishedAt,
    text: item.text,
    kind: isMentionLed(item.title) ? 'mention' : 'original',
    url: item.url,
    inReplyToCreatedAt: null,
  }));
}

export function feedTimeline(
  feed: ParsedFeed,
  sourceUrl: string,
  platform: PlatformId,
  note: string | null = null,
): Timeline {
  const kind = withArticle(feedKind(feed.format));
  const held =
    feed.items.length === 1
      ? `${kind} holds one item`
      : `${kind} holds only its newest ${plural(feed.items.length, 'item')}`;
  // a feed that dates none of its items still says when it was built: said, never taken for a post
  const undated =
    feed.items.length > 0 && feed.items.every((i) => i.publishedAt === null) && feed.updatedAt
      ? `no item is dated; the feed says it was updated ${feed.updatedAt.slice(0, 10)}`
      : null;
  return {
    platform,
    method: 'feed',
    facts: { displayName: feed.title, handle: null, postsCount: null, lastPostAt: null },
    posts: feedToPosts(feed),
    repliesVisible: false,
    repliesHiddenReason: "a feed shows only the author's own posts, not replies",
    repostsVisible: false,
    sampleNote: [note ? `${held} (${note})` : held, undated].filter(Boolean).join('; '),
    sourceUrl,
  };
}
