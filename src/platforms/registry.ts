/** The static registry of platform adapters, and URL → adapter detection. */
import type { PlatformId, ProfileSpec } from '../model/index.js';
import { bluesky } from './bluesky.js';
import { feed } from './feed.js';
import { mastodon } from './mastodon.js';
import type { PlatformAdapter } from './types.js';

/** Detection order matters: the most specific URL shapes first, feeds (the broadest) last. */
export const ADAPTERS: readonly PlatformAdapter[] = [bluesky, mastodon, feed];

const BY_ID = new Map<PlatformId, PlatformAdapter>(ADAPTERS.map((a) => [a.id, a]));

export function adapterFor(profile: ProfileSpec): PlatformAdapter | null {
  if (profile.platform) return BY_ID.get(profile.platform) ?? null;
  const url = new URL(profile.url);
  return ADAPTERS.find((a) => a.detect(url)) ?? null;
}

export type { PlatformAdapter };
