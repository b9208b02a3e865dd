/**
 * The one place that decides whether a failed GET is tried again, and after how long: 408, 429 and
 * 5xx responses, resets and timeouts; exponential backoff with full jitter, raised to Retry-After; a
 * run-wide retry budget so a failing host cannot multiply the load; and a cap on Retry-After beyond
 * which the profile is reported as rate limited instead of waiting.
 */
import { FetchError } from './types.js';

export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  /** Retries per request (so 2 means at most 3 attempts). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the profile is reported as rate limited. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };

export function isRetryableError(error: unknown): boolean {
  return error instanceof FetchError && (error.code === 'timeout' || error.code === 'connection');
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * How long a 429/503 asks to wait: Retry-After, or else the reset time APIs send with their rate
 * limits (X's `x-rate-limit-reset`, GitHub-style `x-ratelimit-reset`: epoch seconds), in ms from `now`.
 */
export function retryAfterOf(headers: Record<string, string>, now: number): number | null {
  const after = parseRetryAfter(headers['retry-after'], now);
  if (after !== null) return after;
  const reset = headers['x-rate-limit-reset'] ?? headers['x-ratelimit-reset'];
  if (!reset || !/^\d{9,11}$/.test(reset.trim())) return null;
  return Math.max(0, Number(reset.trim()) * 1000 - now);
}

/** Exponential backoff with full jitter (`random` in [0, 1)), never below Retry-After. */
export function backoff(
  attempt: number,
  retryAfterMs: number | null,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.max(Math.round(random() * ceiling), retryAfterMs ?? 0);
}

/**
 * Retries are paid from a budget that grows with the requests made (a tenth of a retry each, from a
 * starting balance), so when a host keeps failing the run does not triple its load on it.
 */
export class RetryBudget {
  private balance: number;
  constructor(
    initial = 20,
    private readonly perRequest = 0.1,
  ) {
    this.balance = initial;
  }
  request(): void {
    this.balance += this.perRequest;
  }
  /** Takes one retry from the budget; false when it is spent. */
  take(): boolean {
    if (this.balance < 1) return false;
    this.balance -= 1;
    return true;
  }
}
