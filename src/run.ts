/**
 * One audit run as the CLI and library users start it: the shard of the inventory to audit, the
 * tool's identity, and a reproducible `generatedAt` (SOURCE_DATE_EPOCH, report/generated-at.ts), around runAudit.
 */
import { runAudit, type AuditOptions } from './audit.js';
import type { FailOn, Inventory, Report, ShardInfo } from './model/index.js';
import { generatedAtFrom } from './report/generated-at.js';
import { shardProfiles } from './report/shard.js';
import { TOOL } from './tool.js';

export interface RunOptions
  extends Pick<AuditOptions, 'http' | 'stop' | 'onProfileDone' | 'onProfileFinal' | 'analyze'> {
  /** The level findings fail at, which the report records for its renderings (default `critical`, as the CLI's). */
  failOn?: FailOn;
  /** The date the audit is as of (windows end here); default: `generatedAt`. */
  asOf?: Date;
  /** `live` for the network, `replay` for recorded evidence (the report's profiles say which). */
  source?: 'live' | 'replay';
  /** Audit only shard `index` (1-based) of `count`, cut by host; `merge` puts the shards together. */
  shard?: { index: number; count: number } | null;
  /** When the report says it was made; default: SOURCE_DATE_EPOCH from `env` if set, else now. */
  generatedAt?: Date;
  env?: NodeJS.ProcessEnv;
}

/** Audits the inventory (or one shard of it) and returns the report; the inventory is not changed. */
export function auditInventory(inventory: Inventory, options: RunOptions): Promise<Report> {
  const allProfiles = inventory.profiles;
  let shard: ShardInfo | null = null;
  let audited = inventory;
  if (options.shard) {
    shard = { ...options.shard, inventory: allProfiles.map((p) => p.id) };
    audited = { ...inventory, profiles: shardProfiles(allProfiles, options.shard.index, options.shard.count) };
  }
  const generatedAt = options.generatedAt ?? generatedAtFrom(options.env ?? process.env);
  return runAudit(audited, {
    http: options.http,
    asOf: options.asOf ?? generatedAt,
    generatedAt,
    source: options.source ?? 'live',
    tool: TOOL,
    failOn: options.failOn ?? 'critical',
    shard,
    allProfiles,
    stop: options.stop,
    onProfileDone: options.onProfileDone,
    onProfileFinal: options.onProfileFinal,
    analyze: options.analyze,
    env: options.env,
  });
}
