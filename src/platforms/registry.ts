/** The static registry of platform adapters, and URL → adapter detection. */
import type { PlatformId, ProfileSpec } from '../model/index.js';
import { bluesky } from './bluesky.js';
import { feed } from './feed.js';
import { mastodon } from './mastodon.js';
import { reddit } from './reddit.js';
import { threads } from './threads.js';
import type { PlatformAdapter } from './types.js';
import { walledAdapter } from './walled/adapter.js';
import { WALLED_PLATFORMS } from './walled/walls.js';
import { web } from './web.js';
import { youtube } from './youtube.js';

/**
 * Detection order matters: platforms known by host first (YouTube, Threads and TikTok use `/@name` paths
 * that would otherwise look like Mastodon), then Mastodon's URL shape on any host, then feeds, and any
 * other web page last.
 */
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
  if (profile.platform) return BY_ID.get(profile.platform) ?? null;
  const url = new URL(profile.url);
  return ADAPTERS.find((a) => a.detect(url)) ?? null;
}

export type { PlatformAdapter };
