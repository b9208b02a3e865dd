/**
 * A series of saved reports of one inventory, in any order, as history: per profile and for the
 * company, how status, score, cadence, conversation and canned ratios moved, and whether the newest
 * report is worse than the best of the N before it (for `--fail-on-regression`). Pure.
 */
import type { History, HistoryPoint, ProfileHistory, Regression, Report } from '../model/index.js';
import { isWorse } from './compare.js';

export class HistoryError extends Error {
  override name = 'HistoryError';
}

export interface SavedReport {
  file: string;
  report: Report;
}

export function buildHistory(saved: readonly SavedReport[], window: number): History {
  if (saved.length === 0) throw new HistoryError('no reports to read: give report files or a folder of them');
  const shard = saved.find((s) => s.report.shard !== null);
  if (shard)
    throw new HistoryError(`${shard.file} is the report of one shard; merge the shards first (channel-audit merge)`);
  const company = saved[0]!.report.company;
  const other = saved.find((s) => s.report.company !== company);
  if (other)
    throw new HistoryError(
      `${other.file} is a report of ${JSON.stringify(other.report.company)}, ${saved[0]!.file} of ${JSON.stringify(company)}: a history is of one inventory`,
    );
  // oldest first; two reports as of the same moment are ordered by when they were made, then by file
  const ordered = [...saved].sort(
    (a, b) =>
      a.report.asOf.localeCompare(b.report.asOf) ||
      a.report.generatedAt.localeCompare(b.report.generatedAt) ||
      a.file.localeCompare(b.file),
  );
  const reports = ordered.map(({ file, report: r }) => ({
    file,
    asOf: r.asOf,
    generatedAt: r.generatedAt,
    score: r.summary.score,
    grade: r.summary.grade,
    byStatus: r.summary.byStatus,
    findings: r.summary.findingsBySeverity,
  }));
  return { company, reports, profiles: profileSeries(ordered), regression: regression(ordered, window) };
}

/** Every profile any report has, in the newest report's order (then the ones it no longer has). */
function profileSeries(ordered: readonly SavedReport[]): ProfileHistory[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const { report } of [...ordered].reverse())
    for (const p of report.profiles)
      if (!seen.has(p.id)) {
        seen.add(p.id);
        ids.push(p.id);
      }
  return ids.map((id) => {
    const found = ordered.map(({ report }) => report.profiles.find((p) => p.id === id) ?? null);
    const latest = [...found].reverse().find((p) => p !== null)!;
    const points: HistoryPoint[] = found.map((p, i) => ({
      asOf: ordered[i]!.report.asOf,
      status: p?.status ?? null,
      verdict: p?.verdict ?? null,
      score: p?.scores.overall ?? null,
      postsPerWeek30d: p?.metrics?.postsPerWeek30d ?? null,
      conversationRatio: p?.metrics?.conversationRatio ?? null,
      cannedRatio: p?.metrics?.cannedRatio ?? null,
    }));
    return { id, name: latest.name, platform: latest.platform, points };
  });
}

/** The newest report against the best of the `window` reports before it. */
function regression(ordered: readonly SavedReport[], window: number): Regression {
  const newest = ordered.at(-1)!.report;
  const before = ordered.slice(Math.max(0, ordered.length - 1 - window), -1).map((s) => s.report);
  const reasons: string[] = [];
  const best = before.reduce((most, r) => Math.max(most, r.summary.score ?? -1), -Infinity);
  if (before.length > 0 && newest.summary.score !== null && best >= 0 && newest.summary.score < best)
    reasons.push(`company score ${newest.summary.score}, best of the ${before.length} before: ${best}`);
  for (const p of newest.profiles) {
    // blocked and error say "could not tell": never the best, never worse
    const earlier = before
      .flatMap((r) => r.profiles.filter((q) => q.id === p.id))
      .map((q) => q.status)
      .filter((s) => s !== 'blocked' && s !== 'error');
    // worse than its best status in the window: abandoned now, active a week ago
    const bestStatus = earlier.find((s) => earlier.every((other) => !isWorse(other, s)));
    if (bestStatus && isWorse(bestStatus, p.status))
      reasons.push(`${p.name ?? p.id}: ${p.status}, ${bestStatus} in the ${before.length} before`);
  }
  return { window, worse: reasons.length > 0, reasons };
}
