/** The static registry of platform adapters, by the platform `urls.ts` names for a profile. */
import type { PlatformId, ProfileSpec } from '../model/index.js';
import { bluesky } from './bluesky.js';
import { feed } from './feed.js';
import { mastodon } from './mastodon.js';
import { reddit } from './reddit.js';
import { threads } from './threads.js';
import type { PlatformAdapter } from './types.js';
import { walledAdapter } from './walled/adapter.js';
import { WALLED_PLATFORMS } from './walled/walls.js';
import { platformOf } from './urls.js';
import { web } from './web.js';
import { youtube } from './youtube.js';

export const ADAPTERS: readonly PlatformAdapter[] = [
  bluesky,
  youtube,
  reddit,
  threads,
  ...WALLED_PLATFORMS.map(walledAdapter),
  mastodon,
  feed,
  web,
];

const BY_ID = new Map<PlatformId, PlatformAdapter>(ADAPTERS.map((a) => [a.id, a]));

export function adapterFor(profile: ProfileSpec): PlatformAdapter | null {
  const id = platformOf(profile);
  return id ? (BY_ID.get(id) ?? null) : null;
}

export type { PlatformAdapter };
