/**
 * What changed since a baseline, as plain lines (terminal) or Markdown: counts, what got better (ahead
 * of the rest), status changes, metrics that got worse, new and resolved findings. Used by the table and Markdown reports when the report has a baseline, and
 * by `channel-audit diff`.
 */
import { allFindings, displayCopy, type Finding, type Report } from '../model/index.js';
import { escapeMarkdown } from './escape.js';
import { profileLabel } from './format.js';
import { improvements, metricSetbacks } from './improvements.js';
import { terminalSafe } from './sanitize.js';

export interface ComparisonStyle {
  /** Escapes fetched text for the output language. */
  text: (s: string) => string;
  heading: (s: string) => string;
  strong: (s: string) => string;
  bullet: string;
}

export const PLAIN_STYLE: ComparisonStyle = { text: terminalSafe, heading: (s) => s, strong: (s) => s, bullet: '  ' };
export const MARKDOWN_STYLE: ComparisonStyle = {
  text: escapeMarkdown,
  heading: (s) => `## ${s}`,
  strong: (s) => `**${s}**`,
  bullet: '- ',
};

export function comparisonLines(given: Report, style: ComparisonStyle): string[] {
  if (!given.baseline) return [];
  const report = displayCopy(given);
  const b = report.baseline!;
  const names = new Map(report.profiles.map((p) => [p.id, profileLabel(p)]));
  const who = (f: Finding) => (f.profileId ? style.text(names.get(f.profileId) ?? f.profileId) : 'company');
  const line = (f: Finding) =>
    `${style.bullet}${style.text(f.severity)} ${style.text(f.code)} — ${who(f)}: ${style.text(f.message)}`;
  const worse = b.statusChanges.filter((c) => c.worse).length;
  const lines = [
    style.heading(`Since the baseline (as of ${style.text(b.asOf.slice(0, 10))})`),
    '',
    `${style.strong(`${b.findings.new} new`)}, ${b.findings.unchanged} unchanged and ${b.findings.resolved} resolved findings; ${worse} ${worse === 1 ? 'profile' : 'profiles'} got worse.`,
  ];
  // what got better comes first: effort is credited before what got worse is named
  const better = improvements(report);
  if (better.length > 0) lines.push('', 'Better since the last audit:');
  for (const l of better) lines.push(`${style.bullet}${style.text(l)}`);
  if (b.statusChanges.length > 0) {
    lines.push('', 'Status changes:');
    for (const c of b.statusChanges)
      lines.push(
        `${style.bullet}${style.text(names.get(c.profileId) ?? c.profileId)}: ${style.text(c.from)} → ${style.text(c.to)}${c.worse ? ` ${style.strong('(worse)')}` : ''}`,
      );
  }
  const setbacks = metricSetbacks(report);
  if (setbacks.length > 0) lines.push('', 'Worse since the last audit:');
  for (const l of setbacks) lines.push(`${style.bullet}${style.text(l)}`);
  const fresh = allFindings(report).filter((f) => f.change === 'new');
  // one push per line: a report's worth of findings spread into one call would overflow the stack
  if (fresh.length > 0) lines.push('', 'New findings:');
  for (const f of fresh) lines.push(line(f));
  if (b.resolved.length > 0) lines.push('', 'Resolved:');
  for (const f of b.resolved) lines.push(line(f));
  if (b.addedProfiles.length > 0)
    lines.push('', `Profiles added: ${b.addedProfiles.map((id) => style.text(names.get(id) ?? id)).join(', ')}`);
  if (b.removedProfiles.length > 0)
    lines.push('', `Profiles no longer in the inventory: ${b.removedProfiles.map(style.text).join(', ')}`);
  return lines;
}
