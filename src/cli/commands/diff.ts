/** `channel-audit diff OLD.json NEW.json`: what got better and worse between two saved reports. */
import { compareReports, comparisonLines, MARKDOWN_STYLE, PLAIN_STYLE, type Report, renderJson } from '../../index.js';
import { exitCodeFor } from '../exit-code-for.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { parseFailOn } from '../options.js';
import { byExtension, checkedFiles, chooseFormats, givenFormat, writeChoices } from '../file-formats.js';
import { readReportFile } from '../read-report.js';

export interface DiffFlags {
  /** Default text, or what each -o's extension implies. */
  format?: string;
  failOn: string;
  /** -o FILE, repeatable: each file in the format its extension implies (as audit's -o). */
  output?: string[];
  quiet?: boolean;
}

const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

const DIFF_FILES = {
  implied: byExtension<DiffFormat>({
    '.txt': 'text',
    '.md': 'markdown',
    '.markdown': 'markdown',
    '.json': 'json',
  }),
  fallback: 'text',
} as const;

/** When a report is as of: its day, or the instant where both reports are of the same day. */
const when = (asOf: string, other: string) => (asOf.slice(0, 10) === other.slice(0, 10) ? asOf : asOf.slice(0, 10));

/** The line that names both reports and their dates, so a comparison read later says what it compared. */
function comparedLine(oldFile: string, before: Report, newFile: string, after: Report): string {
  return `Comparing ${oldFile} (as of ${when(before.asOf, after.asOf)}) with ${newFile} (as of ${when(after.asOf, before.asOf)})`;
}

export async function diffCommand(
  oldFile: string,
  newFile: string,
  flags: DiffFlags,
  io: CliIo = processIo(),
): Promise<ExitCode> {
  const chosen = chooseFormats(givenFormat(flags.format, DIFF_FORMATS), flags.output ?? [], DIFF_FILES);
  const failOn = parseFailOn(flags.failOn);
  // every -o is checked before a report is read, as audit checks them before the audit
  const destinations = await checkedFiles(chosen);
  const [before, after] = await Promise.all([
    readReportFile(oldFile, 'old report'),
    readReportFile(newFile, 'new report'),
  ]);
  const compared = compareReports(before, after);
  const heading = comparedLine(oldFile, before, newFile, after);
  // JSON is the new report with baseline.asOf and asOf: both dates are in it already
  const render = (format: string) =>
    format === 'json'
      ? renderJson(compared, { colorLevel: 0, width: null, failOn })
      : `${[heading, '', ...comparisonLines(compared, format === 'markdown' ? MARKDOWN_STYLE : PLAIN_STYLE)].join('\n')}\n`;
  await writeChoices(io, flags.quiet, destinations, render, 'comparison');
  return exitCodeFor(compared, failOn, true);
}
