/**
 * `channel-audit history DIR_OR_FILES…`: a series of saved JSON reports of one inventory (any order;
 * a folder means every .json file in it) as history — per profile and for the company, how status,
 * score, cadence, conversation and canned ratios moved — in text, Markdown, JSON or an HTML page of
 * small multiples. `--fail-on-regression` exits 1 when the newest report is worse than the best of the
 * `--window` reports before it.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { buildHistory, HistoryError } from '../../report/history.js';
import { renderHistoryHtml } from '../../render/history-html.js';
import {
  HISTORY_FORMATS,
  renderHistoryJson,
  renderHistoryMarkdown,
  renderHistoryText,
  type HistoryFormat,
} from '../../render/history.js';
import type { History } from '../../model/index.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { parsePositiveInt } from '../options.js';
import { checkOutputFile, writeOutput, writeStdout } from '../output.js';
import { readReportFile } from '../read-report.js';

export interface HistoryFlags {
  format?: string;
  output?: string;
  window?: string;
  failOnRegression?: boolean;
  quiet?: boolean;
}

const RENDER: Record<HistoryFormat, (h: History) => string> = {
  text: renderHistoryText,
  markdown: renderHistoryMarkdown,
  json: renderHistoryJson,
  html: renderHistoryHtml,
};

const BY_EXTENSION: Record<string, HistoryFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
};

function chooseFormat(flags: HistoryFlags): HistoryFormat {
  const implied = flags.output ? (BY_EXTENSION[extname(flags.output).toLowerCase()] ?? null) : null;
  if (flags.format !== undefined) {
    if (!(HISTORY_FORMATS as readonly string[]).includes(flags.format))
      throw new UsageError(`--format: expected one of ${HISTORY_FORMATS.join(', ')}, got "${flags.format}"`);
    if (implied !== null && implied !== flags.format)
      throw new UsageError(
        `-o ${flags.output}: the format ${flags.format} does not match the extension ${extname(flags.output!)}; pass -f ${implied}`,
      );
    return flags.format as HistoryFormat;
  }
  if (flags.output && implied === null)
    throw new UsageError(`-o ${flags.output}: cannot tell the format from the extension; add --format`);
  return implied ?? 'text';
}

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
    const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
    if (names.length === 0) throw new UsageError(`${path}: a folder without .json reports`);
    for (const name of names) files.push(join(path, name));
  }
  return files;
}

export async function historyCommand(paths: string[], flags: HistoryFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const format = chooseFormat(flags);
  const window = flags.window === undefined ? 7 : parsePositiveInt('--window', flags.window);
  const target = flags.output ? await checkOutputFile('-o', flags.output) : null;
  const files = await reportFiles(paths);
  const saved = await Promise.all(files.map(async (file) => ({ file, report: await readReportFile(file, 'report') })));
  let history: History;
  try {
    history = buildHistory(saved, window);
  } catch (error) {
    if (error instanceof HistoryError) throw new UsageError(error.message);
    throw error;
  }
  const rendered = RENDER[format](history);
  if (target) {
    await writeOutput(target, rendered);
    if (!flags.quiet) io.stderr.write(`wrote ${format} history of ${files.length} reports to ${flags.output}\n`);
  } else await writeStdout(io, rendered);
  return flags.failOnRegression && history.regression.worse ? ExitCode.Findings : ExitCode.Ok;
}
