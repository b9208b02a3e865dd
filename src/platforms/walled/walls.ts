/**
 * Walled platforms, as data: each walled platform's folder declares the markers by which its public
 * page shows itself to be a login wall or an anti-bot check rather than the profile (its `wall.ts`);
 * this is the list of them, from the registry. Each marker is tested against a page captured in that
 * platform's format (test/walls.test.ts, test/platforms/<id>/walls/).
 */
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../index.js';
import type { WalledPlatform } from './types.js';

export type { WallMarker, WalledPlatform } from './types.js';

export const WALLED_PLATFORMS: readonly WalledPlatform[] = PLATFORM_DEFINITIONS.flatMap((d: PlatformDefinition) =>
  d.wall ? [d.wall] : [],
);
