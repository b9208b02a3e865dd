/**
 * The platforms `discover` checks: every platform whose definition (src/platforms/<id>/) declares a
 * discovery check, in the registry's order. The checks themselves are data in each platform's folder.
 */
import type { PlatformId } from '../model/index.js';
import type { DiscoveryCheck } from '../platforms/kit/discovery-check.js';
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../platforms/index.js';

export type { Marker } from '../platforms/kit/discovery-check.js';

export interface DiscoveryPlatform extends DiscoveryCheck {
  id: PlatformId;
}

/** Mastodon first: `discover` lists in this order. */
const ORDER: readonly PlatformId[] = ['mastodon', 'bluesky'];

export const DISCOVERY_PLATFORMS: readonly DiscoveryPlatform[] = PLATFORM_DEFINITIONS.flatMap(
  (d: PlatformDefinition) => (d.discovery ? [{ ...d.discovery, id: d.id }] : []),
).sort((a, b) => rank(a.id) - rank(b.id));

function rank(id: PlatformId): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}
