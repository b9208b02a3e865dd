/** The only network vocabulary the rest of the code sees. */
import type { Secret } from '../auth/secret.js';

export interface HttpResponse {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decompressed body bytes. */
  body: Buffer;
}

/**
 * An API credential for one request: written into `header` (after `prefix`, e.g. "Bearer ") only when
 * the request goes to `origin`. A redirect to any other origin is not followed, so the credential
 * never leaves the API it was issued for.
 */
export interface RequestCredential {
  /** The environment variable it was read from (for `--verbose`), never the value. */
  name: string;
  header: string;
  prefix: string;
  secret: Secret;
  origin: string;
}

export interface GetOptions {
  accept?: string;
  /**
   * What is fetched: an HTML page a person would read (robots.txt applies), or a documented API or
   * feed (exempt, as robots.txt is about crawling pages). Default `api`.
   */
  kind?: 'page' | 'api';
  /** Extra request headers (conditional requests of the cache). */
  headers?: Record<string, string>;
  /**
   * At most this many retries of a failed request (default: the client's policy). Listening's threads
   * are optional extras: 0 keeps each at one request, so a profile's extra requests never exceed its budget.
   */
  retries?: number;
  /** The owner's API credential; never recorded, cached or logged (only the live client reads it). */
  credential?: RequestCredential;
  /**
   * The URL of the response that named this one (a Link header's next page, a page's feed link, an API's
   * paging URL, a site's contact page): it passes the public-address check of a redirect from there.
   * Absent for URLs the inventory names and those built from them.
   */
  from?: string;
  /**
   * Told when the request waits for a free slot (politeness: the host's interval and concurrency, the
   * run's overall concurrency) and when it gets one: a profile's time budget does not count the time
   * other profiles' requests hold the slots.
   */
  slot?: { waiting(): void; started(): void };
}

export interface HttpClient {
  get(url: string, options?: GetOptions): Promise<HttpResponse>;
  close(): Promise<void>;
}

export type FetchErrorCode =
  | 'timeout'
  | 'dns'
  | 'connection'
  | 'too-large'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'bad-url'
  | 'private-address'
  | 'decode'
  | 'not-recorded'
  | 'rate-limited'
  | 'robots'
  | 'interrupted'
  /** The request's credential was not sent: another origin, plain http, or a value no header can carry. Never retried. */
  | 'credential';

/** How a `dns` FetchError ends when the resolver answered that the name does not exist (ENOTFOUND). */
export const NO_SUCH_HOST = 'DNS lookup failed (no such host)';

/** A request that produced no HTTP response to judge. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  constructor(code: FetchErrorCode, url: string, message: string) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
    this.url = url;
  }
}
