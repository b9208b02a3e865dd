/**
 * The benchmark's cells as plain text, shared by its table, Markdown and HTML (each escapes its own):
 * one wording of every figure, "—" where no profile could measure it.
 */
import {
  duration,
  plural,
  STATUSES,
  type Benchmark,
  type BenchmarkCompany,
  type BenchmarkRow,
} from '../model/index.js';
import { pct, perWeek } from './format.js';

export const BENCHMARK_HEAD = [
  'company',
  'profiles',
  'by status',
  'posts a week',
  'conversation',
  'answered',
  'answer time',
  'canned',
  'score',
] as const;

/** The columns that hold numbers (right-aligned where a format aligns). */
export const BENCHMARK_NUMERIC: ReadonlySet<number> = new Set([1, 3, 4, 5, 6, 7, 8]);

export const companyLabel = (c: BenchmarkCompany): string => (c.yours ? `${c.company} (yours)` : c.company);

/** "20 active, 3 stale, 2 abandoned": the statuses a row has, in the report's order. */
export function statusCells(row: BenchmarkRow): string {
  return STATUSES.filter((s) => row.byStatus[s] > 0)
    .map((s) => `${row.byStatus[s]} ${s}`)
    .join(', ');
}

/** One company's row of a section; a row of dashes where it has no profile there. */
export function benchmarkCells(company: BenchmarkCompany, row: BenchmarkRow | null, withGrade: boolean): string[] {
  const name = companyLabel(company);
  if (row === null) return [name, '0', 'no profile', '—', '—', '—', '—', '—', '—'];
  const score =
    row.score === null ? '—' : withGrade && company.grade ? `${row.score} (${company.grade})` : String(row.score);
  return [
    name,
    String(row.profiles),
    statusCells(row),
    perWeek(row.postsPerWeek),
    pct(row.conversationShare),
    pct(row.answeredRate),
    row.answerMinutes === null ? '—' : duration(row.answerMinutes),
    pct(row.cannedShare),
    score,
  ];
}

/** Each section of the benchmark: its heading and one row of cells per company. */
export function benchmarkSections(b: Benchmark): Array<{ heading: string; rows: string[][] }> {
  return [
    { heading: 'All profiles', rows: b.companies.map((c) => benchmarkCells(c, c.overall, true)) },
    ...b.platforms.map((p) => ({
      heading: p.name.charAt(0).toUpperCase() + p.name.slice(1),
      rows: b.companies.map((c, i) => benchmarkCells(c, p.rows[i] ?? null, false)),
    })),
  ];
}

/** Who is compared with whom, as of when: the first report is yours. */
export function benchmarkIntro(b: Benchmark): string {
  const [yours, ...others] = b.companies;
  const at = (c: BenchmarkCompany) => `${c.company} (as of ${c.asOf.slice(0, 10)})`;
  return `${at(yours!)} compared with ${plural(others.length, 'competitor')}: ${others.map(at).join(', ')}.`;
}

/** How the figures are made, under the tables. */
export const BENCHMARK_METHOD = [
  'The first report given is yours; the others are competitors, audited the same way from their public profiles.',
  'Posts a week (over 30 days) and answer time are the middle value over the profiles that measured them; conversation (replies among all posts), answered (replies from the audience that got an answer) and canned (replies repeating a template) are counted over all those profiles together.',
  'Score is the mean of the profiles’ scores, as each audit scores its company. “—” means no profile could measure it, not zero.',
];
