/**
 * Which platform a URL belongs to: the registry's detection rules, in its order, with no parser or
 * HTTP client behind them (the definitions load their adapters lazily), so `validate` and link
 * extraction stay light.
 */
import type { PlatformId, ProfileSpec } from '../model/index.js';
import { PLATFORM_DEFINITIONS } from './index.js';

export { acctFromUrl } from './mastodon/urls.js';
export { handleFromUrl } from './bluesky/urls.js';

/** The platform a URL belongs to by its shape alone, or null for one no rule claims. */
export function platformOfUrl(url: URL): PlatformId | null {
  return PLATFORM_DEFINITIONS.find((d) => d.detect(url))?.id ?? null;
}

/** A profile's platform: the inventory's `platform:` when given, else what its URL looks like. */
export function platformOf(profile: Pick<ProfileSpec, 'platform' | 'url'>): PlatformId | null {
  return profile.platform ?? platformOfUrl(new URL(profile.url));
}
