/** The one place that decides whether a failed GET is tried again, and after how long. */
import { FetchError } from './types.js';

export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 10_000 };

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

/** Exponential backoff, raised to Retry-After when the server asks; null when not worth waiting. */
export function retryDelay(attempt: number, retryAfterMs: number | null, policy: RetryPolicy): number | null {
  if (attempt >= policy.retries) return null;
  if (retryAfterMs !== null && retryAfterMs > policy.maxDelayMs) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.max(backoff, retryAfterMs ?? 0);
}
