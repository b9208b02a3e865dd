/** A site scan as the report's `website` section: each link matched to the inventory profile it is. */
import type { ProfileSpec, WebsiteCheck } from '../model/index.js';
import { profileRef } from './profile-url.js';
import type { SiteScan } from './read-site.js';

/** Inventory profiles by the canonical URL of the profile they name (profiles on no social platform are left out). */
export function canonicalProfiles(profiles: readonly ProfileSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of profiles) {
    const ref = profileRef(p.url);
    if (ref && !out.has(ref.url)) out.set(ref.url, p.id);
  }
  return out;
}

export function websiteCheck(scan: SiteScan, profiles: readonly ProfileSpec[]): WebsiteCheck {
  const known = canonicalProfiles(profiles);
  return {
    url: scan.url,
    error: scan.error,
    pages: scan.pages,
    links: scan.profiles.map((l) => ({
      url: l.url,
      platform: l.platform,
      source: l.source,
      page: l.page,
      profileId: known.get(l.url) ?? null,
    })),
  };
}
