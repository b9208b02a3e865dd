/**
 * The end of every command that produces a report (audit, merge): compare with --baseline, render in
 * the chosen format, write to stdout or -o FILE atomically, and decide the exit code. Options are
 * checked by `prepareOutput` before any work starts, so a typo does not cost a whole audit.
 */
import type { FailOn, Report } from '../model/index.js';
import { compareReports } from '../report/compare.js';
import { formatForFile, RENDERERS, type Format } from '../render/index.js';
import { colorLevel } from './color.js';
import { UsageError } from './errors.js';
import { exitCodeFor, type ExitCode } from './exit-codes.js';
import { parseFailOn, parseFormat } from './options.js';
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
}

export interface PreparedOutput {
  format: Format;
  failOn: FailOn;
  baseline: Report | null;
  /** Where -o writes, checked before the work; null: stdout. */
  target: OutputTarget | null;
}

function chooseFormat(flags: OutputFlags, fallback: Format): Format {
  if (flags.format) return parseFormat(flags.format);
  if (flags.output) {
    const implied = formatForFile(flags.output);
    if (!implied) throw new UsageError(`-o ${flags.output}: cannot tell the format from the extension; add --format`);
    return implied;
  }
  return fallback;
}

export async function prepareOutput(flags: OutputFlags, fallback: Format): Promise<PreparedOutput> {
  if (flags.failOnNew && !flags.baseline)
    throw new UsageError('--fail-on-new needs --baseline PREVIOUS.json to know what is new');
  const format = chooseFormat(flags, fallback);
  const failOn = parseFailOn(flags.failOn);
  const baseline = flags.baseline ? await readReportFile(flags.baseline, '--baseline') : null;
  const target = flags.output ? await checkOutputFile('-o', flags.output) : null;
  return { format, failOn, baseline, target };
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
    width: flags.output ? null : (io.stdout.columns ?? null),
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
