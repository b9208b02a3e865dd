/**
 * The end of every command that produces a report (audit, merge, report): compare with --baseline,
 * render in each chosen format, write to stdout or every -o FILE atomically, and decide the exit code. Options are
 * checked by `prepareOutput` before any work starts, so a typo does not cost a whole audit.
 */
import {
  compareReports,
  EXTENSION_OF,
  type FailOn,
  formatForFile,
  type ProfileResult,
  profileLine,
  RENDERERS,
  type Report,
  summaryLine,
} from '../index.js';
import { colorLevel } from './color.js';
import { UsageError } from './errors.js';
import { exitCodeFor } from './exit-code-for.js';
import type { ExitCode } from './exit-codes.js';
import { type OutputFormat, parseFailOn, parseOutputFormat, parseWidth } from './options.js';
import { checkedFiles, chooseFormats, type FormatChoice } from './file-formats.js';
import { writeOutput, writeStdout, type OutputTarget } from './output.js';
import type { CliIo } from './io.js';
import { findChromium, printPdf } from './pdf.js';
import { readReportFile } from './read-report.js';

export interface OutputFlags {
  format?: string;
  /** -o FILE, repeatable: each file in the format its extension implies. */
  output?: string[];
  /** Given or the command's default; undefined (report, merge): the level the report was made with. */
  failOn?: string;
  baseline?: string;
  failOnNew?: boolean;
  quiet?: boolean;
  /** --width N: the terminal table's width in columns. */
  width?: string;
  /** --chromium PATH: the Chromium that prints a PDF (default: the first found on PATH). */
  chromium?: string;
}

/** One place the report goes: a file checked before the work, or stdout (target null). */
export interface Destination {
  format: OutputFormat;
  /** As given on the command line, for messages; null: stdout. */
  name: string | null;
  target: OutputTarget | null;
  /** The table's width here: --width; else, on stdout, the terminal's (or COLUMNS on a pipe); null: unbounded. */
  width: number | null;
  /** A PDF's: the Chromium that prints it, found before the work starts. */
  chromium: string | null;
}

export interface PreparedOutput {
  /** Every -o, in order; stdout alone when there is none. */
  destinations: Destination[];
  /** --fail-on; null: the report's own (`report`, `merge` without one). */
  failOn: FailOn | null;
  baseline: Report | null;
}

const PDF_FILE = /\.pdf$/i;
const EXTENSION_OF_OUTPUT: Readonly<Record<OutputFormat, string>> = { ...EXTENSION_OF, pdf: '.pdf' };

/** The format of each -o (file-formats.ts); a PDF only ever goes to a file. */
function outputFormats(flags: OutputFlags, fallback: OutputFormat): Array<FormatChoice<OutputFormat>> {
  const given = flags.format ? parseOutputFormat(flags.format) : null;
  if (given === 'pdf' && (flags.output ?? []).length === 0)
    throw new UsageError('--format pdf: a PDF is written to a file; add -o report.pdf');
  return chooseFormats(given, flags.output ?? [], {
    implied: (name) => (PDF_FILE.test(name) ? 'pdf' : formatForFile(name)),
    fallback,
    extensionOf: (format) => EXTENSION_OF_OUTPUT[format],
  });
}

export async function prepareOutput(flags: OutputFlags, fallback: OutputFormat, io: CliIo): Promise<PreparedOutput> {
  if (flags.failOnNew && !flags.baseline)
    throw new UsageError('--fail-on-new needs --baseline PREVIOUS.json to know what is new');
  const chosen = outputFormats(flags, fallback);
  const failOn = flags.failOn === undefined ? null : parseFailOn(flags.failOn);
  const baseline = flags.baseline ? await readReportFile(flags.baseline, '--baseline') : null;
  const destinations: Destination[] = [];
  for (const { format, name, target } of await checkedFiles(chosen)) {
    // a PDF's Chromium is found now: without one the run stops here, not after a whole audit
    const chromium = format === 'pdf' ? await findChromium(name!, flags.chromium, io.env) : null;
    destinations.push({ format, name, target, width: outputWidth(flags, io, target !== null), chromium });
  }
  return { destinations, failOn, baseline };
}

/** --width N; else a terminal's own width; else COLUMNS (a pipe, `watch`, CI logs). A file gets none unless asked. */
export function outputWidth(flags: OutputFlags, io: CliIo, toFile = false): number | null {
  if (flags.width !== undefined) return parseWidth(flags.width);
  if (toFile) return null;
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = io.env.COLUMNS;
  return columns && /^\d+$/.test(columns) && Number(columns) > 0 ? Number(columns) : null;
}

/**
 * The level verdicts are rendered and the exit decided at: --fail-on when given, else the one the report
 * was made with, so JUnit from a saved or merged report is the audit's own; a report from before
 * reports kept it: `never`, as `report` always rendered those.
 */
export const failOnOf = (report: Report, prepared: PreparedOutput): FailOn =>
  prepared.failOn ?? report.failOn ?? 'never';

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
  const [only, ...more] = prepared.destinations;
  if (only?.format !== 'ndjson' || only.target || more.length > 0 || prepared.baseline) return null;
  let writing: Promise<void> = Promise.resolve();
  return {
    write(profile) {
      writing = writing.then(() => writeStdout(io, profileLine(profile)));
    },
    async finish(report) {
      await writing;
      await writeStdout(io, summaryLine(report));
      return exitCodeFor(report, failOnOf(report, prepared), flags.failOnNew ?? false);
    },
  };
}

/**
 * Renders the report for each destination and writes it there: the same bytes as `report` renders
 * from the saved JSON. A file gets no colour and no width unless --width asks; stdout gets the terminal's.
 */
export async function emitReport(
  report: Report,
  prepared: PreparedOutput,
  flags: OutputFlags,
  io: CliIo,
): Promise<ExitCode> {
  const failOn = failOnOf(report, prepared);
  // the report says the level its renderings use: a JSON written here renders to the same verdicts again
  const compared = prepared.baseline ? compareReports(prepared.baseline, report) : report;
  const final: Report = { ...compared, failOn };
  for (const destination of prepared.destinations) {
    const toFile = destination.target !== null;
    // a PDF is the html report, printed
    const format = destination.format === 'pdf' ? 'html' : destination.format;
    const rendered = RENDERERS[format](final, {
      colorLevel: colorLevel(io.env, toFile),
      width: destination.width,
      failOn,
    });
    if (destination.chromium) {
      // only a file is ever a PDF (chooseFormats refuses one on stdout)
      await writeOutput(destination.target!, await printPdf(rendered, destination.chromium, destination.name!));
      if (!flags.quiet) io.stderr.write(`wrote pdf report to ${destination.name}\n`);
      continue;
    }
    if (destination.target) {
      await writeOutput(destination.target, rendered);
      if (!flags.quiet) io.stderr.write(`wrote ${destination.format} report to ${destination.name}\n`);
    } else {
      await writeStdout(io, rendered);
    }
  }
  return exitCodeFor(final, failOn, flags.failOnNew ?? false);
}
