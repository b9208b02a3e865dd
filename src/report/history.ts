/**
 * A series of saved reports of one inventory, in any order, as history: per profile and for the
 * company, how status, score, cadence, conversation and canned ratios moved, and whether the newest
 * report is worse than the N before it (for `--fail-on-regression`: a status or verdict against their
 * best, a new finding or a score drop against the report before). Pure.
 */
import {
  allFindings,
  type FailOn,
  failsAt,
  profileName,
  type History,
  type HistoryPoint,
  type ProfileHistory,
  type Regression,
  type Report,
  type Verdict,
} from '../model/index.js';
import { compareReports, isWorse } from './compare.js';

export class HistoryError extends Error {
  override name = 'HistoryError';
}

export interface SavedReport {
  file: string;
  report: Report;
}

/** What counts as a regression (`history --fail-on-regression`). */
export interface RegressionRules {
  /** A new finding at or above this level is one (default `warning`). */
  failOn?: FailOn;
  /** A score (company or profile) more than this many points below the report before is one (default 5). */
  tolerance?: number;
}

export function buildHistory(saved: readonly SavedReport[], window: number, rules: RegressionRules = {}): History {
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
  return {
    company,
    reports,
    profiles: profileSeries(ordered),
    regression: regression(ordered, window, rules),
    // the newest report's: the consultant may have rebranded since the first night
    branding: ordered.at(-1)!.report.branding ?? null,
  };
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
    return { id, name: latest.name, url: latest.url, platform: latest.platform, points };
  });
}

/** How far a verdict is from keep. check means "could not tell": no rank, never worse. */
const VERDICT_RANK: Partial<Record<Verdict, number>> = { keep: 0, fix: 1, close: 2 };

/**
 * The newest report against the ones before it, by four rules, each reason naming its rule: a status
 * or a verdict worse than the profile's best in the `window` before; a finding new since the report
 * before at or above `failOn`; a company or profile score more than `tolerance` points below the
 * report before. Scores are compared night over night, not with the window's best: an idle profile's
 * freshness decays a point or two a day, which adds up over a week but is no regression (its status
 * going stale is, and the status rule says so).
 */
function regression(ordered: readonly SavedReport[], window: number, rules: RegressionRules): Regression {
  const failOn = rules.failOn ?? 'warning';
  const tolerance = rules.tolerance ?? 5;
  const newest = ordered.at(-1)!.report;
  const before = ordered.slice(Math.max(0, ordered.length - 1 - window), -1).map((s) => s.report);
  const reasons: string[] = [];
  const previous = before.at(-1);
  if (!previous) return { window, worse: false, reasons };
  const drop = (now: number | null, then: number | null) => now !== null && then !== null && then - now > tolerance;
  const dropText = `score drop beyond ${tolerance} points`;
  if (drop(newest.summary.score, previous.summary.score))
    reasons.push(`${dropText}: company ${previous.summary.score} → ${newest.summary.score}`);
  for (const p of newest.profiles) {
    const then = previous.profiles.find((q) => q.id === p.id);
    if (then && drop(p.scores.overall, then.scores.overall))
      reasons.push(`${dropText}: ${profileName(p)} ${then.scores.overall} → ${p.scores.overall}`);
  }
  const fresh = allFindings(compareReports(previous, newest)).filter(
    (f) => f.change === 'new' && failsAt(f.severity, failOn),
  );
  for (const f of fresh) {
    const profile = newest.profiles.find((p) => p.id === f.profileId);
    const who = f.profileId === null ? 'company' : profile ? profileName(profile) : f.profileId;
    reasons.push(`new ${f.severity} finding (at or above ${failOn}): ${who}: ${f.code}`);
  }
  for (const p of newest.profiles) {
    const earlier = before.flatMap((r) => r.profiles.filter((q) => q.id === p.id));
    const ranked = earlier.map((q) => VERDICT_RANK[q.verdict]).filter((r) => r !== undefined);
    const now = VERDICT_RANK[p.verdict];
    // a loop, not Math.min(...ranked): a history may hold more reports than the call stack takes arguments
    const top = ranked.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    if (now !== undefined && ranked.length > 0 && now > top) {
      const best = earlier.find((q) => VERDICT_RANK[q.verdict] === top)!.verdict;
      reasons.push(`worse verdict: ${profileName(p)}: ${p.verdict}, ${best} in the ${before.length} before`);
    }
  }
  for (const p of newest.profiles) {
    // blocked and error say "could not tell": never the best, never worse
    const earlier = before
      .flatMap((r) => r.profiles.filter((q) => q.id === p.id))
      .map((q) => q.status)
      .filter((s) => s !== 'blocked' && s !== 'error');
    // worse than its best status in the window: abandoned now, active a week ago
    const bestStatus = earlier.find((s) => earlier.every((other) => !isWorse(other, s)));
    if (bestStatus && isWorse(bestStatus, p.status))
      reasons.push(`worse status: ${profileName(p)}: ${p.status}, ${bestStatus} in the ${before.length} before`);
  }
  return { window, worse: reasons.length > 0, reasons };
}
