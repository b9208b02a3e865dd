/** `channel-audit compare --format markdown`: the benchmark as Markdown tables, every report string escaped. */
import { displayCopy, type Benchmark } from '../model/index.js';
import {
  BENCHMARK_HEAD,
  BENCHMARK_METHOD,
  BENCHMARK_NUMERIC,
  benchmarkIntro,
  benchmarkSections,
} from './benchmark-cells.js';
import { escapeMarkdown as md } from './escape.js';

export function renderBenchmarkMarkdown(given: Benchmark): string {
  const b = displayCopy(given);
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [`# Competitor benchmark: ${md(b.companies[0]!.company)}`, '', md(benchmarkIntro(b))];
  for (const section of benchmarkSections(b)) {
    lines.push(
      '',
      `## ${md(section.heading)}`,
      '',
      row(BENCHMARK_HEAD),
      row(BENCHMARK_HEAD.map((_, i) => (BENCHMARK_NUMERIC.has(i) ? '--:' : '---'))),
    );
    for (const r of section.rows) lines.push(row(r.map(md)));
  }
  // an array literal, not push(...): no argument list as long as the input
  return `${[...lines, '', ...BENCHMARK_METHOD.map((l) => `- ${md(l)}`)].join('\n')}\n`;
}
