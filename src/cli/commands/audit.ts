/** `channel-audit audit FILE`: run the audit and print or write the report; the exit code follows --fail-on. */
import { stat } from 'node:fs/promises';
import { runAudit } from '../../audit.js';
import { loadInventory } from '../../config/load.js';
import { RecordingHttpClient, ReplayHttpClient } from '../../http/evidence.js';
import { CachingHttpClient } from '../../http/cache.js';
import type { HttpClient } from '../../http/types.js';
import type { Report, ShardInfo } from '../../model/index.js';
import { shardProfiles } from '../../report/shard.js';
import { TOOL } from '../../tool.js';
import { emitReport, prepareOutput, type OutputFlags } from '../emit.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { liveClient, type ClientFlags } from '../http-client.js';
import { onInterrupt } from '../interrupt.js';
import { checkOutputFolder } from '../output.js';
import { parseAsOf, parsePositiveInt, parseShard } from '../options.js';
import { createProgress, progressEnabled } from '../progress.js';

export interface AuditFlags extends OutputFlags, ClientFlags {
  asOf?: string;
  record?: string;
  replay?: string;
  concurrency?: string;
  timeout?: string;
  shard?: string;
  cache?: string;
  cacheMaxAge?: string;
  allowOutsidePaths?: boolean;
}

export async function auditCommand(file: string, flags: AuditFlags): Promise<ExitCode> {
  if (flags.record && flags.replay) throw new UsageError('--record and --replay cannot be used together');
  if (flags.replay && !(await stat(flags.replay).then((s) => s.isDirectory(), () => false))) {
    throw new UsageError(`--replay ${flags.replay}: no such evidence directory (record one with --record)`);
  }
  const prepared = await prepareOutput(flags, 'table');
  if (flags.record) await checkOutputFolder('--record', flags.record);
  if (flags.cache && !flags.replay) await checkOutputFolder('--cache', flags.cache);
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : new Date();
  const shardSpec = flags.shard ? parseShard(flags.shard) : null;
  const cacheMaxAgeDays = flags.cacheMaxAge ? parsePositiveInt('--cache-max-age', flags.cacheMaxAge) : 7;
  const inventory = await loadInventory(file, { allowOutsidePaths: flags.allowOutsidePaths === true });
  if (flags.concurrency) inventory.settings.concurrency = parsePositiveInt('--concurrency', flags.concurrency);
  if (flags.timeout) inventory.settings.timeoutMs = parsePositiveInt('--timeout', flags.timeout);
  let shard: ShardInfo | null = null;
  const allProfiles = inventory.profiles;
  if (shardSpec) {
    shard = { ...shardSpec, inventory: inventory.profiles.map((p) => p.id) };
    inventory.profiles = shardProfiles(inventory.profiles, shardSpec.index, shardSpec.count);
  }

  const interrupt = onInterrupt((message) => process.stderr.write(message));
  const settings = inventory.settings;
  let http: HttpClient = flags.replay ? new ReplayHttpClient(flags.replay) : liveClient(settings, flags, interrupt.abandon);
  if (flags.cache && !flags.replay) http = new CachingHttpClient(http, flags.cache, cacheMaxAgeDays * 86_400_000);
  if (flags.record) http = new RecordingHttpClient(http, flags.record);

  const progress = createProgress(progressEnabled(process.env, flags.quiet ?? false), inventory.profiles.length);
  let report: Report;
  try {
    report = await runAudit(inventory, {
      http,
      asOf,
      generatedAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
      source: flags.replay ? 'replay' : 'live',
      tool: TOOL,
      shard,
      allProfiles,
      stop: interrupt.stop,
      onProfileDone: (result, done, total) => progress.update(result, done, total),
    });
  } finally {
    interrupt.dispose();
    progress.stop();
    await http.close();
  }
  const code = await emitReport(report, prepared, flags);
  return report.interrupted ? ExitCode.RunFailed : code;
}
