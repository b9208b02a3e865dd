/**
 * "What's working", grouped for every format: the report's strengths (scoring/strengths.ts) under a
 * heading per kind, each profile named once in its display name. Pure; fetched text is unescaped.
 */
import { STRENGTH_KINDS, type Report, type StrengthKind } from '../model/index.js';
import { profileLabel } from './format.js';

export const STRENGTH_TITLES: Record<StrengthKind, string> = {
  'answers-people': 'Answers most people',
  'answers-fast': 'Answers fast',
  'writes-personally': 'Writes personally',
  'posts-steadily': 'Posts steadily',
};

export interface WorkingGroup {
  title: string;
  items: Array<{ profileId: string; name: string; text: string }>;
}

export function workingGroups(report: Report): WorkingGroup[] {
  const names = new Map(report.profiles.map((p) => [p.id, profileLabel(p)]));
  const strengths = report.strengths ?? [];
  return STRENGTH_KINDS.map((kind) => ({
    title: STRENGTH_TITLES[kind],
    items: strengths
      .filter((s) => s.kind === kind)
      .map((s) => ({ profileId: s.profileId, name: names.get(s.profileId) ?? s.profileId, text: s.text })),
  })).filter((g) => g.items.length > 0);
}

/** The terminal table's block: a heading, then one line per strength ("Answers fast — name: figures"). */
export function workingPlainLines(report: Report): string[] {
  const groups = workingGroups(report);
  if (groups.length === 0) return [];
  return ["What's working", ...groups.flatMap((g) => g.items.map((i) => `${g.title} — ${i.name}: ${i.text}`))];
}
