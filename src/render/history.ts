/**
 * `channel-audit history` as text, Markdown or JSON: per profile, how its status, score, cadence,
 * conversation and canned ratios moved from the first report to the newest, with the score's trend as
 * a sparkline; the company's score over the reports; and whether the newest is a regression.
 */
import {
  displayCopy,
  plural,
  profileName,
  type History,
  type HistoryPoint,
  type ProfileHistory,
} from '../model/index.js';
import { escapeMarkdown as md } from './escape.js';
import { pct, perWeek } from './format.js';
import { terminalSafe } from './sanitize.js';
import { scoreTrend } from './sparkline.js';

export const HISTORY_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const first = <T>(points: readonly HistoryPoint[], pick: (p: HistoryPoint) => T | null): T | null =>
  points.map(pick).find((v) => v !== null) ?? null;
const last = <T>(points: readonly HistoryPoint[], pick: (p: HistoryPoint) => T | null): T | null =>
  [...points]
    .reverse()
    .map(pick)
    .find((v) => v !== null) ?? null;

/** "first → now" of one value; one value where it did not change; "—" where never measured. */
function moved<T>(p: ProfileHistory, pick: (pt: HistoryPoint) => T | null, show: (v: T) => string): string {
  const a = first(p.points, pick);
  const b = last(p.points, pick);
  if (a === null && b === null) return '—';
  if (a === null || b === null || show(a) === show(b)) return show((b ?? a)!);
  return `${show(a)} → ${show(b)}`;
}

/** The columns of the per-profile table, as text cells. */
export function historyRows(h: History): string[][] {
  return h.profiles.map((p) => [
    profileName(p),
    moved(p, (pt) => pt.status, String),
    moved(p, (pt) => pt.score, String),
    scoreTrend(p.points.map((pt) => pt.score)),
    moved(p, (pt) => pt.postsPerWeek30d, perWeek),
    moved(p, (pt) => pt.conversationRatio, pct),
    moved(p, (pt) => pt.cannedRatio, pct),
    p.points.at(-1)?.verdict ?? '—',
  ]);
}

export const HISTORY_HEAD = ['profile', 'status', 'score', 'trend', 'posts/wk', 'conversation', 'canned', 'verdict'];

function span(h: History): string {
  const from = h.reports[0]!.asOf.slice(0, 10);
  const to = h.reports.at(-1)!.asOf.slice(0, 10);
  return `${plural(h.reports.length, 'report')}, ${from === to ? from : `${from} to ${to}`}`;
}

function companyLine(h: History): string {
  const scores = h.reports.map((r) => (r.score === null ? '—' : String(r.score)));
  const newest = h.reports.at(-1)!;
  return `company score: ${scores.join(' → ')}${newest.grade ? ` (${newest.grade})` : ''}`;
}

function regressionLine(h: History): string {
  const r = h.regression;
  if (h.reports.length < 2) return 'Regression: one report, nothing to compare.';
  return r.worse
    ? `Regression: the newest report is worse than the ${plural(Math.min(r.window, h.reports.length - 1), 'report')} before it — ${r.reasons.join('; ')}`
    : `No regression: the newest report is no worse than the ${plural(Math.min(r.window, h.reports.length - 1), 'report')} before it (statuses and verdicts against their best, findings and scores against the night before).`;
}

export function renderHistoryText(given: History): string {
  const h = displayCopy(given);
  const rows = historyRows(h).map((r) => r.map(terminalSafe));
  const widths = HISTORY_HEAD.map((head, i) =>
    rows.reduce((most, r) => Math.max(most, [...r[i]!].length), head.length),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
      .join('  ')
      .trimEnd();
  return `${[
    `${terminalSafe(h.company)} — ${span(h)}`,
    companyLine(h),
    '',
    line(HISTORY_HEAD),
    ...rows.map(line),
    '',
    terminalSafe(regressionLine(h)),
  ].join('\n')}\n`;
}

export function renderHistoryMarkdown(given: History): string {
  const h = displayCopy(given);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return `${[
    `# Audit history: ${md(h.company)}`,
    '',
    `${span(h)} · ${companyLine(h)}`,
    '',
    row(HISTORY_HEAD),
    row(HISTORY_HEAD.map((_, i) => (i === 0 ? '---' : i >= 2 && i <= 6 ? '--:' : '---'))),
    ...historyRows(h).map((r) => row(r.map(md))),
    '',
    md(regressionLine(h)),
  ].join('\n')}\n`;
}

export function renderHistoryJson(given: History): string {
  const h = displayCopy(given);
  return `${JSON.stringify(h, null, 2)}\n`;
}
