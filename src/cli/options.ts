/** Parsing of option values into typed settings; a bad value is a UsageError. */
import { FAIL_ON_LEVELS, type FailOn, grouped } from '../index.js';
import { OUTPUT_FORMAT_NAMES, type OutputFormat } from '../render/formats.js';

export type { OutputFormat };
import { UsageError } from './errors.js';

const AS_OF = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * YYYY-MM-DD (00:00 UTC that day) or a full ISO 8601 timestamp with its zone. A day the calendar does
 * not have (2026-02-30) is an error: JavaScript's Date would silently roll it over into March.
 */
export function parseAsOf(value: string): Date {
  const bad = () =>
    new UsageError(`--as-of: expected a date such as 2026-11-01 or 2026-11-01T12:00:00Z, got "${value}"`);
  const m = AS_OF.exec(value);
  if (!m) throw bad();
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = m;
  if (Number(month) < 1 || Number(month) > 12)
    throw new UsageError(`--as-of: there is no month ${Number(month)}, got "${value}"`);
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day))
    throw new UsageError(`--as-of: ${year}-${month} has no day ${Number(day)}, got "${value}"`);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw bad();
  const ms = Date.parse(m[4] === undefined ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw bad();
  return new Date(ms);
}

/** A report command's --format: a renderer's, or pdf (the html report printed by Chromium). */
export function parseOutputFormat(value: string): OutputFormat {
  if (!(OUTPUT_FORMAT_NAMES as readonly string[]).includes(value))
    throw new UsageError(`--format: expected one of ${OUTPUT_FORMAT_NAMES.join(', ')}, got "${value}"`);
  return value as OutputFormat;
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

export function parseNonNegativeInt(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`${name}: expected a whole number of 0 or more, got "${value}"`);
  return n;
}

/** --width: a table narrower than 40 columns cannot show a profile at all. */
export function parseWidth(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 40 || n > 1000)
    throw new UsageError(`--width: expected a number of columns from 40 to 1000, got "${value}"`);
  return n;
}

/** More shards than CI runners anyone has; the cut keeps an array per shard, so the count is bounded. */
export const MAX_SHARDS = 1000;

/** `I/N`: shard I (1-based) of N. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard: expected I/N with 1 ≤ I ≤ N, such as 2/4, got "${value}"`);
  if (count > MAX_SHARDS)
    throw new UsageError(`--shard: at most ${grouped(MAX_SHARDS)} shards (one per CI runner), got ${grouped(count)}`);
  return { index, count };
}

/** An absolute http(s) URL. */
export function parseHttpUrl(name: string, value: string): string {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value))
    throw new UsageError(`${name}: expected an http(s) URL such as https://company.example/, got "${value}"`);
  return new URL(value).href;
}
