/** `channel-audit merge A.json B.json …`: the shard reports of one run as the one report an unsharded run writes. */
import { mergeReports } from '../../index.js';
import { emitReport, prepareOutput, type OutputFlags } from '../emit.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { readReportFile } from '../read-report.js';

export async function mergeCommand(files: string[], flags: OutputFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const prepared = await prepareOutput(flags, 'json', io);
  const shards = await Promise.all(
    files.map(async (file) => ({ file, report: await readReportFile(file, 'shard report') })),
  );
  return emitReport(mergeReports(shards, { failOn: prepared.failOn }), prepared, flags, io);
}
