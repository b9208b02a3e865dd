/**
 * The benchmark of `channel-audit compare`: saved audit reports in (the first is yours), a Benchmark
 * out. Pure: the CLI reads the files. Shares are pooled over the profiles that measured them (a profile
 * with 500 replies weighs more than one with 5, as a reader of the company's replies would see it);
 * posts a week and answer times are medians over profiles, so one hyperactive account does not speak
 * for the brand. What no profile measured is null, with `measured` 0 beside it.
 */
import {
  BENCHMARK_VERSION,
  displayName,
  PLATFORMS,
  platformName,
  STATUSES,
  type Benchmark,
  type BenchmarkFigure,
  type BenchmarkPlatform,
  type BenchmarkRow,
  type PlatformId,
  type ProfileResult,
  type Report,
  type Status,
} from '../model/index.js';
import { grade, weightedMean } from '../scoring/scores.js';
import { median } from '../model/stats.js';

export class BenchmarkError extends Error {
  override name = 'BenchmarkError';
}

/** A report and the file it was read from (named in errors). */
export interface BenchmarkInput {
  file: string;
  report: Report;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Part of a whole, pooled over the profiles that have both; null where none has. */
function pooled(profiles: readonly ProfileResult[], part: (p: ProfileResult) => [number, number] | null) {
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
  return { value: of === 0 ? null : round(num / of, 4), measured };
}

function medianOf(profiles: readonly ProfileResult[], pick: (p: ProfileResult) => number | null | undefined) {
  const values = profiles.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const m = median(values);
  return { value: m === null ? null : round(m, 1), measured: values.length };
}

/** One company's figures over some of its profiles. */
export function benchmarkRow(profiles: readonly ProfileResult[]): BenchmarkRow {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of profiles) byStatus[p.status]++;
  const posts = medianOf(profiles, (p) => p.metrics?.postsPerWeek30d);
  const conversation = pooled(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.conversationRatio === null) return null; // replies not visible: not a 0
    return [m.replies, m.originals + m.selfThreads + m.mentions + m.replies];
  });
  const answered = pooled(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.answeredRate === null || m.answeredRate === undefined) return null;
    return [m.answeredReplies ?? 0, m.audienceReplies ?? 0];
  });
  const answerTime = medianOf(profiles, (p) => p.metrics?.medianAnswerMinutes);
  const canned = pooled(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.cannedRatio === null || m.repliesAnalyzed === null) return null;
    // an older report did not keep the count: the ratio of the replies analysed gives it back
    return [m.cannedReplies ?? Math.round(m.cannedRatio * m.repliesAnalyzed), m.repliesAnalyzed];
  });
  const scored = profiles.filter((p) => p.scores.overall !== null);
  const score = weightedMean(scored.map((p) => [p.scores.overall, 1]));
  const figures: Record<BenchmarkFigure, { value: number | null; measured: number }> = {
    postsPerWeek: posts,
    conversationShare: conversation,
    answeredRate: answered,
    answerMinutes: answerTime,
    cannedShare: canned,
    score: { value: score, measured: scored.length },
  };
  return {
    profiles: profiles.length,
    byStatus,
    postsPerWeek: figures.postsPerWeek.value,
    conversationShare: figures.conversationShare.value,
    answeredRate: figures.answeredRate.value,
    answerMinutes: figures.answerMinutes.value,
    cannedShare: figures.cannedShare.value,
    score: figures.score.value,
    measured: Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.measured])) as Record<
      BenchmarkFigure,
      number
    >,
  };
}

/** The name a company is told apart by: two reports of "Acme " and "acme" are the same company. */
const companyKey = (company: string) =>
  displayName(company).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The benchmark of the reports, the first one yours. */
export function buildBenchmark(inputs: readonly BenchmarkInput[]): Benchmark {
  if (inputs.length < 2)
    throw new BenchmarkError(
      `compare needs two reports or more, the first one yours, got ${inputs.length}: channel-audit compare OURS.json THEIRS.json…`,
    );
  const seen = new Map<string, string>();
  for (const { file, report } of inputs) {
    if (report.shard !== null)
      throw new BenchmarkError(`${file} is the report of one shard; merge the shards first (channel-audit merge)`);
    const key = companyKey(report.company);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new BenchmarkError(
        `${earlier} and ${file} are both reports of ${JSON.stringify(displayName(report.company))}: compare each company once (for one company over time, use channel-audit diff or history)`,
      );
    seen.set(key, file);
  }
  const reports = inputs.map((i) => i.report);
  const order: Array<PlatformId | null> = [...PLATFORMS, null];
  const platforms: BenchmarkPlatform[] = order
    .map((platform) => ({
      platform,
      name: platform === null ? 'other' : platformName(platform),
      rows: reports.map((r) => {
        const on = r.profiles.filter((p) => p.platform === platform);
        return on.length === 0 ? null : benchmarkRow(on);
      }),
    }))
    .filter((p) => p.rows.some((row) => row !== null));
  return {
    benchmarkVersion: BENCHMARK_VERSION,
    companies: reports.map((r, i) => {
      const overall = benchmarkRow(r.profiles);
      return { company: r.company, asOf: r.asOf, yours: i === 0, grade: grade(overall.score), overall };
    }),
    platforms,
  };
}
