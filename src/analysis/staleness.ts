/**
 * Staleness: is anyone home? Pure function of the counted posts (analysis/sample.ts), the as-of date
 * and how far back the source is known to be read:
 * - the last post of any kind (a reply or a repost shows someone is there);
 * - cadence — posts per week over 30 and 90 days, the 90 days before those, the 26 weekly counts, the
 *   usual and longest gap, gone quiet, collapsing — over what the profile publishes: its own posts
 *   (originals, mention-led posts and its own threads), with replies and reposts per week beside them
 *   (issue 31, item 4);
 * - every span over every dated post the source gave for it (never cut by maxPosts); a span the
 *   source was not read back over is null (unknown), or a lower bound when it was partly read, with
 *   the reason in `lowerBounds` (issue 31, item 3).
 */
import { ACTIVITY_WEEKS, type PostKind, type StalenessMetrics } from '../model/index.js';
import type { DatedPost, SelectedSample } from './sample.js';
import { DAY_MS, median, round } from './time.js';

export interface StalenessInput {
  selected: Pick<SelectedSample, 'counted' | 'sample' | 'coveredFrom' | 'undated' | 'future' | 'readStopped'>;
  asOf: Date;
  /** The platform's own "last posted" date, used when no dated post was fetched. */
  platformLastPostAt: string | null;
  /** Whether the source would show replies and reposts at all (a feed does not): else their rates are null. */
  repliesVisible?: boolean;
  repostsVisible?: boolean;
}

/** What the profile publishes itself: the posts its cadence is measured on. */
const OWN: ReadonlySet<PostKind> = new Set(['original', 'thread', 'mention']);
export const isOwnPost = (d: DatedPost): boolean => OWN.has(d.post.kind);

/** Silence longer than this many usual gaps (and at least MIN days) means the profile has gone quiet. */
export const GONE_QUIET_FACTOR = 6;
export const GONE_QUIET_MIN_DAYS = 14;
export const GONE_QUIET_MIN_POSTS = 5;
/** The last 90 days hold at most this share of the 90 before, with at least COLLAPSE_MIN_POSTS before. */
export const COLLAPSE_SHARE = 0.25;
export const COLLAPSE_MIN_POSTS = 10;

export function staleness({
  selected,
  asOf,
  platformLastPostAt,
  repliesVisible = true,
  repostsVisible = true,
}: StalenessInput): StalenessMetrics {
  const now = asOf.getTime();
  const { coveredFrom } = selected;
  const counted = selected.counted.map((d) => d.t); // newest first, every kind
  const own = selected.counted.filter(isOwnPost).map((d) => d.t); // newest first
  const sampledOwn = selected.sample
    .filter(isOwnPost)
    .map((d) => d.t)
    .reverse(); // oldest first

  const platformLast = platformLastPostAt ? Date.parse(platformLastPostAt) : NaN;
  const last = counted[0] ?? (Number.isFinite(platformLast) && platformLast <= now ? platformLast : undefined);
  const first = counted.at(-1);
  const inLast = (times: number[], days: number, offset = 0) => {
    let n = 0;
    for (const t of times) if (t > now - (days + offset) * DAY_MS && t <= now - offset * DAY_MS) n++;
    return n;
  };
  const ofKind = (kind: PostKind) => selected.counted.filter((d) => d.post.kind === kind).map((d) => d.t);

  const gaps: number[] = [];
  for (let i = 1; i < sampledOwn.length; i++) gaps.push((sampledOwn[i]! - sampledOwn[i - 1]!) / DAY_MS);
  const daysSinceLastPost = last === undefined ? null : Math.floor((now - last) / DAY_MS);
  const medianGap = median(gaps);
  // silence since the last post the profile published itself (a burst of replies is not a post)
  const lastOwn = own[0];
  const silence =
    lastOwn === undefined ? (last === undefined ? null : (now - last) / DAY_MS) : (now - lastOwn) / DAY_MS;
  let longest: number | null = silence;
  for (const g of gaps) if (longest === null || g > longest) longest = g;

  const postsLast90d = inLast(own, 90);
  const postsPrev90d = coveredFrom <= now - 180 * DAY_MS ? inLast(own, 90, 90) : null;

  // a week wholly before the source was read back to is unknown, not a week without posts
  const weeklyPosts = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => {
    const end = now - (ACTIVITY_WEEKS - 1 - i) * 7 * DAY_MS;
    const start = end - 7 * DAY_MS;
    if (end < coveredFrom) return null;
    let n = 0;
    for (const t of own) if (t > start && t <= end) n++;
    return n;
  });

  // a span the source was read back over only in part: its count is at least what was read
  const lowerBounds: Record<string, string> = {};
  const why = selected.readStopped ?? 'the source does not reach back that far';
  const partly = (days: number) => coveredFrom > now - days * DAY_MS;
  const any = counted.length > 0;
  const perWeek = (times: number[], days: number) => round(inLast(times, days) / (days / 7), 1);
  // each figure of a span read only in part, that the source can show at all
  const spans: Array<[string, number, boolean]> = [
    ['postsPerWeek30d', 30, true],
    ['repliesPerWeek30d', 30, repliesVisible],
    ['repostsPerWeek30d', 30, repostsVisible],
    ['postsPerWeek90d', 90, true],
    ['postsLast90d', 90, true],
  ];
  for (const [name, days, shown] of spans) if (any && shown && partly(days)) lowerBounds[name] = why;

  return {
    postsAnalyzed: counted.length,
    undatedPosts: selected.undated,
    futurePosts: selected.future,
    firstPostAt: first === undefined ? null : new Date(first).toISOString(),
    lastPostAt: last === undefined ? null : new Date(last).toISOString(),
    daysSinceLastPost,
    postsPerWeek30d: any ? perWeek(own, 30) : null,
    repliesPerWeek30d: any && repliesVisible ? perWeek(ofKind('reply'), 30) : null,
    repostsPerWeek30d: any && repostsVisible ? perWeek(ofKind('repost'), 30) : null,
    postsPerWeek90d: any ? perWeek(own, 90) : null,
    postsLast90d: any ? postsLast90d : null,
    postsPrev90d: any ? postsPrev90d : null,
    medianGapDays: medianGap === null ? null : round(medianGap),
    longestGapDays: longest === null ? null : round(longest),
    goneQuiet:
      sampledOwn.length >= GONE_QUIET_MIN_POSTS && medianGap !== null && silence !== null
        ? silence > Math.max(GONE_QUIET_MIN_DAYS, GONE_QUIET_FACTOR * medianGap)
        : null,
    collapsing:
      postsPrev90d === null || !any
        ? null
        : postsPrev90d >= COLLAPSE_MIN_POSTS && postsLast90d <= postsPrev90d * COLLAPSE_SHARE,
    weeklyPosts,
    lowerBounds,
  };
}
