/** Plain-text forms of report values shared by the renderers (no escaping here: each format escapes its own). */
import type { LinkSource, ProfileResult, Report } from '../model/index.js';

/** A ratio 0..1 as a whole percentage; a missing value is an em dash. */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
export const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

export function lastPost(p: ProfileResult): string {
  const m = p.metrics;
  if (!m?.lastPostAt) return '—';
  return `${m.lastPostAt.slice(0, 10)} (${m.daysSinceLastPost}d)`;
}

/** What a person calls the profile: its name, or else its URL. */
export const profileLabel = (p: ProfileResult): string => p.name ?? p.url;

/** "84% of 386 replies in 5 templates, 13 per 1,000 replies, signed by 5 agents" */
export function cannedSummary(p: ProfileResult): string {
  const m = p.metrics!;
  const signers = m.signatures.length > 0 ? `, signed by ${m.signatures.length} agents` : '';
  const count = m.templateCount === null ? '' : ` in ${m.templateCount} ${m.templateCount === 1 ? 'template' : 'templates'}${m.templatesPer1000Replies === null ? '' : `, ${m.templatesPer1000Replies} per 1,000 replies`}`;
  return `${pct(m.cannedRatio)} of ${m.repliesAnalyzed} replies${count}${signers}`;
}

/** "^JS: 47 replies, 80% canned" for each agent signature. */
export function agentLines(p: ProfileResult): string[] {
  return p.metrics!.signatures.map((s) => `${s.tag}: ${s.count} ${s.count === 1 ? 'reply' : 'replies'}${s.templateShare === null ? '' : `, ${pct(s.templateShare)} canned`}`);
}

/** "85 replies (22%), 2026-07-12 to 2026-10-31" */
export function templateUse(t: { count: number; share: number; firstSeenAt: string | null; lastSeenAt: string | null }): string {
  const span = t.firstSeenAt && t.lastSeenAt ? `, ${t.firstSeenAt.slice(0, 10)} to ${t.lastSeenAt.slice(0, 10)}` : '';
  return `${t.count} replies (${pct(t.share)})${span}`;
}

/** Profiles that have canned templates, in report order. */
export const templatedProfiles = (profiles: ProfileResult[]): ProfileResult[] => profiles.filter((p) => (p.metrics?.templates.length ?? 0) > 0);

/** How a link source is named in reports and in an inventory written from a site. */
export const LINK_SOURCE: Record<LinkSource, string> = { 'rel-me': 'rel="me"', 'json-ld': 'JSON-LD sameAs', link: 'link' };

/** The website's profile links as rows: what it links to, how, where, and which inventory profile that is. */
export function websiteLinks(report: Report): Array<{ url: string; platform: string; how: string; page: string; profile: string }> {
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  return (report.website?.links ?? []).map((l) => {
    const p = l.profileId === null ? undefined : byId.get(l.profileId);
    return { url: l.url, platform: l.platform, how: LINK_SOURCE[l.source], page: l.page, profile: p ? `${profileLabel(p)} (${p.status})` : 'not in the inventory' };
  });
}

/** One line on how the website was read. */
export function websiteSummary(report: Report): string | null {
  const w = report.website;
  if (!w) return null;
  if (w.error) return `${w.url} could not be read (${w.error}): which profiles it links to is unknown.`;
  const read = w.pages.filter((p) => p.error === null).length;
  return `${w.url}: ${read} page(s) read, ${w.links.length} profile link(s) found.`;
}
