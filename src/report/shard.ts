/**
 * Scale-out on CI runners. `--shard I/N` audits a deterministic slice of the inventory, cut by host so
 * that every request to one host comes from one runner and per-host politeness still holds; `merge`
 * puts the shard reports back into the report an unsharded run would have written.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FailOn, ProfileResult, ProfileSpec, Report } from '../model/index.js';
import { buildReport } from './build.js';
import { mergedNetworkDown } from './network-down.js';
import { MergeError } from './errors.js';
import { WEBSITE_CODES } from '../scoring/website.js';

export { MergeError } from './errors.js';

/** The host a profile's requests go to, as far as the inventory tells: its URL's host. */
export const hostOf = (url: string) => new URL(url).host.toLowerCase();

/**
 * The shard (1..count) of every host: hosts with the most profiles first, each to the shard with the
 * fewest profiles so far (ties to the lower shard). Depends only on the hosts and their counts.
 */
export function shardOfHosts(profiles: Pick<ProfileSpec, 'url'>[], count: number): Map<string, number> {
  const perHost = new Map<string, number>();
  for (const p of profiles) perHost.set(hostOf(p.url), (perHost.get(hostOf(p.url)) ?? 0) + 1);
  const hosts = [...perHost].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0));
  const load = Array.from({ length: count }, () => 0);
  const assignment = new Map<string, number>();
  for (const [host, n] of hosts) {
    const shard = load.indexOf(load.reduce((a, b) => Math.min(a, b)));
    load[shard]! += n;
    assignment.set(host, shard + 1);
  }
  return assignment;
}

export function shardProfiles<P extends Pick<ProfileSpec, 'url'>>(profiles: P[], index: number, count: number): P[] {
  const assignment = shardOfHosts(profiles, count);
  return profiles.filter((p) => assignment.get(hostOf(p.url)) === index);
}

/**
 * The first field in which two shard reports are not of one run, in words with both values ("the
 * as-of date differs: 2026-11-02T00:00:00.000Z in b.json, 2026-11-01T00:00:00.000Z in a.json"), or
 * null: a refusal that names the field tells the user which flag or runner to fix.
 */
export function runDifference(a: Report, b: Report, aName = 'one', bName = 'the other'): string | null {
  const fields: Array<[string, (r: Report) => unknown]> = [
    ['schema version', (r) => r.schemaVersion],
    ['tool version', (r) => `${r.tool.name} ${r.tool.version}`],
    ['company', (r) => r.company],
    ['as-of date', (r) => r.asOf],
    ['settings', (r) => r.settings],
  ];
  for (const [name, get] of fields) {
    const [x, y] = [get(a), get(b)];
    if (isDeepStrictEqual(x, y)) continue;
    if (name === 'settings') {
      const key = settingsKeyDiffering(a.settings, b.settings);
      return `the setting ${key} differs: ${shownValue(field(a.settings, key))} in ${aName}, ${shownValue(field(b.settings, key))} in ${bName}`;
    }
    return `the ${name} differs: ${shownValue(x)} in ${aName}, ${shownValue(y)} in ${bName}`;
  }
  if (a.shard && b.shard) {
    if (a.shard.count !== b.shard.count)
      return `the shard count differs: ${a.shard.count} in ${aName}, ${b.shard.count} in ${bName}`;
    if (!isDeepStrictEqual(a.shard.inventory, b.shard.inventory))
      return `the inventory differs: ${aName} and ${bName} were cut from different lists of profiles`;
  }
  return null;
}

const field = (settings: Report['settings'], key: string) => (settings as unknown as Record<string, unknown>)[key];
const shownValue = (v: unknown) => (v === undefined ? 'unset' : typeof v === 'string' ? v : JSON.stringify(v));

/** The settings' first key whose value differs, for the message. */
function settingsKeyDiffering(a: Report['settings'], b: Report['settings']): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.find((k) => !isDeepStrictEqual(field(a, k), field(b, k))) ?? '(all)';
}

/** One report from the reports of every shard of one run; company findings, summary and score are recomputed. */
export function mergeReports(
  shards: Array<{ file: string; report: Report }>,
  options: { failOn?: FailOn | null } = {},
): Report {
  if (shards.length === 0) throw new MergeError('no reports to merge');
  const first = shards[0]!;
  for (const { file, report } of shards) {
    if (!report.shard) throw new MergeError(`${file} is not a shard report (it was not written with --shard I/N)`);
    const difference =
      runDifference(report, first.report, file, first.file) ??
      // the shards' verdicts must be of one level, unless merge is given its own
      (options.failOn == null && report.failOn !== first.report.failOn
        ? `the --fail-on level differs: ${report.failOn ?? 'unknown'} in ${file}, ${first.report.failOn ?? 'unknown'} in ${first.file} (pass merge --fail-on)`
        : null);
    if (difference) throw new MergeError(`${file} is not from the same run as ${first.file}: ${difference}`);
  }
  const { count, inventory } = first.report.shard!;
  const seen = new Map<number, string>();
  for (const { file, report } of shards) {
    const other = seen.get(report.shard!.index);
    if (other) throw new MergeError(`${file} and ${other} are both shard ${report.shard!.index}/${count}`);
    seen.set(report.shard!.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new MergeError(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge needs the report of every shard`,
    );

  const byId = new Map<string, ProfileResult>();
  for (const { report } of shards) for (const p of report.profiles) byId.set(p.id, p);
  const lost = inventory.filter((id) => !byId.has(id));
  if (lost.length > 0) throw new MergeError(`no shard holds ${lost.join(', ')}`);
  // a shard's own baseline comparison covered only its profiles: merge starts clean (use merge --baseline);
  // the website's findings are worked out again from the merged profiles
  const results = inventory.map((id) => {
    const p = byId.get(id)!;
    return {
      ...p,
      findings: p.findings.filter((f) => !WEBSITE_CODES.has(f.code)).map((f) => ({ ...f, change: null })),
    };
  });
  const website = shards.find((s) => s.report.shard!.index === 1)!.report.website;
  const latest = shards
    .map((s) => s.report.generatedAt)
    .sort()
    .at(-1)!;
  const r = first.report;
  return buildReport(results, {
    company: r.company,
    settings: r.settings,
    asOf: new Date(r.asOf),
    generatedAt: new Date(latest),
    tool: r.tool,
    failOn: options.failOn ?? r.failOn,
    shard: null,
    interrupted: shards.some((s) => s.report.interrupted),
    networkDown: mergedNetworkDown(shards.map((s) => s.report.networkDown)),
    website,
    branding: first.report.branding ?? null,
  });
}
