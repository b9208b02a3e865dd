/** `channel-audit audit FILE`: run the audit and print or write the report; the exit code follows --fail-on. */
import { stat } from 'node:fs/promises';
import {
  auditInventory,
  createHttpClient,
  credentialValues,
  generatedAtFrom,
  loadInventory,
  SourceDateEpochError,
  type Report,
  terminalSafe,
  terminalText,
} from '../../index.js';
import { emitReport, prepareOutput, profileStream, type OutputFlags } from '../emit.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import type { ClientFlags } from '../http-client.js';
import { onInterrupt } from '../interrupt.js';
import { checkOutputFolder } from '../output.js';
import { parseAsOf, parseNonNegativeInt, parsePositiveInt, parseShard } from '../options.js';
import { createProgress, progressEnabled } from '../progress.js';
import { keepHeapNearLive } from '../heap.js';

export interface AuditFlags extends OutputFlags, ClientFlags {
  asOf?: string;
  record?: string;
  replay?: string;
  concurrency?: string;
  timeout?: string;
  profileTimeout?: string;
  listen?: string;
  shard?: string;
  cache?: string;
  cacheMaxAge?: string;
  allowOutsidePaths?: boolean;
  verbose?: boolean;
}

/** SOURCE_DATE_EPOCH is checked before anything is fetched: a bad one is a usage error, not a failure after the audit. */
function generatedAtOrUsage(env: NodeJS.ProcessEnv): Date {
  try {
    return generatedAtFrom(env);
  } catch (error) {
    if (error instanceof SourceDateEpochError) throw new UsageError(error.message);
    throw error;
  }
}

/** 00:00 UTC of the date's day. */
export const startOfUtcDay = (date: Date) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

export async function auditCommand(file: string, flags: AuditFlags, io: CliIo = processIo()): Promise<ExitCode> {
  if (flags.record && flags.replay) throw new UsageError('--record and --replay cannot be used together');
  if (
    flags.replay &&
    !(await stat(flags.replay).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new UsageError(`--replay ${flags.replay}: no such evidence directory (record one with --record)`);
  }
  const prepared = await prepareOutput(flags, 'table', io);
  if (flags.record) await checkOutputFolder('--record', flags.record);
  if (flags.cache && !flags.replay) await checkOutputFolder('--cache', flags.cache);
  const generatedAt = generatedAtOrUsage(io.env);
  const shardSpec = flags.shard ? parseShard(flags.shard) : null;
  // the shards of one night start seconds or minutes apart on their runners: as of the start of their
  // UTC day they agree, so `merge` takes them without an --as-of on every line (issue 35, item 1)
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : shardSpec ? startOfUtcDay(generatedAt) : generatedAt;
  const cacheMaxAgeDays = flags.cacheMaxAge ? parsePositiveInt('--cache-max-age', flags.cacheMaxAge) : 7;
  const inventory = await loadInventory(file, { allowOutsidePaths: flags.allowOutsidePaths === true });
  if (!flags.quiet) for (const note of inventory.notes) io.stderr.write(terminalText(`note: ${note}\n`));
  if (flags.concurrency) inventory.settings.concurrency = parsePositiveInt('--concurrency', flags.concurrency);
  if (flags.timeout) inventory.settings.timeoutMs = parsePositiveInt('--timeout', flags.timeout);
  if (flags.profileTimeout)
    inventory.settings.profileTimeoutMs = parsePositiveInt('--profile-timeout', flags.profileTimeout);
  if (flags.listen !== undefined) inventory.settings.listenBudget = parseNonNegativeInt('--listen', flags.listen);
  keepHeapNearLive(inventory.profiles.length);

  const stream = profileStream(prepared, flags, io);
  const interrupt = onInterrupt((message) => io.stderr.write(message));
  const http = createHttpClient(inventory.settings, {
    replay: flags.replay,
    record: flags.record,
    cache: flags.cache ? { dir: flags.cache, maxAgeDays: cacheMaxAgeDays } : undefined,
    ignoreRobots: flags.ignoreRobots,
    userAgent: flags.userAgent,
    signal: interrupt.abandon,
    env: io.env,
    log: flags.verbose ? (line) => io.stderr.write(`${terminalSafe(line)}\n`) : undefined,
    secrets: credentialValues(inventory, io.env),
  });
  // the total comes with each profile done (a shard's share of the inventory is known only to the run)
  const progress = createProgress(
    progressEnabled(io.env, flags.quiet ?? false, io.stderr),
    io.stderr as NodeJS.WriteStream,
  );
  let report: Report;
  try {
    report = await auditInventory(inventory, {
      http,
      asOf,
      source: flags.replay ? 'replay' : 'live',
      generatedAt,
      // audit's --fail-on always has a value (default critical)
      failOn: prepared.failOn ?? 'critical',
      shard: shardSpec,
      stop: interrupt.stop,
      onProfileDone: (result, done, total) => progress.update(result, done, total),
      onProfileFinal: stream?.write,
      env: io.env,
    });
  } finally {
    interrupt.dispose();
    progress.stop();
    await http.close();
  }
  const code = stream ? await stream.finish(report) : await emitReport(report, prepared, flags, io);
  // the auditor's network was down: the report is written, and the run failed (issue 31, item 6)
  if (report.networkDown) io.stderr.write(`the run failed: ${terminalSafe(report.networkDown.reason)}\n`);
  return report.interrupted || report.networkDown ? ExitCode.RunFailed : code;
}
