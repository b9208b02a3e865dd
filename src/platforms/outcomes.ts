/** Shared judgement of what an HTTP status or a network failure means for a profile. */
import type { FetchOutcome, ProfileSpec } from '../model/index.js';
import { FetchError, type HttpResponse } from '../http/types.js';
import { jsonErrorText } from '../sources/json-error.js';
import { TrackedHttp } from './tracked-http.js';
import type { AdapterContext } from './types.js';

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
 * A thrown error during a fetch, as an outcome. The profile's own host that does not exist is a dead
 * link; any other host that does not resolve (an API endpoint, a URL a server handed us) is an error.
 */
export function fromError(error: unknown, http: TrackedHttp, profile?: ProfileSpec): Failure {
  if (error instanceof FetchError && error.code === 'dns') {
    const own = profile === undefined || hostOf(error.url) === hostOf(profile.url);
    return http.fail(own ? 'unreachable' : 'error', error.message);
  }
  if (error instanceof FetchError && error.code === 'bad-url')
    return http.fail('error', `malformed response: the server gave ${error.message}`);
  // the site asks crawlers not to fetch the page: like a wall, nothing could be looked at
  if (error instanceof FetchError && error.code === 'robots') return http.blocked(error.message, 'robots.txt');
  return http.fail('error', error instanceof Error ? jsonErrorText(error.message) : String(error));
}

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
