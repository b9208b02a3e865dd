/**
 * A platform, as one definition (attw's `defineCheck` is the model): what the rest of the program
 * needs to know about it — its name, the URLs it recognises, how it is read, where its endpoint is,
 * the metrics it can and cannot produce and why, and its adapter. Definitions are light: the adapter
 * (parsers, HTTP) loads only when a profile of the platform is audited, so `validate`, `platforms` and
 * URL detection stay fast.
 */
import type { Endpoints, PlatformId, SourceMethod } from '../model/index.js';
import type { PlatformAdapter } from './types.js';

/** The measurements a platform may or may not give. */
export const METRIC_GROUPS = ['staleness', 'conversation', 'promo', 'canned', 'responseTime'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface Capability {
  measured: boolean;
  /** How it is measured, or why it cannot be. */
  note: string;
}

export type Endpoint =
  | { kind: 'setting'; setting: keyof Endpoints; default: string }
  /** The API lives on the profile URL's own server (self-hosted platforms). */
  | { kind: 'profile-origin' }
  /** The profile URL itself is read (a page or a feed). */
  | { kind: 'profile-url' };

export interface PlatformDefinition {
  id: PlatformId;
  name: string;
  /** The URL shapes it recognises, as a person writes them: `https://bsky.app/profile/HANDLE`. */
  urls: readonly string[];
  /** Whether a URL is this platform's, by its shape alone (no network). */
  detect(url: URL): boolean;
  /** How it is read: the sources, in the order tried. */
  reads: ReadonlyArray<{ method: SourceMethod; what: string }>;
  endpoint: Endpoint;
  capabilities: Readonly<Record<MetricGroup, Capability>>;
  /** The adapter, loaded on first use. */
  adapter(): Promise<PlatformAdapter>;
}

/** Declares a platform; the registry (`./index.ts`) lists every definition. */
export function definePlatform<const T extends PlatformDefinition>(definition: T): T {
  return definition;
}

export const yes = (note: string): Capability => ({ measured: true, note });
export const no = (note: string): Capability => ({ measured: false, note });

/** The owner-export route every walled or partly walled platform has (README, "Owner exports"). */
export const EXPORT_READ = { method: 'export', what: "the owner's export: `archive:` (X) or `posts:` (a posts CSV or JSON)" } as const;
