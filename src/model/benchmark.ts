/**
 * `channel-audit compare`: several companies' audit reports side by side, overall and per platform.
 * The first report is the company the benchmark is made for ("yours"); the others are its competitors,
 * audited from the same inventory format with their public profiles. Every figure is null where no
 * profile of that company (on that platform) could measure it — never a made-up 0.
 */
import type { Grade, Status } from './report.js';
import type { PlatformId } from './platforms.generated.js';

/** The version of the benchmark's JSON shape (docs/commands.md#compare); goes up only on a breaking change. */
export const BENCHMARK_VERSION = 1;

/** The figures every benchmark row holds: what the comparison puts side by side. */
export const BENCHMARK_FIGURES = [
  'postsPerWeek',
  'conversationShare',
  'answeredRate',
  'answerMinutes',
  'cannedShare',
  'score',
] as const;
export type BenchmarkFigure = (typeof BENCHMARK_FIGURES)[number];

/** One company's figures over a set of its profiles (all of them, or one platform's). */
export interface BenchmarkRow {
  profiles: number;
  byStatus: Record<Status, number>;
  /** Median of the profiles' posts a week over 30 days. */
  postsPerWeek: number | null;
  /** Replies of all own posts and replies, pooled over the profiles where replies are visible (0..1). */
  conversationShare: number | null;
  /** Audience replies the company answered, pooled over the threads read (0..1). */
  answeredRate: number | null;
  /** Median of the profiles' median answer times, in minutes. */
  answerMinutes: number | null;
  /** Replies that repeat a template, pooled over the replies analysed (0..1). */
  cannedShare: number | null;
  /** Mean of the profiles' overall scores, as the audit averages the company's score (0..100). */
  score: number | null;
  /** How many profiles each figure rests on: 0 where it is null. */
  measured: Record<BenchmarkFigure, number>;
}

export interface BenchmarkCompany {
  company: string;
  /** The report's as-of instant (ISO 8601). */
  asOf: string;
  /** True for the first report given: the company the benchmark is for. */
  yours: boolean;
  grade: Grade | null;
  overall: BenchmarkRow;
}

export interface BenchmarkPlatform {
  /** null: profiles whose platform was not recognised. */
  platform: PlatformId | null;
  name: string;
  /** One per company, in the order of `companies`; null where that company has no profile on it. */
  rows: Array<BenchmarkRow | null>;
}

export interface Benchmark {
  benchmarkVersion: typeof BENCHMARK_VERSION;
  companies: BenchmarkCompany[];
  /** The platforms any company has a profile on, in the registry's order, unrecognised ones last. */
  platforms: BenchmarkPlatform[];
}
