/**
 * A group of profiles' figures at a glance — posts a week, answered rate, canned share — as the executive
 * page's platform rows and paragraph and the competitor benchmark both show them, computed in one place.
 * Shares are pooled over the profiles that measured them (a profile with 500 replies weighs more than one
 * with 5, as a reader of the company's replies would see it); posts a week is a median over profiles, so
 * one hyperactive account does not speak for the brand. What no profile measured is null, `measured` 0.
 */
import type { ProfileResult } from './report.js';
import { median } from './stats.js';

/** A figure over a group of profiles, and how many of them measured it. */
export interface GroupFigure {
  value: number | null;
  measured: number;
}

/** Part of a whole, pooled over the profiles that give both (a whole of 0 measures nothing). */
export function pooledShare(
  profiles: readonly ProfileResult[],
  part: (p: ProfileResult) => readonly [number, number] | null,
): GroupFigure {
  let num = 0;
  let of = 0;
  let measured = 0;
  for (const p of profiles) {
    const pair = part(p);
    if (pair === null || pair[1] <= 0) continue;
    num += pair[0];
    of += pair[1];
    measured++;
  }
  return { value: of === 0 ? null : num / of, measured };
}

/** The median of a figure over the profiles that have it. */
export function medianOver(
  profiles: readonly ProfileResult[],
  pick: (p: ProfileResult) => number | null | undefined,
): GroupFigure {
  const values = profiles.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return { value: median(values), measured: values.length };
}

/** Posts a week over the last 30 days, the median over the profiles. */
export const postsPerWeek = (profiles: readonly ProfileResult[]) =>
  medianOver(profiles, (p) => p.metrics?.postsPerWeek30d);

/** The audience's replies that got an answer, over those replies, where the threads were read. */
export const answeredRate = (profiles: readonly ProfileResult[]) =>
  pooledShare(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.answeredRate === null || m.answeredRate === undefined) return null; // threads not read: not a 0
    return [m.answeredReplies ?? 0, m.audienceReplies ?? 0];
  });

/** The brand's replies inside templates, over the replies analysed. */
export const cannedShare = (profiles: readonly ProfileResult[]) =>
  pooledShare(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.cannedRatio === null || m.repliesAnalyzed === null) return null;
    // an older report did not keep the count: the ratio of the replies analysed gives it back
    return [m.cannedReplies ?? Math.round(m.cannedRatio * m.repliesAnalyzed), m.repliesAnalyzed];
  });
