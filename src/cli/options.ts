/** Parsing of option values into typed settings; a bad value is a UsageError. */
import { FORMAT_NAMES as FORMATS, type Format } from '../render/formats.js';
import { UsageError } from './errors.js';
import { FAIL_ON_LEVELS, type FailOn } from './exit-codes.js';

/** YYYY-MM-DD (00:00 UTC that day) or a full ISO 8601 timestamp. */
export function parseAsOf(value: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new UsageError(`--as-of: expected a date such as 2026-11-01 or 2026-11-01T12:00:00Z, got "${value}"`);
  }
  return new Date(ms);
}

export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${value}"`);
  return value as Format;
}

export function parseFailOn(value: string): FailOn {
  if (!(FAIL_ON_LEVELS as string[]).includes(value)) {
    throw new UsageError(`--fail-on: expected one of ${FAIL_ON_LEVELS.join(', ')}, got "${value}"`);
  }
  return value as FailOn;
}

export function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name}: expected a whole number above 0, got "${value}"`);
  return n;
}

/** `I/N`: shard I (1-based) of N. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard: expected I/N with 1 ≤ I ≤ N, such as 2/4, got "${value}"`);
  return { index, count };
}

/** An absolute http(s) URL. */
export function parseHttpUrl(name: string, value: string): string {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value))
    throw new UsageError(`${name}: expected an http(s) URL such as https://company.example/, got "${value}"`);
  return new URL(value).href;
}
