/**
 * The end of every command that produces a report (audit, merge): compare with --baseline, render in
 * the chosen format, write to stdout or -o FILE atomically, and decide the exit code. Options are
 * checked by `prepareOutput` before any work starts, so a typo does not cost a whole audit.
 */
import { extname } from 'node:path';
import type { FailOn, ProfileResult, Report } from '../model/index.js';
import { profileLine, summaryLine } from '../render/ndjson.js';
import { compareReports } from '../report/compare.js';
import { EXTENSION_OF, formatForFile, RENDERERS, type Format } from '../render/index.js';
import { colorLevel } from './color.js';
import { UsageError } from './errors.js';
import { exitCodeFor, type ExitCode } from './exit-codes.js';
import { parseFailOn, parseFormat, parseWidth } from './options.js';
import { checkOutputFile, writeOutput, writeStdout, type OutputTarget } from './output.js';
import type { CliIo } from './io.js';
import { readReportFile } from './read-report.js';

export interface OutputFlags {
  format?: string;
  output?: string;
  failOn: string;
  baseline?: string;
  failOnNew?: boolean;
  quiet?: boolean;
  /** --width N: the terminal table's width in columns. */
  width?: string;
}

export interface PreparedOutput {
  format: Format;
  failOn: FailOn;
  baseline: Report | null;
  /** Where -o writes, checked before the work; null: stdout. */
  target: OutputTarget | null;
  /** The table's width: --width, else the terminal's (or COLUMNS when stdout is a pipe); null: unbounded. */
  width: number | null;
}

/**
 * --format, or the format -o's extension implies. Both given and disagreeing is a usage error: a JSON
 * file named .html helps nobody. An extension that implies nothing (.out) takes --format as it is.
 */
function chooseFormat(flags: OutputFlags, fallback: Format): Format {
  const implied = flags.output ? formatForFile(flags.output) : null;
  if (flags.format) {
    const format = parseFormat(flags.format);
    if (implied !== null && implied !== format) {
      const extension = extname(flags.output!);
      throw new UsageError(
        `-o ${flags.output}: the format ${format} does not match the extension ${extension}; pass -f ${implied} or a ${EXTENSION_OF[format]} name`,
      );
    }
    return format;
  }
  if (flags.output) {
    if (!implied) throw new UsageError(`-o ${flags.output}: cannot tell the format from the extension; add --format`);
    return implied;
  }
  return fallback;
}

export async function prepareOutput(flags: OutputFlags, fallback: Format, io: CliIo): Promise<PreparedOutput> {
  if (flags.failOnNew && !flags.baseline)
    throw new UsageError('--fail-on-new needs --baseline PREVIOUS.json to know what is new');
  const format = chooseFormat(flags, fallback);
  const failOn = parseFailOn(flags.failOn);
  const baseline = flags.baseline ? await readReportFile(flags.baseline, '--baseline') : null;
  const target = flags.output ? await checkOutputFile('-o', flags.output) : null;
  return { format, failOn, baseline, target, width: outputWidth(flags, io) };
}

/** --width N; else a terminal's own width; else COLUMNS (a pipe, `watch`, CI logs); a file gets none. */
export function outputWidth(flags: OutputFlags, io: CliIo): number | null {
  if (flags.width !== undefined) return parseWidth(flags.width);
  if (flags.output) return null;
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = io.env.COLUMNS;
  return columns && /^\d+$/.test(columns) && Number(columns) > 0 ? Number(columns) : null;
}

export interface ProfileStream {
  /** Writes a finished profile's line now (in the order profiles finish). */
  write(profile: ProfileResult): void;
  /** After the run: the summary line, and the exit code. */
  finish(report: Report): Promise<ExitCode>;
}

/**
 * `--format ndjson` to stdout streams: each profile's line is written as soon as it is final, then the
 * summary line. Written to a file (atomically, at the end) or compared with --baseline (whose changes
 * are known only at the end), ndjson is rendered whole like every other format: null here.
 */
export function profileStream(prepared: PreparedOutput, flags: OutputFlags, io: CliIo): ProfileStream | null {
  if (prepared.format !== 'ndjson' || prepared.target || prepared.baseline) return null;
  let writing: Promise<void> = Promise.resolve();
  return {
    write(profile) {
      writing = writing.then(() => writeStdout(io, profileLine(profile)));
    },
    async finish(report) {
      await writing;
      await writeStdout(io, summaryLine(report));
      return exitCodeFor(report, prepared.failOn, flags.failOnNew ?? false);
    },
  };
}

export async function emitReport(
  report: Report,
  prepared: PreparedOutput,
  flags: OutputFlags,
  io: CliIo,
): Promise<ExitCode> {
  const final = prepared.baseline ? compareReports(prepared.baseline, report) : report;
  const rendered = RENDERERS[prepared.format](final, {
    colorLevel: colorLevel(io.env, Boolean(flags.output)),
    width: prepared.width,
    failOn: prepared.failOn,
  });
  if (prepared.target) {
    await writeOutput(prepared.target, rendered);
    if (!flags.quiet) io.stderr.write(`wrote ${prepared.format} report to ${flags.output}\n`);
  } else {
    await writeStdout(io, rendered);
  }
  return exitCodeFor(final, prepared.failOn, flags.failOnNew ?? false);
}
