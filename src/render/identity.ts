/**
 * The identity section's rows, shared by every format that shows it: each profile's display name,
 * handle, bio and bio link side by side, as the platform shows them, with why a cell is empty, and
 * which identity findings the profile has. Feeds and web pages have titles, not profiles: left out.
 */
import { LINK_FIELD_UNSHOWN, plural, type ProfileResult, type Report } from '../model/index.js';
import { profileLabel } from './format.js';

export const IDENTITY_CODES: ReadonlySet<string> = new Set(['inconsistent-name', 'bio-link', 'dead-bio-link']);
const NOT_PROFILES = new Set(['web', 'feed']);
const UNREAD = new Set(['unreachable', 'blocked', 'error']);

export interface IdentityCell {
  /** The platform's text, or null with `note` saying why there is none. */
  text: string | null;
  note: string | null;
}

export interface IdentityRow {
  profile: ProfileResult;
  label: string;
  platform: string;
  displayName: IdentityCell;
  handle: IdentityCell;
  bio: IdentityCell;
  bioLink: IdentityCell;
  /** The profile's identity findings' messages. */
  problems: string[];
}

function cell(p: ProfileResult, value: string | null, kind: 'bio' | 'link' | 'other'): IdentityCell {
  if (value === '') return { text: null, note: 'empty' };
  if (value !== null) return { text: value, note: null };
  if (UNREAD.has(p.status)) return { text: null, note: `not read (${p.status})` };
  // a bio the platform showed without a link: no link; a source that shows no bio: not shown
  if (kind === 'link' && p.account.bio !== null && !LINK_FIELD_UNSHOWN.has(p.platform ?? ''))
    return { text: null, note: 'none' };
  return { text: null, note: 'not shown' };
}

export function identityRows(report: Report): IdentityRow[] {
  return report.profiles
    .filter((p) => !NOT_PROFILES.has(p.platform ?? 'web'))
    .map((p) => ({
      profile: p,
      label: profileLabel(p),
      platform: p.platform ?? 'unknown',
      displayName: cell(p, p.account.displayName, 'other'),
      handle: cell(p, p.account.handle, 'other'),
      bio: cell(p, p.account.bio, 'bio'),
      bioLink: cell(p, p.account.bioLink, 'link'),
      problems: p.findings.filter((f) => IDENTITY_CODES.has(f.code)).map((f) => f.message),
    }));
}

/**
 * One line over the table: how many names and bio links differ from the company's (the findings' count:
 * a profile to close is not judged, its name and bio go with it).
 */
export function identitySummary(report: Report, rows: readonly IdentityRow[]): string {
  const count = (code: string) => rows.filter((r) => r.profile.findings.some((f) => f.code === code)).length;
  const names = count('inconsistent-name');
  const links = count('bio-link');
  const site = report.website?.url ?? null;
  return [
    `${plural(names, 'profile')} ${names === 1 ? 'uses a name' : 'use names'} other than "${report.company}"`,
    site === null
      ? 'no website is given to check bio links against'
      : `${plural(links, 'bio')} ${links === 1 ? 'does' : 'do'} not link to ${site}`,
  ].join('; ');
}

/** What the section cannot tell, said under it. */
export const IDENTITY_NOTE =
  'Names, handles, bios and links are as each platform shows them; "not shown" means the source the audit reads does not show it (feeds and web pages are left out). Each bio link on another site is opened once: a page that answers "not found" or "gone" is named; one that could not be told (401, 403, 429, a timeout) is not.';
