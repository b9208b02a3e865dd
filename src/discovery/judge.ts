/**
 * One existence check, judged: `found` only on the found marker, `not-found` only on the missing
 * marker, and `unknown` for everything else — a rate limit, a login wall, a challenge page, an error,
 * or a page that shows neither. Pure: the response (or the error) in, the verdict and its evidence out.
 */
import type { HttpResponse } from '../http/types.js';
import type { WallCheck } from '../platforms/kit/discovery-check.js';
import type { DiscoveryPlatform, Marker } from './platform-table.js';

export type { WallCheck } from '../platforms/kit/discovery-check.js';

export type { Existence } from '../model/index.js';
import type { Existence } from '../model/index.js';

export interface Verdict {
  status: Existence;
  /** What was seen that decided it. */
  evidence: string;
}

function shows(marker: Marker, res: HttpResponse, text: string, handle: string): boolean {
  return marker.status.includes(res.status) && (!marker.body || marker.body(handle).test(text));
}

/** `answer`: the response with its body as text, or the error that came instead. */
export function judge(
  platform: DiscoveryPlatform,
  handle: string,
  answer: { res: HttpResponse; text: string } | Error,
  wall: WallCheck | null,
): Verdict {
  if (answer instanceof Error) return { status: 'unknown', evidence: `no answer: ${answer.message}` };
  const { res, text } = answer;
  const at = `HTTP ${res.status} from ${res.finalUrl}`;
  if (res.status === 429 || res.status === 503 || (res.headers['retry-after'] && res.status >= 400)) {
    const after = res.headers['retry-after'];
    return { status: 'unknown', evidence: `rate limited (${at}${after ? `, Retry-After: ${after}` : ''})` };
  }
  const walled = wall?.(res, text);
  if (walled) return { status: 'unknown', evidence: `${walled.says} (${walled.seen}; ${at})` };
  if (res.status === 401 || res.status === 403 || res.status === 999)
    return { status: 'unknown', evidence: `access refused (${at})` };
  if (shows(platform.missing, res, text, handle))
    return { status: 'not-found', evidence: `${platform.missing.says} (${at})` };
  if (shows(platform.found, res, text, handle)) return { status: 'found', evidence: `${platform.found.says} (${at})` };
  return { status: 'unknown', evidence: `the response shows neither the found nor the missing marker (${at})` };
}
