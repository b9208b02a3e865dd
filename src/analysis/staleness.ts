/**
 * Staleness: is anyone home? Pure function of the posts, the as-of date and the sample's reach.
 * Posts dated after the as-of date are left out (counted as `futurePosts`); undated posts are counted, not used.
 */
import type { Post, StalenessMetrics } from '../model/index.js';
import { DAY_MS, median, round } from './time.js';

export interface StalenessInput {
  posts: Post[];
  asOf: Date;
  /** The platform's own "last posted" date, used when no dated post was fetched. */
  platformLastPostAt: string | null;
  /** True when the sample holds every post the profile has; otherwise it reaches back only to its oldest post. */
  sampleComplete: boolean;
}

/** Silence longer than this many usual gaps (and at least MIN days) means the profile has gone quiet. */
export const GONE_QUIET_FACTOR = 6;
export const GONE_QUIET_MIN_DAYS = 14;
export const GONE_QUIET_MIN_POSTS = 5;
/** The last 90 days hold at most this share of the 90 before, with at least COLLAPSE_MIN_POSTS before. */
export const COLLAPSE_SHARE = 0.25;
export const COLLAPSE_MIN_POSTS = 10;
/** Weeks of posting activity in the report (the sparkline and the HTML timeline), ending at as-of. */
export const ACTIVITY_WEEKS = 26;

export function staleness({ posts, asOf, platformLastPostAt, sampleComplete }: StalenessInput): StalenessMetrics {
  const now = asOf.getTime();
  let undatedPosts = 0;
  let futurePosts = 0;
  const times: number[] = [];
  for (const post of posts) {
    if (!post.createdAt) undatedPosts++;
    else if (Date.parse(post.createdAt) > now) futurePosts++;
    else times.push(Date.parse(post.createdAt));
  }
  times.sort((a, b) => a - b);

  const platformLast = platformLastPostAt ? Date.parse(platformLastPostAt) : NaN;
  const fetchedLast = times.at(-1);
  const last = fetchedLast ?? (Number.isFinite(platformLast) && platformLast <= now ? platformLast : undefined);
  const first = times[0];
  const inLast = (days: number, offset = 0) =>
    times.filter((t) => t > now - (days + offset) * DAY_MS && t <= now - offset * DAY_MS).length;

  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / DAY_MS);
  const daysSinceLastPost = last === undefined ? null : Math.floor((now - last) / DAY_MS);
  const medianGap = median(gaps);
  const silence = last === undefined ? null : (now - last) / DAY_MS;
  const longest = gaps.length > 0 || silence !== null ? Math.max(...gaps, silence ?? 0) : null;

  const postsLast90d = inLast(90);
  const reaches180d = sampleComplete || (first !== undefined && first <= now - 180 * DAY_MS);
  const postsPrev90d = reaches180d ? inLast(90, 90) : null;

  // a week wholly before the oldest post of an incomplete sample is unknown, not a week without posts
  const weeklyPosts = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => {
    const end = now - (ACTIVITY_WEEKS - 1 - i) * 7 * DAY_MS;
    const start = end - 7 * DAY_MS;
    if (!sampleComplete && (first === undefined || end < first)) return null;
    return times.filter((t) => t > start && t <= end).length;
  });

  return {
    postsAnalyzed: times.length,
    undatedPosts,
    futurePosts,
    firstPostAt: first === undefined ? null : new Date(first).toISOString(),
    lastPostAt: last === undefined ? null : new Date(last).toISOString(),
    daysSinceLastPost,
    postsPerWeek30d: times.length > 0 ? round(inLast(30) / (30 / 7)) : null,
    postsPerWeek90d: times.length > 0 ? round(postsLast90d / (90 / 7)) : null,
    postsLast90d: times.length > 0 ? postsLast90d : null,
    postsPrev90d: times.length > 0 ? postsPrev90d : null,
    medianGapDays: medianGap === null ? null : round(medianGap),
    longestGapDays: longest === null ? null : round(longest),
    goneQuiet:
      times.length >= GONE_QUIET_MIN_POSTS && medianGap !== null && silence !== null
        ? silence > Math.max(GONE_QUIET_MIN_DAYS, GONE_QUIET_FACTOR * medianGap)
        : null,
    collapsing:
      postsPrev90d === null || times.length === 0
        ? null
        : postsPrev90d >= COLLAPSE_MIN_POSTS && postsLast90d <= postsPrev90d * COLLAPSE_SHARE,
    weeklyPosts,
  };
}
