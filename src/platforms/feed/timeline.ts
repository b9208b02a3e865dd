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
  const held = `${withArticle(feedKind(feed.format))} holds only its newest ${plural(feed.items.length, 'item')}`;
  return {
    platform,
    method: 'feed',
    facts: { displayName: feed.title, handle: null, postsCount: null, lastPostAt: null },
    posts: feedToPosts(feed),
    repliesVisible: false,
    repliesHiddenReason: "a feed shows only the author's own posts, not replies",
    repostsVisible: false,
    sampleNote: note ? `${held} (${note})` : held,
    sourceUrl,
  };
}
