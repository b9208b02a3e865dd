/**
 * How to tell whether a handle exists on a platform, as data each platform's folder declares: the URL
 * to check, the markers of a profile that exists and of one that does not, and a known-existing and a
 * known-missing sample handle for `discover --self-check`. A response that shows neither marker (a
 * login wall, a challenge page, a rate limit) is `unknown`: never `found`, never `not-found`. A
 * platform's own wall (its login or consent page) is recognised by its `wall` check before either
 * marker is tried.
 */
import type { HttpResponse } from '../../http/types.js';

/** What a response must show, all of it, to count as a marker. */
export interface Marker {
  /** One of these HTTP statuses. */
  status: readonly number[];
  /** The body matches this (built from the handle, escaped), when given. */
  body?: (handle: string) => RegExp;
  /** How the evidence names the marker. */
  says: string;
}

/** A login or consent page instead of the profile: what it says, and what was seen. */
export type WallCheck = (res: HttpResponse, text: string) => { says: string; seen: string } | null;

export interface DiscoveryCheck {
  name: string;
  /** Handles the platform allows; any other cannot exist there and is not asked for. */
  handle: RegExp;
  /** The public profile URL of a handle: what an inventory would list. */
  profileUrl: (handle: string) => string;
  /** Where the check goes: `base` (overridable with --endpoint) + path; an API or a page (robots.txt applies). */
  check: { base: string; path: (handle: string) => string; kind: 'api' | 'page' };
  found: Marker;
  missing: Marker;
  samples: {
    exists: string;
    missing: string;
    /** What the self-check expects for `exists` (default found) and `missing` (default not-found): a walled platform answers unknown. */
    expect?: { exists: 'found' | 'unknown'; missing: 'not-found' | 'unknown' };
  };
  /** The platform's own wall check, loaded when first needed (it may use the adapter's parsers). */
  wall?: () => Promise<WallCheck>;
}

export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const quoted = (field: string) => (h: string) => new RegExp(`"${field}"\\s*:\\s*"${esc(h)}"`, 'i');
export const UNKNOWN_BOTH = { exists: 'unknown', missing: 'unknown' } as const;
export const WORD = /^[A-Za-z0-9_]{1,30}$/;
export const DOTTED = /^[A-Za-z0-9_.]{1,30}$/;
