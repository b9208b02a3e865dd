/**
 * Whether the auditor's own network was down (issue 31, item 6): when most hosts a run tried could not
 * be reached from this machine in the same way (no DNS answer, no connection, timeouts), the failures
 * say nothing about the profiles. The run fails (exit 3) and says so, and those profiles stay `error`.
 */
import { plural, type NetworkDown, type NetworkFailure } from '../model/index.js';

/** One profile read over the network: its host, and how its read failed on this machine's side, if it did. */
export interface HostTry {
  host: string;
  failure: NetworkFailure | null;
}

/** At least this many hosts must fail, the same way, and more than half of those tried. */
export const NETWORK_DOWN_MIN_HOSTS = 2;

const HOW: Record<NetworkFailure['kind'], string> = {
  dns: 'DNS lookup failed',
  connection: 'no connection',
  timeout: 'timed out',
};

export function networkDown(tries: readonly HostTry[]): NetworkDown | null {
  // a host counts as failed when every profile read from it failed on this machine's side
  const hosts = new Map<string, NetworkFailure['kind'] | null>();
  for (const { host, failure } of tries) {
    const seen = hosts.get(host);
    if (seen === null) continue;
    hosts.set(host, failure === null ? null : (seen ?? failure.kind));
  }
  const byKind = new Map<NetworkFailure['kind'], number>();
  for (const kind of hosts.values()) if (kind !== null) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  let worst: [NetworkFailure['kind'], number] | null = null;
  for (const entry of byKind) if (worst === null || entry[1] > worst[1]) worst = entry;
  if (worst === null || worst[1] < NETWORK_DOWN_MIN_HOSTS || worst[1] * 2 <= hosts.size) return null;
  const failed = [...hosts.values()].filter((k) => k !== null).length;
  return {
    hostsTried: hosts.size,
    hostsFailed: failed,
    reason: `${failed} of ${plural(hosts.size, 'host')} could not be reached from this machine (${HOW[worst[0]]}): the network of the machine running the audit looks down, so no verdict was drawn from those failures`,
  };
}

/** The shards of one run: the network was down for the run when it was down for any of its shards. */
export function mergedNetworkDown(parts: ReadonlyArray<NetworkDown | null | undefined>): NetworkDown | null {
  const down = parts.filter((p): p is NetworkDown => p != null);
  if (down.length === 0) return null;
  if (down.length === 1) return down[0]!;
  const hostsTried = down.reduce((n, p) => n + p.hostsTried, 0);
  const hostsFailed = down.reduce((n, p) => n + p.hostsFailed, 0);
  return { hostsTried, hostsFailed, reason: down.map((p) => p.reason).join('; ') };
}
