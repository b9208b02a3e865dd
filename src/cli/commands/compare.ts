/**
 * `channel-audit compare OURS.json THEIRS.json…`: the companies of saved audit reports side by side,
 * overall and per platform — the first report is yours, the others your competitors' (audited from an
 * inventory of their public profiles). Table on stdout by default; -o in the format of its extension.
 */
import {
  BENCHMARK_FORMATS,
  BENCHMARK_RENDERERS,
  buildBenchmark,
  type Benchmark,
  BenchmarkError,
  type BenchmarkFormat,
  plural,
} from '../../index.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { byExtension, checkedFiles, chooseFormats, givenFormat, writeChoices } from '../file-formats.js';
import { readReportFile } from '../read-report.js';

export interface CompareFlags {
  /** Default table, or what each -o's extension implies. */
  format?: string;
  /** -o FILE, repeatable: each file in the format its extension implies. */
  output?: string[];
  quiet?: boolean;
}

const COMPARE_FILES = {
  implied: byExtension<BenchmarkFormat>({
    '.txt': 'table',
    '.md': 'markdown',
    '.markdown': 'markdown',
    '.json': 'json',
    '.html': 'html',
    '.htm': 'html',
  }),
  fallback: 'table',
} as const;

export async function compareCommand(files: string[], flags: CompareFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const chosen = chooseFormats(givenFormat(flags.format, BENCHMARK_FORMATS), flags.output ?? [], COMPARE_FILES);
  // every -o is checked before a report is read, as audit checks them before the audit
  const destinations = await checkedFiles(chosen);
  const saved = await Promise.all(
    files.map(async (file, i) => ({ file, report: await readReportFile(file, i === 0 ? 'your report' : 'report') })),
  );
  let benchmark: Benchmark;
  try {
    benchmark = buildBenchmark(saved);
  } catch (error) {
    if (error instanceof BenchmarkError) throw new UsageError(error.message);
    throw error;
  }
  await writeChoices(
    io,
    flags.quiet,
    destinations,
    (format) => BENCHMARK_RENDERERS[format](benchmark),
    `benchmark of ${plural(files.length, 'company', 'companies')}`,
  );
  return ExitCode.Ok;
}
