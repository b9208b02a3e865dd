/** Wraps the HTTP client for one profile: counts requests and remembers the last status for the report. */
import type { FetchInfo, FetchOutcome } from '../../model/index.js';
import type { GetOptions, HttpClient, HttpResponse } from '../../http/types.js';

export class TrackedHttp {
  private info: FetchInfo = { httpStatus: null, finalUrl: null, error: null, requests: 0 };
  constructor(private readonly http: HttpClient) {}

  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    this.info.requests++;
    this.info.finalUrl = url;
    const response = await this.http.get(url, options);
    this.info.httpStatus = response.status;
    this.info.finalUrl = response.finalUrl;
    return response;
  }

  /**
   * Requests on the side of the profile's own (listening's threads): counted, but the status and URL
   * the report gives for the profile stay those of its timeline, not the last thread's.
   */
  async aside<T>(work: () => Promise<T>): Promise<T> {
    const { httpStatus, finalUrl } = this.info;
    try {
      return await work();
    } finally {
      this.info.httpStatus = httpStatus;
      this.info.finalUrl = finalUrl;
    }
  }

  /**
   * A failed outcome for this profile, with the fetch facts so far and the reason as their error.
   * `unreachable` (the profile is gone) only from the profile's own first request: a 404 or a dead host
   * on a later one (a next page, a feed a page links to) is an error of that request, not a dead profile.
   */
  fail(kind: 'unreachable' | 'error', reason: string): Extract<FetchOutcome, { kind: 'unreachable' | 'error' }> {
    if (kind === 'unreachable' && this.info.requests > 1) {
      const why = `${reason}, on a later request (the profile itself answered)`;
      return { kind: 'error', reason: why, fetch: this.fetchInfo(why) };
    }
    return { kind, reason, fetch: this.fetchInfo(reason) };
  }

  /** Could not tell: a login wall, an anti-bot page or a refusal, with the evidence that shows it. */
  blocked(reason: string, evidence: string): Extract<FetchOutcome, { kind: 'blocked' }> {
    return { kind: 'blocked', reason, evidence, fetch: this.fetchInfo(reason) };
  }

  /** The fetch facts, with an error message where the outcome is a failure. */
  fetchInfo(error: string | null = null): FetchInfo {
    return { ...this.info, error };
  }
}
