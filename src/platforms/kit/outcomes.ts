/** Shared judgement of what an HTTP status or a network failure means for a profile. */
import type { FetchOutcome, NetworkFailure, ProfileSpec } from '../../model/index.js';
import { FetchError, NO_SUCH_HOST, type HttpResponse } from '../../http/types.js';
import { jsonErrorText } from '../../sources/json-error.js';
import { isPlatformHost } from './platform-hosts.js';
import { TrackedHttp } from './tracked-http.js';
import type { AdapterContext } from '../types.js';

type Failure = Exclude<FetchOutcome, { kind: 'ok' }>;

/** A non-2xx response, judged: gone (unreachable), could-not-tell (blocked) or failed (error). */
export function judgeStatus(res: HttpResponse, http: TrackedHttp, what: string): Failure | null {
  const { status } = res;
  if (status >= 200 && status < 300) return null;
  const at = `HTTP ${status} from ${res.finalUrl}`;
  if (status === 404 || status === 410) {
    return http.fail('unreachable', `${what} not found (${at})`);
  }
  if (status === 401 || status === 403 || status === 999) {
    return http.blocked(`access refused (${at}): the public page shows nothing to measure`, `HTTP ${status}`);
  }
  if (status === 429) {
    const after = res.headers['retry-after'];
    return http.fail('error', `rate limited (${at}${after ? `, Retry-After: ${after}` : ''})`);
  }
  return http.fail('error', `unexpected ${at}`);
}

/**
 * A thrown error during a fetch, as an outcome. The auditor's own network failing (no DNS answer, a
 * refused or reset connection, a timeout) is always an `error` marked as a network failure: no
 * platform answered (issue 31, item 6). Only the profile's own domain, on its first request, that the
 * resolver says does not exist, and that is no platform's host, is marked as possibly gone: the run
 * decides that once it knows this machine resolves other names (audit.ts).
 */
export function fromError(error: unknown, http: TrackedHttp, profile?: ProfileSpec): Failure {
  if (error instanceof FetchError && NETWORK_CODES.has(error.code)) {
    const host = hostOf(error.url) ?? '';
    const own = profile === undefined || host === hostOf(profile.url);
    const noSuchHost =
      error.code === 'dns' &&
      error.message.endsWith(NO_SUCH_HOST) &&
      own &&
      http.fetchInfo().requests <= 1 &&
      !isPlatformHost(host);
    const failed = http.fail('error', error.message) as Extract<Failure, { kind: 'error' }>;
    return {
      ...failed,
      network: {
        host,
        kind: error.code as NetworkFailure['kind'],
        ...(noSuchHost ? { selfHostedNoSuchHost: true } : {}),
      },
    };
  }
  if (error instanceof FetchError && error.code === 'bad-url')
    return http.fail('error', `malformed response: the server gave ${error.message}`);
  // the site asks crawlers not to fetch the page: like a wall, nothing could be looked at
  if (error instanceof FetchError && error.code === 'robots') return http.blocked(error.message, 'robots.txt');
  return http.fail('error', error instanceof Error ? jsonErrorText(error.message) : String(error));
}

const NETWORK_CODES: ReadonlySet<string> = new Set(['dns', 'connection', 'timeout']);

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
};

export function parseError(http: TrackedHttp, what: string, detail: string): Failure {
  return http.fail('error', `malformed ${what}: ${jsonErrorText(detail)}`);
}

export function parseJson(res: HttpResponse): unknown {
  return JSON.parse(res.body.toString('utf8'));
}

type Read = (profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp) => Promise<FetchOutcome>;

/**
 * An adapter's fetch: one TrackedHttp per profile, and a thrown network error (DNS, refused, timeout) as
 * that profile's outcome, in one place for every adapter.
 */
export function trackedFetch(read: Read): (profile: ProfileSpec, ctx: AdapterContext) => Promise<FetchOutcome> {
  return async (profile, ctx) => {
    const http = new TrackedHttp(ctx.http);
    try {
      return await read(profile, ctx, http);
    } catch (error) {
      return fromError(error, http, profile);
    }
  };
}
