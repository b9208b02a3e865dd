/** The terminal view: a summary line, the profile table, findings by severity and the top canned templates. */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import {
  allFindings,
  plural,
  SEVERITIES,
  STATUSES,
  type ProfileResult,
  type Severity,
  type Status,
} from '../model/index.js';
import { comparisonLines, PLAIN_STYLE } from './comparison.js';
import { workingPlainLines } from './working.js';
import {
  agentLines,
  apiText,
  cannedSummary,
  cannedText,
  conversationText,
  lastPost,
  num,
  rate,
  profileLabel,
  sampleCell,
  statusCounts,
  templatedProfiles,
  thinEvidence,
} from './format.js';
import { fromDisplayCopy, terminalSafe, truncate } from './sanitize.js';
import { sparkline } from './sparkline.js';
import { wrap } from './wrap.js';
import type { Renderer } from './types.js';

const STATUS_COLOUR: Record<Status, (c: ChalkInstance) => ChalkInstance> = {
  active: (c) => c.green,
  stale: (c) => c.yellow,
  abandoned: (c) => c.red,
  empty: (c) => c.red,
  unreachable: (c) => c.red.bold,
  blocked: (c) => c.magenta,
  error: (c) => c.gray,
};

const SEVERITY_COLOUR: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  critical: (c) => c.red.bold,
  warning: (c) => c.yellow,
  info: (c) => c.cyan,
};

function label(p: ProfileResult): string {
  return terminalSafe(profileLabel(p));
}

const HEAD = [
  'profile',
  'platform',
  'status',
  'verdict',
  'last post',
  'last 26 weeks',
  'posts/wk',
  'conv.',
  'canned',
  'sample',
  'score',
];
const COL = {
  name: 0,
  platform: 1,
  status: 2,
  verdict: 3,
  activity: 5,
  postsPerWeek: 6,
  conversation: 7,
  sample: 9,
} as const;
/**
 * Columns given up, in this order, when the terminal is too narrow: the sample, platform, posts/wk,
 * the activity sparkline, then conversation (the verdict's reason, under the table, says what matters).
 */
const DROP_ORDER = [COL.sample, COL.platform, COL.postsPerWeek, COL.activity, COL.conversation];
/** Marks a status that rests on thin evidence; the note under the table says what it rests on. */
const THIN_MARK = '*';
const MIN_NAME = 12;
const MAX_NAME = 40;

/**
 * The columns that fit the terminal, and the width left for profile names: names are truncated first
 * (down to 12 characters), then columns are dropped in DROP_ORDER. Without a known width (not a TTY,
 * or a file) nothing is dropped and names keep up to 40 characters.
 */
export function fitColumns(
  head: string[],
  rows: string[][],
  width: number | null,
): { nameWidth: number; columns: number[] } {
  let columns = head.map((_, i) => i);
  if (width === null) return { nameWidth: MAX_NAME, columns };
  const widthOf = (i: number) => rows.reduce((most, r) => Math.max(most, [...r[i]!].length), head[i]!.length);
  // each column takes its text, one space of padding either side and one border; plus the table's left border
  const nameRoom = (cols: number[]) =>
    width - cols.filter((i) => i !== COL.name).reduce((sum, i) => sum + widthOf(i) + 3, 0) - 4;
  for (const drop of DROP_ORDER) {
    if (nameRoom(columns) >= MIN_NAME) break;
    columns = columns.filter((i) => i !== drop);
  }
  return { nameWidth: Math.max(MIN_NAME, Math.min(MAX_NAME, nameRoom(columns))), columns };
}

export const renderTable: Renderer = fromDisplayCopy((report, options) => {
  const c = new Chalk({ level: options.colorLevel });
  const lines: string[] = [];
  // line by line: a report's worth of lines spread into one push() call would overflow the stack
  const add = (...groups: string[][]) => {
    for (const group of groups) for (const l of group) lines.push(l);
  };
  const counts = statusCounts(report, STATUSES)
    .map(({ status, text }) => STATUS_COLOUR[status](c)(text))
    .join(', ');
  const score = report.summary.score === null ? 'no score' : `score ${report.summary.score} (${report.summary.grade})`;
  add(
    wrap(
      `${c.bold(terminalSafe(report.company))} — audit as of ${report.asOf.slice(0, 10)} — ${score} — ${plural(report.summary.profiles, 'profile')}: ${counts}`,
      options.width,
      '',
      '  ',
    ),
  );
  if (report.branding?.preparedBy) lines.push(c.dim(`Prepared by ${terminalSafe(report.branding.preparedBy)}`));
  // the executive summary: what drives the score, and what to do first
  if (report.summary.scoreDriver) add(wrap(terminalSafe(report.summary.scoreDriver), options.width, '', '  '));
  if (report.actions.length > 0) {
    lines.push('', c.bold('What to do first'));
    for (const a of report.actions) {
      const text = `${a.rank}. ${SEVERITY_COLOUR[a.severity](c)(terminalSafe(a.text))}`;
      add(wrap(text, options.width, '  ', '     '));
    }
  }
  lines.push('');

  const rows = report.profiles.map((p) => [
    label(p),
    p.platform ?? '—',
    thinEvidence(p) ? `${p.status}${THIN_MARK}` : p.status,
    p.verdict,
    lastPost(p),
    p.metrics ? sparkline(p.metrics.weeklyPosts) : '',
    rate(p.metrics, 'postsPerWeek30d'),
    conversationText(p.metrics),
    cannedText(p.metrics),
    sampleCell(p, report.settings.windowDays),
    num(p.scores.overall),
  ]);
  const { nameWidth, columns } = fitColumns(HEAD, rows, options.width);
  const table = new Table({
    head: columns.map((i) => HEAD[i]!),
    style: { head: options.colorLevel > 0 ? ['bold'] : [], border: options.colorLevel > 0 ? ['gray'] : [] },
    wordWrap: false,
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  rows.forEach((row, r) => {
    const status = report.profiles[r]!.status;
    table.push(
      columns.map((i) => {
        if (i === COL.name) return truncate(row[i]!, nameWidth);
        if (i === COL.status) return STATUS_COLOUR[status](c)(row[i]!);
        if (i === COL.activity) return c.cyan(row[i]!);
        return row[i]!;
      }),
    );
  });
  lines.push(table.toString());
  const thin = report.profiles.flatMap((p) =>
    thinEvidence(p) ? [`${THIN_MARK} ${label(p)}: ${p.status} ${terminalSafe(thinEvidence(p)!)} (thin evidence)`] : [],
  );
  if (thin.length > 0) add(thin.flatMap((t) => wrap(t, options.width, '', '  ').map((l) => c.dim(l))));
  const apis = report.profiles.flatMap((p) => (apiText(p) ? [`api: ${label(p)}: ${terminalSafe(apiText(p)!)}`] : []));
  if (apis.length > 0) add(apis.flatMap((t) => wrap(t, options.width, '', '  ').map((l) => c.dim(l))));

  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  const findings = allFindings(report);
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', SEVERITY_COLOUR[severity](c)(`${severity.toUpperCase()} (${group.length})`));
    for (const f of group) {
      const who = f.profileId ? truncate(label(byId.get(f.profileId)!), 40) : 'company';
      const change = f.change === 'new' ? c.bold(' (new)') : '';
      const text = `${c.bold(terminalSafe(f.title))}${change} — ${who}: ${terminalSafe(f.message)}`;
      add(wrap(text, options.width, '  ', '    '));
      const advice = `→ ${terminalSafe(f.recommendation)} [${terminalSafe(f.code)}]`;
      add(wrap(advice, options.width, '    ', '      ').map((l) => c.dim(l)));
    }
  }

  const [working, ...credited] = workingPlainLines(report);
  if (working) add(['', c.bold(working)], ...credited.map((t) => wrap(terminalSafe(t), options.width, '  ', '    ')));

  if (report.baseline)
    add([''], comparisonLines(report, { ...PLAIN_STYLE, heading: (t) => c.bold(t), strong: (t) => c.bold(t) }));

  const templated = templatedProfiles(report.profiles);
  if (templated.length > 0) {
    lines.push('', c.bold('Top canned templates'));
    for (const p of templated) {
      const m = p.metrics!;
      add(wrap(`${label(p)} (${cannedSummary(p)})`, options.width, '  ', '    '));
      if (m.signatures.length > 0) {
        const signers = `${plural(m.signatures.length, 'person', 'people')} sign replies — ${agentLines(p).map(terminalSafe).join('; ')}`;
        add(wrap(signers, options.width, '    ', '      ').map((l) => c.dim(l)));
      }
      for (const t of m.templates.slice(0, 3)) {
        lines.push(
          `    ${String(t.count).padStart(4)}× "${truncate(terminalSafe(t.skeleton), Math.max(40, (options.width ?? 100) - 14))}"`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
});
