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
import {
  answeredRate,
  cannedShare,
  type GroupFigure,
  medianOver,
  pooledShare,
  postsPerWeek,
} from '../model/profile-figures.js';

export class BenchmarkError extends Error {
  override name = 'BenchmarkError';
}

/** A report and the file it was read from (named in errors). */
export interface BenchmarkInput {
  file: string;
  report: Report;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A group figure rounded for the benchmark: shares to 4 digits, the rest to 1. */
const rounded = ({ value, measured }: GroupFigure, digits: number) => ({
  value: value === null ? null : round(value, digits),
  measured,
});

/** One company's figures over some of its profiles. */
export function benchmarkRow(profiles: readonly ProfileResult[]): BenchmarkRow {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of profiles) byStatus[p.status]++;
  const posts = rounded(postsPerWeek(profiles), 1);
  const conversation = pooledShare(profiles, (p) => {
    const m = p.metrics;
    if (!m || m.conversationRatio === null) return null; // replies not visible: not a 0
    return [m.replies, m.originals + m.selfThreads + m.mentions + m.replies];
  });
  const answered = rounded(answeredRate(profiles), 4);
  const answerTime = rounded(
    medianOver(profiles, (p) => p.metrics?.medianAnswerMinutes),
    1,
  );
  const canned = rounded(cannedShare(profiles), 4);
  const scored = profiles.filter((p) => p.scores.overall !== null);
  const score = weightedMean(scored.map((p) => [p.scores.overall, 1]));
  const figures: Record<BenchmarkFigure, { value: number | null; measured: number }> = {
    postsPerWeek: posts,
    conversationShare: rounded(conversation, 4),
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
