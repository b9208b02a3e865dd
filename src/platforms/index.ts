/**
 * The registry: every platform's definition, in detection order — platforms known by host first
 * (YouTube, Threads and TikTok use `/@name` paths that would otherwise look like Mastodon), then the
 * self-hosted ones by URL shape on any host, then feeds, and any other web page last.
 * A platform id without a definition, or a definition without a known id, does not compile.
 */
import type { PlatformId } from '../model/index.js';
import { definition as bluesky } from './bluesky/index.js';
import type { PlatformDefinition } from './define.js';
import { definition as facebook } from './facebook/index.js';
import { definition as feed } from './feed/index.js';
import { definition as instagram } from './instagram/index.js';
import { definition as lemmy } from './lemmy/index.js';
import { definition as linkedin } from './linkedin/index.js';
import { definition as mastodon } from './mastodon/index.js';
import { definition as peertube } from './peertube/index.js';
import { definition as reddit } from './reddit/index.js';
import { definition as threads } from './threads/index.js';
import { definition as tiktok } from './tiktok/index.js';
import { definition as web } from './web/index.js';
import { definition as x } from './x/index.js';
import { definition as youtube } from './youtube/index.js';

export const PLATFORM_DEFINITIONS = [
  bluesky,
  youtube,
  reddit,
  threads,
  x,
  facebook,
  instagram,
  linkedin,
  tiktok,
  mastodon,
  peertube,
  lemmy,
  feed,
  web,
] as const satisfies readonly PlatformDefinition[];

/** Every platform id has a definition: a missing one is a type error naming it. */
type Defined = (typeof PLATFORM_DEFINITIONS)[number]['id'];
const EVERY_ID_DEFINED: Record<Exclude<PlatformId, Defined>, never> = {};
void EVERY_ID_DEFINED;

const BY_ID = new Map<PlatformId, PlatformDefinition>(PLATFORM_DEFINITIONS.map((d) => [d.id, d]));

/** The definition of a platform. */
export function platformDefinition(id: PlatformId): PlatformDefinition {
  return BY_ID.get(id)!;
}

export type { Capability, Endpoint, MetricGroup, PlatformDefinition } from './define.js';
export { METRIC_GROUPS } from './define.js';
