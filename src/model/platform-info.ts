/** What a platform is, as data (its definition without code): `channel-audit platforms` and docs/platforms.md show it. */
import type { Endpoints, PlatformId } from './inventory.js';
import type { SourceMethod } from './timeline.js';

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

/** The owner's API a platform can be read through when the inventory names a credential for it. */
export interface ApiInfo {
  /** Its name, e.g. "YouTube Data API v3". */
  service: string;
  /** The credential it takes and where the owner gets one. */
  credential: string;
  /** The variable name the manual's examples use, e.g. YOUTUBE_API_KEY. */
  exampleEnv: string;
  /** The endpoint setting that holds its base URL, and the default. */
  setting: keyof Endpoints;
  default: string;
  /** What it reads. */
  what: string;
  /** What its calls cost, and the limits. */
  cost: string;
  /** What a budget for it counts: YouTube's quota units, or calls. */
  unit: 'quota unit' | 'call';
}

export interface PlatformInfo {
  id: PlatformId;
  name: string;
  /** The URL shapes it recognises, as a person writes them: `https://bsky.app/profile/HANDLE`. */
  urls: readonly string[];
  /** How it is read: the sources, in the order tried. */
  reads: ReadonlyArray<{ method: SourceMethod; what: string }>;
  endpoint: Endpoint;
  capabilities: Readonly<Record<MetricGroup, Capability>>;
  /** Its owner's API, read instead of the public source when a credential is set (`auth:`). */
  api?: ApiInfo;
}
