/** Broadcast vs conversation: what kinds of posts a profile makes, and how many are ads. */
import type { ConversationMetrics, Post } from '../model/index.js';
import { promoMarkersIn } from './promo.js';
import { tally } from './tally.js';
import { round } from './time.js';

export interface ConversationInput {
  posts: Post[];
  repliesVisible: boolean;
}

export function conversation({ posts, repliesVisible }: ConversationInput): ConversationMetrics {
  const counts = { original: 0, thread: 0, mention: 0, reply: 0, repost: 0 };
  const matched: string[] = [];
  let promo = 0;
  for (const post of posts) {
    counts[post.kind]++;
    if (post.kind === 'original' || post.kind === 'thread' || post.kind === 'mention') {
      const markers = promoMarkersIn(post.text);
      if (markers.length > 0) promo++;
      for (const marker of markers) matched.push(marker);
    }
  }
  const own = counts.original + counts.thread + counts.mention;
  const denominator = own + counts.reply;
  return {
    originals: counts.original,
    selfThreads: counts.thread,
    mentions: counts.mention,
    replies: counts.reply,
    reposts: counts.repost,
    conversationRatio: repliesVisible && denominator > 0 ? round(counts.reply / denominator, 4) : null,
    promoRatio: own > 0 ? round(promo / own, 4) : null,
    promoPosts: promo,
    promoMarkers: tally(matched).map(([marker, count]) => ({ marker, count })),
  };
}
