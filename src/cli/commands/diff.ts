/** `channel-audit diff OLD.json NEW.json`: what got better and worse between two saved reports. */
import { compareReports, comparisonLines, MARKDOWN_STYLE, PLAIN_STYLE, renderJson } from '../../index.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../exit-code-for.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { parseFailOn } from '../options.js';
import { writeStdout } from '../output.js';
import { readReportFile } from '../read-report.js';

export interface DiffFlags {
  format: string;
  failOn: string;
}

const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

export async function diffCommand(
  oldFile: string,
  newFile: string,
  flags: DiffFlags,
  io: CliIo = processIo(),
): Promise<ExitCode> {
  if (!(DIFF_FORMATS as readonly string[]).includes(flags.format))
    throw new UsageError(`--format: expected one of ${DIFF_FORMATS.join(', ')}, got "${flags.format}"`);
  const failOn = parseFailOn(flags.failOn);
  const [before, after] = await Promise.all([
    readReportFile(oldFile, 'old report'),
    readReportFile(newFile, 'new report'),
  ]);
  const compared = compareReports(before, after);
  const out =
    flags.format === 'json'
      ? renderJson(compared, { colorLevel: 0, width: null, failOn })
      : `${comparisonLines(compared, flags.format === 'markdown' ? MARKDOWN_STYLE : PLAIN_STYLE).join('\n')}\n`;
  await writeStdout(io, out);
  return exitCodeFor(compared, failOn, true);
}
