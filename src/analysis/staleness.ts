/**
 * Staleness: is anyone home? Pure function of the counted posts (analysis/sample.ts), the as-of date
 * and how far back the source is known to be read:
 * - the last post, and the posts of the last 30 and 90 days and the 90 before those, over the reach;
 * - the gaps between posts (median, longest including the silence since the last post) over the sample.
 * A count that needs posts from before the source was read back to is null (unknown), never zero.
 */
import { ACTIVITY_WEEKS, type StalenessMetrics } from '../model/index.js';
import type { SelectedSample } from './sample.js';
import { DAY_MS, median, round } from './time.js';

export interface StalenessInput {
  selected: Pick<SelectedSample, 'counted' | 'sample' | 'coveredFrom' | 'undated' | 'future'>;
  asOf: Date;
  /** The platform's own "last posted" date, used when no dated post was fetched. */
  platformLastPostAt: string | null;
}

/** Silence longer than this many usual gaps (and at least MIN days) means the profile has gone quiet. */
export const GONE_QUIET_FACTOR = 6;
export const GONE_QUIET_MIN_DAYS = 14;
export const GONE_QUIET_MIN_POSTS = 5;
/** The last 90 days hold at most this share of the 90 before, with at least COLLAPSE_MIN_POSTS before. */
export const COLLAPSE_SHARE = 0.25;
export const COLLAPSE_MIN_POSTS = 10;

export function staleness({ selected, asOf, platformLastPostAt }: StalenessInput): StalenessMetrics {
  const now = asOf.getTime();
  const { coveredFrom } = selected;
  const counted = selected.counted.map((d) => d.t); // newest first
  const sampled = selected.sample.map((d) => d.t).reverse(); // oldest first

  const platformLast = platformLastPostAt ? Date.parse(platformLastPostAt) : NaN;
  const last = counted[0] ?? (Number.isFinite(platformLast) && platformLast <= now ? platformLast : undefined);
  const first = counted.at(-1);
  const inLast = (days: number, offset = 0) => {
    let n = 0;
    for (const t of counted) if (t > now - (days + offset) * DAY_MS && t <= now - offset * DAY_MS) n++;
    return n;
  };

  const gaps: number[] = [];
  for (let i = 1; i < sampled.length; i++) gaps.push((sampled[i]! - sampled[i - 1]!) / DAY_MS);
  const daysSinceLastPost = last === undefined ? null : Math.floor((now - last) / DAY_MS);
  const medianGap = median(gaps);
  const silence = last === undefined ? null : (now - last) / DAY_MS;
  let longest: number | null = silence;
  for (const g of gaps) if (longest === null || g > longest) longest = g;

  const postsLast90d = inLast(90);
  const postsPrev90d = coveredFrom <= now - 180 * DAY_MS ? inLast(90, 90) : null;

  // a week wholly before the source was read back to is unknown, not a week without posts
  const weeklyPosts = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => {
    const end = now - (ACTIVITY_WEEKS - 1 - i) * 7 * DAY_MS;
    const start = end - 7 * DAY_MS;
    if (end < coveredFrom) return null;
    let n = 0;
    for (const t of counted) if (t > start && t <= end) n++;
    return n;
  });

  const any = counted.length > 0;
  return {
    postsAnalyzed: counted.length,
    undatedPosts: selected.undated,
    futurePosts: selected.future,
    firstPostAt: first === undefined ? null : new Date(first).toISOString(),
    lastPostAt: last === undefined ? null : new Date(last).toISOString(),
    daysSinceLastPost,
    postsPerWeek30d: any ? round(inLast(30) / (30 / 7), 1) : null,
    postsPerWeek90d: any ? round(postsLast90d / (90 / 7), 1) : null,
    postsLast90d: any ? postsLast90d : null,
    postsPrev90d: any ? postsPrev90d : null,
    medianGapDays: medianGap === null ? null : round(medianGap),
    longestGapDays: longest === null ? null : round(longest),
    goneQuiet:
      sampled.length >= GONE_QUIET_MIN_POSTS && medianGap !== null && silence !== null
        ? silence > Math.max(GONE_QUIET_MIN_DAYS, GONE_QUIET_FACTOR * medianGap)
        : null,
    collapsing:
      postsPrev90d === null || !any
        ? null
        : postsPrev90d >= COLLAPSE_MIN_POSTS && postsLast90d <= postsPrev90d * COLLAPSE_SHARE,
    weeklyPosts,
  };
}
