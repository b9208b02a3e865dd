/**
 * A platform, as one definition (attw's `defineCheck` is the model): what the rest of the program
 * needs to know about it — its name, the URLs it recognises, how it is read, where its endpoint is,
 * the metrics it can and cannot produce and why, and its adapter. Definitions are light: the adapter
 * (parsers, HTTP) loads only when a profile of the platform is audited, so `validate`, `platforms` and
 * URL detection stay fast.
 */
import type { ApiInfo, Capability, FetchOutcome, PlatformInfo, ProfileSpec } from '../model/index.js';
import type { ApiSession } from './kit/api-session.js';
import type { CanonicalRule } from './kit/canonical.js';
import type { DiscoveryCheck } from './kit/discovery-check.js';
import type { AdapterContext, PlatformAdapter } from './types.js';
import type { WalledPlatform } from './walled/types.js';
import type { OwnerDownload } from '../sources/downloads/types.js';

export type { Capability, Endpoint, MetricGroup } from '../model/index.js';
export { METRIC_GROUPS } from '../model/index.js';

/** Reads a profile through its owner's API (src/platforms/<id>/api.ts), every call through the session. */
export type ApiReader = (profile: ProfileSpec, ctx: AdapterContext, api: ApiSession) => Promise<FetchOutcome>;

export interface PlatformDefinition extends PlatformInfo {
  /** Its name in running prose where that differs from `name` ("web page", "feed"). */
  shortName?: string;
  /** A profile URL it recognises, as a person would write one (the registry's test detects each). */
  example: string;
  /** Its owner's API, and the reader for it (loaded on first use). */
  api?: ApiInfo & {
    /** How the credential is written into a request: `authorization` with `Bearer `, or `x-goog-api-key`. */
    header: string;
    prefix: string;
    reader(): Promise<ApiReader>;
  };
  /** Other names a user may write for it in `platform:` (`rss` for feed, `twitter` for x): read as its id, with a note. */
  aliases?: readonly string[];
  /** The platform's own hosts, where it is not self-hosted (a walled platform's are its wall's). */
  hosts?: RegExp;
  /** Whether a URL is this platform's, by its shape alone (no network). */
  detect(url: URL): boolean;
  /** The adapter, loaded on first use. */
  adapter(): Promise<PlatformAdapter>;
  /** How `discover` checks a handle on it; none: not checked. */
  discovery?: DiscoveryCheck;
  /** Its post ids are Twitter snowflakes (ids in a posts file then date the posts replied to). */
  snowflakeIds?: boolean;
  /** Its owner's download (`archive:`); none: only `posts:` files. */
  download?: {
    /** The reader, its `download.ts` (loaded on first use). */
    read(): Promise<OwnerDownload>;
    /** Where the owner requests the download this reader reads, and in which format: said when one cannot be read. */
    request: string;
  };
  /** The marks of its login wall (the walled platforms); none: no wall is expected. */
  wall?: WalledPlatform;
  /** How links to its profiles are written canonically (website links, `discover`); none: by URL shape only. */
  canonical?: CanonicalRule;
}

/** Declares a platform; the registry (`./index.ts`) lists every definition. */
export function definePlatform<const T extends PlatformDefinition>(definition: T): T {
  // loaded once: an `import()` of a module already loaded still goes through the module loader's
  // resolution on every call, and a large run asks for its adapter once per profile (bench:audit: a
  // tenth of the main thread's time under a loader hook)
  let loaded: Promise<PlatformAdapter> | undefined;
  const adapter = () => {
    loaded ??= definition.adapter().catch((error: unknown) => {
      loaded = undefined; // a failed load is tried again by the next profile
      throw error;
    });
    return loaded;
  };
  return { ...definition, adapter };
}

export const yes = (note: string): Capability => ({ measured: true, note });
export const no = (note: string): Capability => ({ measured: false, note });

/** The owner-export route every walled or partly walled platform has (docs/owner-downloads.md). */
export const EXPORT_READ = {
  method: 'export',
  what: "the owner's export: `archive:` (the X archive; the Facebook, Instagram/Threads, TikTok or LinkedIn member download, zipped or unpacked; a LinkedIn page's content export `.xlsx`; a Mastodon account archive; a Bluesky repository `.car`) or `posts:` (a posts CSV or JSON, in our columns or mapped)",
} as const;
