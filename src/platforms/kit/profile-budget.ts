/**
 * One time budget per profile (`settings.profileTimeoutMs`): a server that pages slowly forever, or a
 * listening pass over slow threads, held a run for hours one request at a time, each within the
 * per-request timeout. Past the budget (time at work, waits for a request slot not counted), the
 * profile's client refuses every further request and the audit stops waiting for it (src/audit.ts): the profile is `error` "took longer than …", saying how
 * many posts were read, and the run goes on.
 */
import type { GetOptions, HttpClient, HttpResponse } from '../../http/types.js';
import type { FetchInfo } from '../../model/index.js';

/** The profile used up its time budget. */
export class ProfileTimeoutError extends Error {
  override name = 'ProfileTimeoutError';
}

/** "10 min", "90 s", "1500 ms". */
export function describeMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/**
 * The time a profile has been at work: running from its start, except while one of its requests waits
 * for a slot (GetOptions.slot). In a run of thousands of profiles on one global concurrency, a profile
 * started early may wait minutes for slots other profiles hold; that is the run's pace, not this
 * profile's slowness.
 */
export class ProfileBudget {
  private spentMs = 0;
  private since: number | null;
  private posts = 0;

  constructor(
    readonly limitMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  /** The adapters' paging loops say how many posts they hold, so a stopped profile can say it. */
  read(posts: number): void {
    this.posts = posts;
  }

  /** A request of the profile waits for a slot: the clock stops. */
  waiting(): void {
    if (this.since === null) return;
    this.spentMs += this.now() - this.since;
    this.since = null;
  }

  /** The profile is at work again (a request got its slot, or came back). */
  started(): void {
    if (this.since === null) this.since = this.now();
  }

  get elapsedMs(): number {
    return this.spentMs + (this.since === null ? 0 : this.now() - this.since);
  }

  get expired(): boolean {
    return this.elapsedMs >= this.limitMs;
  }

  /** Milliseconds left (0 when spent). */
  get remainingMs(): number {
    return Math.max(0, this.limitMs - this.elapsedMs);
  }

  get reason(): string {
    const posts = `${this.posts} post${this.posts === 1 ? '' : 's'}`;
    return `took longer than ${describeMs(this.limitMs)} (settings.profileTimeoutMs); read ${posts} before stopping`;
  }

  check(): void {
    if (this.expired) throw new ProfileTimeoutError(this.reason);
  }

  /** Resolves once the budget is spent (re-checked as the clock stops and starts); `cancel` stops watching. */
  whenSpent(): { spent: Promise<void>; cancel: () => void } {
    let timer: NodeJS.Timeout | undefined;
    const spent = new Promise<void>((resolve) => {
      const watch = () => {
        if (this.expired) resolve();
        else timer = setTimeout(watch, this.remainingMs);
      };
      watch();
    });
    return { spent, cancel: () => clearTimeout(timer) };
  }
}

/**
 * The profile's HTTP client: no request starts, and no answer is used, once the budget is spent. It
 * keeps the fetch facts so far for the report of a profile that was not waited for.
 */
export class BudgetedHttpClient implements HttpClient {
  private info: FetchInfo = { httpStatus: null, finalUrl: null, error: null, requests: 0 };

  constructor(
    private readonly inner: HttpClient,
    private readonly budget: ProfileBudget,
  ) {}

  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    this.budget.check();
    this.info = { ...this.info, requests: this.info.requests + 1, finalUrl: url };
    let response: HttpResponse;
    try {
      response = await this.inner.get(url, { ...options, slot: this.budget });
    } finally {
      this.budget.started(); // a client that never says (replay) is waited for off the clock
    }
    this.budget.check();
    this.info = { ...this.info, httpStatus: response.status, finalUrl: response.finalUrl };
    return response;
  }

  /** The fetch facts so far, with the budget's reason as their error. */
  spent(): FetchInfo {
    return { ...this.info, error: this.budget.reason };
  }

  /** The run's client is shared: closing it is the run's business. */
  async close(): Promise<void> {}
}
