/**
 * `channel-audit report REPORT.json`: a saved JSON report rendered again, in any format and to any
 * number of files, so one crawl gives every deliverable. The bytes are those the audit writes.
 */
import { emitReport, prepareOutput, type OutputFlags } from '../emit.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { readReportFile } from '../read-report.js';

export async function reportCommand(file: string, flags: OutputFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const prepared = await prepareOutput(flags, 'table', io);
  const report = await readReportFile(file, 'report');
  return emitReport(report, prepared, flags, io);
}
