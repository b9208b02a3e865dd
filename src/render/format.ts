/** Plain-text forms of report values shared by the renderers (no escaping here: each format escapes its own). */
import type { ProfileResult } from '../model/index.js';

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

/** "84% of 386 replies, signed by 5 agents" */
export function cannedSummary(p: ProfileResult): string {
  const m = p.metrics!;
  const signers = m.signatures.length > 0 ? `, signed by ${m.signatures.length} agents` : '';
  return `${pct(m.cannedRatio)} of ${m.repliesAnalyzed} replies${signers}`;
}

/** Profiles that have canned templates, in report order. */
export const templatedProfiles = (profiles: ProfileResult[]): ProfileResult[] => profiles.filter((p) => (p.metrics?.templates.length ?? 0) > 0);
