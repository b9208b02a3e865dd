/**
 * `discover`: checks each known platform for profiles under the given handles, and `--self-check`:
 * checks the table's sample handles still give the answers the table expects.
 */
import { decodeText } from '../http/decode.js';
import { FetchError, type HttpClient, type HttpResponse } from '../http/types.js';
import type { DiscoveryRow, PlatformId, SelfCheckRow } from '../model/index.js';

export type { DiscoveryRow, SelfCheckRow } from '../model/index.js';
import { judge, type WallCheck } from './judge.js';
import { DISCOVERY_PLATFORMS, type DiscoveryPlatform } from './platform-table.js';

export interface DiscoverOptions {
  /** Base URLs replacing the table's, per platform (mirrors, proxies, tests). */
  endpoints?: Partial<Record<PlatformId, string>>;
  platforms?: readonly DiscoveryPlatform[];
}

/** A login or consent page instead of the profile: the platform's own wall check, from its definition. */
async function wallFor(platform: DiscoveryPlatform): Promise<WallCheck | null> {
  return platform.wall ? platform.wall() : null;
}

export async function checkHandle(
  platform: DiscoveryPlatform,
  handle: string,
  http: HttpClient,
  base = platform.check.base,
): Promise<DiscoveryRow> {
  return (await probe(platform, handle, http, base)).row;
}

/** Failures where the platform never answered: a self-check through them tests nothing. */
const NOT_REACHED: ReadonlySet<string> = new Set(['dns', 'connection', 'timeout']);

async function probe(
  platform: DiscoveryPlatform,
  handle: string,
  http: HttpClient,
  base = platform.check.base,
): Promise<{ row: DiscoveryRow; reached: boolean }> {
  const row = { handle, platform: platform.id, name: platform.name, url: platform.profileUrl(handle) };
  if (!platform.handle.test(handle)) {
    return {
      row: {
        ...row,
        status: 'not-found',
        checked: null,
        evidence: `"${handle}" is not a name ${platform.name} allows, so no profile can have it`,
      },
      reached: true,
    };
  }
  const checked = `${base.replace(/\/+$/, '')}${platform.check.path(handle)}`;
  let answer: { res: HttpResponse; text: string } | Error;
  try {
    const res = await http.get(checked, {
      accept: platform.check.kind === 'api' ? 'application/json' : 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      kind: platform.check.kind,
    });
    answer = { res, text: decodeText(res.body, res.headers['content-type']) };
  } catch (error) {
    answer = error instanceof Error ? error : new Error(String(error));
  }
  return {
    row: { ...row, checked, ...judge(platform, handle, answer, await wallFor(platform)) },
    reached: !(answer instanceof FetchError && NOT_REACHED.has(answer.code)),
  };
}

/** Every platform × every handle, in that order (handles first). */
export async function discover(
  handles: readonly string[],
  http: HttpClient,
  options: DiscoverOptions = {},
): Promise<DiscoveryRow[]> {
  const platforms = options.platforms ?? DISCOVERY_PLATFORMS;
  return Promise.all(handles.flatMap((h) => platforms.map((p) => checkHandle(p, h, http, options.endpoints?.[p.id]))));
}

/** Each platform's known-existing and known-missing sample, against what the table expects of them. */
export async function selfCheck(http: HttpClient, options: DiscoverOptions = {}): Promise<SelfCheckRow[]> {
  const platforms = options.platforms ?? DISCOVERY_PLATFORMS;
  const checks = platforms.flatMap((p) => [
    [p, p.samples.exists, p.samples.expect?.exists ?? 'found'] as const,
    [p, p.samples.missing, p.samples.expect?.missing ?? 'not-found'] as const,
  ]);
  return Promise.all(
    checks.map(async ([p, handle, expected]) => {
      const { row, reached } = await probe(p, handle, http, options.endpoints?.[p.id]);
      return { ...row, expected, reached, pass: reached && row.status === expected };
    }),
  );
}
