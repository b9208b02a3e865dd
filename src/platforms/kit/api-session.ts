/**
 * One profile's calls to its owner's API: each is paid from the credential's budget, counted (calls
 * and quota units) for the report, and sent with the credential to the API's own origin only. The
 * credential travels as a Secret in the request options: URLs, recordings and cache keys never hold it.
 */
import type { Secret } from '../../auth/secret.js';
import type { UnitBudget } from '../../auth/credentials.js';
import type { GetOptions, HttpResponse } from '../../http/types.js';
import { plural, type ApiUse } from '../../model/index.js';
import type { TrackedHttp } from './tracked-http.js';

export interface ApiAccess {
  service: string;
  /** The variable the credential was read from: named in the report, never its value. */
  env: string;
  /** Null when replaying recorded evidence: nothing is sent. */
  secret: Secret | null;
  budget: UnitBudget;
  /** The API's base URL (endpoints.<setting>). */
  base: string;
  /** The one origin the credential is sent to (its API's documented origin, or the one its `auth:` names). */
  origin: string;
  /** How the credential is written into a request: `authorization: Bearer …` or `x-goog-api-key: …`. */
  header: string;
  prefix: string;
  /** What the budget counts: YouTube's quota units, or calls. */
  unit: 'quota unit' | 'call';
}

/** The credential's budget cannot pay for the next call. */
export class BudgetSpentError extends Error {
  override name = 'BudgetSpentError';
}

/**
 * The API refused the credential itself (a 401, a key or token it calls invalid or expired): the
 * owner has to renew it, so the read falls back to the public source and the report raises
 * `credential-refused` (api-fetch.ts) instead of calling the profile blocked.
 */
export class CredentialRefusedError extends Error {
  override name = 'CredentialRefusedError';
  /** The API's own reason, as it said it ("HTTP 401: Unauthorized", "code 190: expired"). */
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class ApiSession {
  private calls = 0;
  private units = 0;
  private readonly notes: string[] = [];
  private limitReached: string | null = null;
  /** Why a read after the first call stopped (the budget or the API's limit), the first time it did; else null. */
  stopped: string | null = null;
  private readonly cursors = new Set<string>();

  constructor(
    readonly http: TrackedHttp,
    private readonly access: ApiAccess,
  ) {}

  /** The API's base URL, without a trailing slash. */
  get base(): string {
    return this.access.base.replace(/\/+$/, '');
  }

  get service(): string {
    return this.access.service;
  }

  /**
   * A GET of the API, paid from the budget (BudgetSpentError when it cannot be, or when the API said
   * its limit is reached: no call is made that the API has said it will refuse).
   */
  async get(url: string, units = 1, options: GetOptions = {}): Promise<HttpResponse> {
    if (this.limitReached) throw new BudgetSpentError(this.limitReached);
    if (!this.access.budget.take(units))
      throw new BudgetSpentError(
        `the ${this.access.service} budget of ${plural(this.access.budget.limit ?? 0, this.access.unit)} for ${this.access.env} is spent`,
      );
    this.calls++;
    this.units += units;
    const credential = this.access.secret
      ? {
          name: this.access.env,
          header: this.access.header,
          prefix: this.access.prefix,
          secret: this.access.secret,
          origin: this.access.origin,
        }
      : undefined;
    return this.http.get(url, { accept: 'application/json', ...options, credential });
  }

  /**
   * A call after the profile's first that the budget or the API's limit may refuse: null (with a note
   * that the read stopped there) instead of an error, so what was read is kept.
   */
  async more(url: string, units = 1, options: GetOptions = {}): Promise<HttpResponse | null> {
    try {
      return await this.get(url, units, options);
    } catch (error) {
      if (!(error instanceof BudgetSpentError) || !this.called) throw error;
      this.note(`${error.message}: the read stopped there`);
      this.stopped ??= `${error.message}: the read stopped there`;
      return null;
    }
  }

  /** The API refused the credential: the read stops here and falls back to the public source. */
  refused(reason: string): never {
    throw new CredentialRefusedError(reason);
  }

  /** The API said (in its own rate-limit headers, read by the reader) that its limit is reached: no further call is made. */
  stop(reason: string): void {
    this.limitReached ??= reason;
  }

  /**
   * The next page's cursor, or null: where there is none, and where the API gives an empty page or a
   * cursor it gave before with a "next" (a server that would page forever), with a note.
   */
  nextPage(cursor: string | null | undefined, itemsOnPage: number): string | null {
    if (!cursor) return null;
    if (itemsOnPage === 0 || this.cursors.has(cursor)) {
      this.note(`the ${this.access.service} went on paging without new posts: paging stopped there`);
      return null;
    }
    this.cursors.add(cursor);
    return cursor;
  }

  /** A fact the reader should know (a budget or access tier that cut the read short), once. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  /** Whether any call was made for this profile. */
  get called(): boolean {
    return this.calls > 0;
  }

  use(): ApiUse {
    return {
      service: this.access.service,
      credential: this.access.env,
      used: true,
      calls: this.calls,
      units: this.units,
      unit: this.access.unit,
      budget: this.access.budget.limit,
      notes: [...this.notes],
    };
  }
}
