/** `channel-audit diff OLD.json NEW.json`: what got better and worse between two saved reports. */
import { extname } from 'node:path';
import { compareReports, comparisonLines, MARKDOWN_STYLE, PLAIN_STYLE, type Report, renderJson } from '../../index.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../exit-code-for.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { parseFailOn } from '../options.js';
import { checkOutputFile, type OutputTarget, writeOutput, writeStdout } from '../output.js';
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

const BY_EXTENSION: Record<string, DiffFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
};

/** The format of each -o (its extension's, or --format's where it implies none; the two disagreeing is a usage error). */
function chooseFormats(flags: DiffFlags): Array<{ format: DiffFormat; name: string | null }> {
  if (flags.format !== undefined && !(DIFF_FORMATS as readonly string[]).includes(flags.format))
    throw new UsageError(`--format: expected one of ${DIFF_FORMATS.join(', ')}, got "${flags.format}"`);
  const given = (flags.format as DiffFormat | undefined) ?? null;
  const files = flags.output ?? [];
  if (files.length === 0) return [{ format: given ?? 'text', name: null }];
  return files.map((name) => {
    const implied = BY_EXTENSION[extname(name).toLowerCase()] ?? null;
    if (given !== null && implied !== null && implied !== given)
      throw new UsageError(
        `-o ${name}: the format ${given} does not match the extension ${extname(name)}; pass -f ${implied}`,
      );
    const format = implied ?? given;
    if (format === null)
      throw new UsageError(`-o ${name}: cannot tell the format from the extension (.txt, .md, .json); add --format`);
    return { format, name };
  });
}

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
  const chosen = chooseFormats(flags);
  const failOn = parseFailOn(flags.failOn);
  // every -o is checked before a report is read, as audit checks them before the audit
  const destinations: Array<{ format: DiffFormat; name: string | null; target: OutputTarget | null }> = [];
  const seen = new Set<string>();
  for (const { format, name } of chosen) {
    const target = name === null ? null : await checkOutputFile('-o', name);
    if (target && seen.has(target.path)) throw new UsageError(`-o ${name}: the same file is given twice`);
    if (target) seen.add(target.path);
    destinations.push({ format, name, target });
  }
  const [before, after] = await Promise.all([
    readReportFile(oldFile, 'old report'),
    readReportFile(newFile, 'new report'),
  ]);
  const compared = compareReports(before, after);
  const heading = comparedLine(oldFile, before, newFile, after);
  for (const { format, name, target } of destinations) {
    // JSON is the new report with baseline.asOf and asOf: both dates are in it already
    const out =
      format === 'json'
        ? renderJson(compared, { colorLevel: 0, width: null, failOn })
        : `${[heading, '', ...comparisonLines(compared, format === 'markdown' ? MARKDOWN_STYLE : PLAIN_STYLE)].join('\n')}\n`;
    if (target) {
      await writeOutput(target, out);
      if (!flags.quiet) io.stderr.write(`wrote ${format} comparison to ${name}\n`);
    } else await writeStdout(io, out);
  }
  return exitCodeFor(compared, failOn, true);
}
