/** `channel-audit compare --format table`: the benchmark as aligned plain text for a terminal. */
import { displayCopy, type Benchmark } from '../model/index.js';
import {
  BENCHMARK_HEAD,
  BENCHMARK_METHOD,
  BENCHMARK_NUMERIC,
  benchmarkIntro,
  benchmarkSections,
} from './benchmark-cells.js';
import { terminalSafe } from './sanitize.js';

function table(head: readonly string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => rows.reduce((most, r) => Math.max(most, [...r[i]!].length), h.length));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return BENCHMARK_NUMERIC.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

export function renderBenchmarkText(given: Benchmark): string {
  const b = displayCopy(given);
  const lines = [terminalSafe(benchmarkIntro(b))];
  for (const section of benchmarkSections(b)) {
    lines.push(
      '',
      section.heading,
      ...table(
        BENCHMARK_HEAD,
        section.rows.map((r) => r.map(terminalSafe)),
      ),
    );
  }
  return `${[...lines, '', ...BENCHMARK_METHOD].join('\n')}\n`;
}
