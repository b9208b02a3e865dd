/**
 * The technical appendix of the client formats (HTML and Markdown): what the consultant needs and the
 * client does not — per profile its platform id, how it was read (source mode), its finding codes and
 * the inventory targets that fired by their setting names — plus the inventory syntax the advice in
 * the body leaves out. Everything above it speaks the client's language (test/client-language.test.ts).
 */
import { allFindings, type Finding, type ProfileResult, type Report } from '../model/index.js';
import { profileLabel } from './format.js';

export interface AppendixRow {
  /** The profile as the body names it, or "Company" for company-wide findings. */
  profile: string;
  id: string;
  platform: string;
  source: string;
  sample: string;
  codes: string;
  targets: string;
}

/** "maxMedianResponseMinutes: 305 against 240" for an assertion finding; the names folded into a rule's. */
function targetsOf(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => {
    const e = f.evidence;
    if (f.code.startsWith('assert-') && typeof e.name === 'string')
      return [`${e.name}: measured ${String(e.actual ?? '—')}, target ${String(e.limit ?? '—')}`];
    if (f.code === 'assert-unchecked') return [`not checked: ${String(e.assertions ?? '')}`];
    return typeof e.alsoBreaks === 'string' ? e.alsoBreaks.split(', ').map((n) => `${n} (see ${f.code})`) : [];
  });
}

function profileRow(p: ProfileResult): AppendixRow {
  const m = p.metrics;
  return {
    profile: profileLabel(p),
    id: p.id,
    platform: p.platform ?? '—',
    source: p.source,
    sample: m
      ? `${m.sample.method}, ${m.sample.fetched} read${m.sample.complete === false ? ', incomplete' : ''}`
      : '—',
    codes: p.findings.map((f) => f.code).join(', ') || '—',
    targets: targetsOf(p.findings).join('; ') || '—',
  };
}

/** One row per profile, then one for the company's and website's findings where there are any. */
export function appendixRows(report: Report): AppendixRow[] {
  const rows = report.profiles.map(profileRow);
  const company = allFindings(report).filter((f) => f.profileId === null);
  if (company.length > 0)
    rows.push({
      profile: 'Company',
      id: '—',
      platform: '—',
      source: '—',
      sample: '—',
      codes: company.map((f) => f.code).join(', '),
      targets: '—',
    });
  return rows;
}

/** The inventory syntax behind the body's advice, for the consultant who edits the inventory. */
export function appendixNotes(report: Report): string[] {
  const notes = [
    "Targets are the inventory's `assert:` settings (per platform `assertFor:`, per profile `assert:`); a target that could not be checked is `assert-unchecked`.",
    "An owner download is given to a profile as `archive: <file or folder>`; any other export as `posts: <CSV or JSON>` (docs/owner-downloads.md). A profile read so is marked `archive` or `import` under source; `replay` is a run from recorded evidence, `live` a run against the platforms, `api` a read through the owner's API (docs/owner-apis.md).",
  ];
  if (report.website) notes.push('`channel-audit init --from-site` lists every profile the website links to.');
  return notes;
}
