/**
 * `channel-audit history DIR_OR_FILES…`: a series of saved JSON reports of one inventory (any order;
 * a folder means every .json file in it) as history — per profile and for the company, how status,
 * score, cadence, conversation and canned ratios moved — in text, Markdown, JSON or an HTML page of
 * small multiples. `--fail-on-regression` exits 1 when the newest report is worse than the best of the
 * `--window` reports before it.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildHistory,
  HISTORY_FORMATS,
  type History,
  HistoryError,
  type HistoryFormat,
  renderHistoryHtml,
  renderHistoryJson,
  renderHistoryMarkdown,
  renderHistoryText,
  terminalSafe,
  plural,
} from '../../index.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { parseFailOn, parseNonNegativeInt, parsePositiveInt } from '../options.js';
import { byExtension, checkedFiles, chooseFormats, givenFormat, writeChoices } from '../file-formats.js';
import { readReportFile } from '../read-report.js';

export interface HistoryFlags {
  format?: string;
  /** -o FILE, repeatable: each file in the format its extension implies (as audit's -o). */
  output?: string[];
  window?: string;
  failOnRegression?: boolean;
  /** With --fail-on-regression: a new finding at or above this level is a regression (default warning). */
  failOn?: string;
  /** With --fail-on-regression: a score more than this many points below the report before is (default 5). */
  tolerance?: string;
  quiet?: boolean;
}

const RENDER: Record<HistoryFormat, (h: History) => string> = {
  text: renderHistoryText,
  markdown: renderHistoryMarkdown,
  json: renderHistoryJson,
  html: renderHistoryHtml,
};

const HISTORY_FILES = {
  implied: byExtension<HistoryFormat>({
    '.txt': 'text',
    '.md': 'markdown',
    '.markdown': 'markdown',
    '.json': 'json',
    '.html': 'html',
    '.htm': 'html',
  }),
  fallback: 'text',
} as const;

/** The report files: each file as given, and every .json file of each folder, in name order. */
async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`${path}: no such file or folder`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    // only regular files: a FIFO or a device named *.json in a report folder would block the read forever
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
      .map((e) => e.name)
      .sort();
    if (names.length === 0) throw new UsageError(`${path}: a folder without .json reports`);
    // a loop, not push(...): a folder of years of reports may hold more names than the call stack takes arguments
    for (const n of names) files.push(join(path, n));
  }
  return files;
}

export async function historyCommand(paths: string[], flags: HistoryFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const chosen = chooseFormats(givenFormat(flags.format, HISTORY_FORMATS), flags.output ?? [], HISTORY_FILES);
  const window = flags.window === undefined ? 7 : parsePositiveInt('--window', flags.window);
  const failOn = parseFailOn(flags.failOn ?? 'warning');
  const tolerance = flags.tolerance === undefined ? 5 : parseNonNegativeInt('--tolerance', flags.tolerance);
  // every -o is checked before a report is read, as audit checks them before the audit
  const destinations = await checkedFiles(chosen);
  const files = await reportFiles(paths);
  const saved = await Promise.all(files.map(async (file) => ({ file, report: await readReportFile(file, 'report') })));
  let history: History;
  try {
    history = buildHistory(saved, window, { failOn, tolerance });
  } catch (error) {
    if (error instanceof HistoryError) throw new UsageError(error.message);
    throw error;
  }
  await writeChoices(
    io,
    flags.quiet,
    destinations,
    (format) => RENDER[format](history),
    `history of ${plural(files.length, 'report')}`,
  );
  if (flags.failOnRegression && history.regression.worse) {
    // the gate says why it is red when the rendering (which says it too) went only to files
    if (!flags.quiet && destinations.every((d) => d.target !== null))
      io.stderr.write(`regression: ${history.regression.reasons.map((r) => terminalSafe(r)).join('; ')}\n`);
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}
