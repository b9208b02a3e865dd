/**
 * Cross-checks of the company's website against the audited profiles: links to dead or abandoned
 * profiles, active profiles the site does not link to, and links to profiles the inventory does not
 * list. A site that could not be read gives one finding saying so, never "links to nothing".
 */
import type { Evidence, ProfileResult, Severity, WebsiteCheck } from '../model/index.js';
import { codesOf, FINDINGS, type FindingCode } from './findings/index.js';

/** The codes websiteFindings gives (each at its definition's severity): a merge recomputes them from the merged profiles. */
export const WEBSITE_CODES: ReadonlySet<string> = codesOf('website');

export interface WebsiteFindingData {
  code: FindingCode;
  severity: Severity;
  /** null for a company-level finding. */
  profileId: string | null;
  evidence: Evidence;
}

/** Statuses worth a link from the site: the profile is alive and measured. */
const LIVE = new Set(['active', 'stale']);
/** Blogs and web pages are not expected among a site's profile links: only social profiles can be missing. */
const NOT_SOCIAL = new Set(['web', 'feed']);

export function websiteFindings(check: WebsiteCheck, profiles: readonly ProfileResult[]): WebsiteFindingData[] {
  if (check.error !== null)
    return [
      {
        code: 'website-unreadable',
        severity: FINDINGS['website-unreadable'].severity,
        profileId: null,
        evidence: { url: check.url, reason: check.error },
      },
    ];
  const out: WebsiteFindingData[] = [];
  const byId = new Map(profiles.map((p) => [p.id, p]));
  for (const link of check.links) {
    const profile = link.profileId === null ? undefined : byId.get(link.profileId);
    if (!profile) continue;
    const where = { url: link.url, page: link.page, source: link.source };
    if (profile.status === 'unreachable') {
      out.push({
        code: 'site-links-to-dead-profile',
        severity: FINDINGS['site-links-to-dead-profile'].severity,
        profileId: profile.id,
        evidence: { ...where, reason: profile.statusReason ?? 'not found' },
      });
    } else if (profile.status === 'abandoned' || profile.status === 'empty') {
      out.push({
        code: 'site-links-to-abandoned-profile',
        severity: FINDINGS['site-links-to-abandoned-profile'].severity,
        profileId: profile.id,
        evidence: { ...where, status: profile.status, daysSinceLastPost: profile.metrics?.daysSinceLastPost ?? null },
      });
    }
  }
  const linked = new Set(check.links.map((l) => l.profileId).filter((id) => id !== null));
  const pagesRead = check.pages.filter((p) => p.error === null).length;
  for (const p of profiles) {
    if (!NOT_SOCIAL.has(p.platform ?? 'web') && LIVE.has(p.status) && !linked.has(p.id)) {
      out.push({
        code: 'profile-missing-from-site',
        severity: FINDINGS['profile-missing-from-site'].severity,
        profileId: p.id,
        evidence: { status: p.status, website: check.url, pagesRead },
      });
    }
  }
  const undeclared = check.links.filter((l) => l.profileId === null);
  if (undeclared.length > 0) {
    out.push({
      code: 'site-links-to-undeclared-profile',
      severity: FINDINGS['site-links-to-undeclared-profile'].severity,
      profileId: null,
      evidence: { website: check.url, count: undeclared.length, urls: undeclared.map((l) => l.url).join(', ') },
    });
  }
  return out;
}
