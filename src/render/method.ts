/** "How measured": the method in a few sentences, with the report's own settings. Shared by Markdown and HTML. */
import { CANNED_FOLLOW_SHARE, type Report } from '../model/index.js';

export function methodNotes(report: Report): string[] {
  const s = report.settings;
  return [
    `Each profile was read from what is public (platform APIs, feeds and pages) or from an export its owner provided, as of ${report.asOf.slice(0, 10)}. Every metric names its sample size and method; a metric a platform cannot show is left empty with the reason, never counted as zero.`,
    `Staleness: days since the last post. Active within ${s.staleAfterDays} days, stale up to ${s.abandonedAfterDays} days, abandoned after that. "Gone quiet" means silent for far longer than the profile's own usual gap; "collapsing" means the last 90 days hold at most a quarter of the posts of the 90 before.`,
    'Broadcast vs conversation: every post is an original, a reply to someone else, a repost or a mention; a reply to itself is a thread. The conversation ratio is replies to others divided by own posts. Promotional originals ("giveaway", "use code", shop links…) give the promo ratio.',
    `Canned responses: replies are normalised (mentions, links, numbers, ticket ids, emoji and agent signatures removed) and compared by the word pairs they share (Jaccard similarity). Near-identical replies form groups, and groups join while their replies are on average at least ${Number((s.cannedSimilarity * 100).toFixed(1))}% alike, pair by pair, so one close pair cannot join two different scripts (average link; exact for small samples, MinHash-LSH with every pair verified for large ones); a reply left out then joins the template it is alike on average in its content words (at least ${Number((s.cannedSimilarity * CANNED_FOLLOW_SHARE * 100).toFixed(1))}%, small words such as "the" and "to" left out), a template never another template; a group of ${s.cannedMinClusterSize} or more replies is a template. The canned ratio is the share of replies inside templates; the signatures show how many people sign replies.`,
    `Scores are 0–100 per profile (freshness ${s.weights.freshness}, conversation ${s.weights.conversation}, authenticity ${s.weights.authenticity} weights over the measures available) and a company grade from A to F.`,
  ];
}
