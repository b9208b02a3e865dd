/**
 * `channel-audit discover --handle NAME … [--inventory FILE [--append]]`: which known platforms have a
 * profile under these handles (found, not-found, unknown), and which found ones the inventory lacks;
 * `discover --self-check`: whether the platform table's markers still hold.
 */
import { readFile, writeFile } from 'node:fs/promises';
import {
  AppendError,
  appendProfileUrls,
  canonicalProfiles,
  DEFAULT_SETTINGS,
  discover,
  DISCOVERY_PLATFORMS,
  discoveryText,
  type ListedRow,
  loadInventory,
  type PlatformId,
  plural,
  profileRef,
  selfCheck,
  selfCheckText,
} from '../../index.js';
import { writeStdout } from '../output.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { liveClient, type ClientFlags } from '../http-client.js';
import { parseHttpUrl, parsePositiveInt } from '../options.js';

export interface DiscoverFlags extends ClientFlags {
  handle?: string[];
  inventory?: string;
  append?: boolean;
  selfCheck?: boolean;
  endpoint?: string[];
  platform?: string;
  format?: string;
  timeout?: string;
}

const DISCOVER_MAX_RETRY_AFTER_SECONDS = 5;

function endpoints(values: readonly string[]): Partial<Record<PlatformId, string>> {
  const out: Partial<Record<PlatformId, string>> = {};
  for (const value of values) {
    const m = /^([a-z]+)=(.+)$/.exec(value);
    const platform = DISCOVERY_PLATFORMS.find((p) => p.id === m?.[1]);
    if (!m || !platform)
      throw new UsageError(
        `--endpoint: expected PLATFORM=URL with PLATFORM one of ${DISCOVERY_PLATFORMS.map((p) => p.id).join(', ')}, got "${value}"`,
      );
    out[platform.id] = parseHttpUrl('--endpoint', m[2]!);
  }
  return out;
}

function platforms(value: string | undefined) {
  if (!value) return DISCOVERY_PLATFORMS;
  const ids = value.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !DISCOVERY_PLATFORMS.some((p) => p.id === id));
  if (unknown.length > 0)
    throw new UsageError(
      `--platform: unknown ${unknown.join(', ')}; known: ${DISCOVERY_PLATFORMS.map((p) => p.id).join(', ')}`,
    );
  return DISCOVERY_PLATFORMS.filter((p) => ids.includes(p.id));
}

/** Adds profiles at the end of the inventory's `profiles:` list; every other line stays as written. */
async function appendProfiles(file: string, urls: readonly string[]): Promise<void> {
  let text: string;
  try {
    text = appendProfileUrls(await readFile(file, 'utf8'), urls);
  } catch (error) {
    if (error instanceof AppendError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  await writeFile(file, text);
}

export async function discoverCommand(flags: DiscoverFlags, io: CliIo = processIo()): Promise<ExitCode> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: expected text or json, got "${format}"`);
  const handles = flags.handle ?? [];
  if (!flags.selfCheck && handles.length === 0)
    throw new UsageError('discover: give at least one --handle NAME (or --self-check)');
  if (flags.append && !flags.inventory) throw new UsageError('--append needs --inventory FILE');
  const inventory = flags.inventory ? await loadInventory(flags.inventory) : null;
  const settings = { ...(inventory?.settings ?? DEFAULT_SETTINGS) };
  if (flags.timeout) settings.timeoutMs = parsePositiveInt('--timeout', flags.timeout);
  // a rate limit already answers the question (unknown): a short Retry-After is honoured, a long one is not waited for
  settings.maxRetryAfterSeconds = Math.min(settings.maxRetryAfterSeconds, DISCOVER_MAX_RETRY_AFTER_SECONDS);
  const options = { endpoints: endpoints(flags.endpoint ?? []), platforms: platforms(flags.platform) };
  const http = liveClient(settings, flags, io.env);
  try {
    if (flags.selfCheck) {
      const rows = await selfCheck(http, options);
      await writeStdout(io, format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : selfCheckText(rows));
      // a failed marker is a finding; a platform that never answered means the check could not run
      if (rows.some((r) => r.reached && !r.pass)) return ExitCode.Findings;
      return rows.every((r) => r.reached) ? ExitCode.Ok : ExitCode.RunFailed;
    }
    const found = await discover(handles, http, options);
    const known = inventory ? canonicalProfiles(inventory.profiles) : null;
    const rows: ListedRow[] = found.map((r) =>
      known ? { ...r, listedAs: known.get(profileRef(r.url)?.url ?? r.url) ?? null } : r,
    );
    await writeStdout(
      io,
      format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : discoveryText(rows, flags.inventory ?? null),
    );
    const undeclared = rows.filter((r) => r.status === 'found' && r.listedAs === null).map((r) => r.url);
    if (flags.append && undeclared.length > 0) {
      await appendProfiles(flags.inventory!, undeclared);
      io.stderr.write(`appended ${plural(undeclared.length, 'profile')} to ${flags.inventory}\n`);
    }
    return ExitCode.Ok;
  } finally {
    await http.close();
  }
}
