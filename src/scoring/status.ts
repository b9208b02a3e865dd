/** One status per profile, from the fetch outcome and the measured staleness. */
import type { FetchOutcome, Metrics, Settings, Status } from '../model/index.js';

export function decideStatus(outcome: FetchOutcome, metrics: Metrics | null, settings: Settings): { status: Status; reason: string | null } {
  if (outcome.kind !== 'ok') return { status: outcome.kind, reason: outcome.reason };
  if (!metrics) return { status: 'error', reason: 'no metrics' };
  if (metrics.lastPostAt === null || metrics.daysSinceLastPost === null) {
    if (metrics.sample.size > 0) {
      return { status: 'error', reason: `no dated content: ${metrics.sample.size} posts, none with a usable date at or before the as-of date` };
    }
    const claimed = outcome.timeline.facts.postsCount;
    if (claimed !== null && claimed > 0) {
      return { status: 'error', reason: `the platform counts ${claimed} posts but shows none` };
    }
    return { status: 'empty', reason: 'the profile exists and has never posted' };
  }
  const days = metrics.daysSinceLastPost;
  if (days > settings.abandonedAfterDays) return { status: 'abandoned', reason: `last post ${days} days before the as-of date` };
  if (days > settings.staleAfterDays) return { status: 'stale', reason: `last post ${days} days before the as-of date` };
  return { status: 'active', reason: null };
}
