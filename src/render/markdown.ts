/**
 * A Markdown report that pastes into a client document, a pull request or $GITHUB_STEP_SUMMARY:
 * summary, status counts, the profile table, findings with recommendations, who answers the
 * audience (with the oldest unanswered questions), canned templates and
 * how it was measured. All fetched text is escaped so it renders literally.
 */
import { plural, allFindings, SEVERITIES, STATUSES, type ProfileResult, type Report } from '../model/index.js';
import { escapeMarkdown as md, safeHref } from './escape.js';
import { comparisonLines, MARKDOWN_STYLE } from './comparison.js';
import { identityLines } from './markdown-identity.js';
import {
  apiText,
  agentLines,
  cannedSummary,
  cannedText,
  conversationText,
  lastPostWords,
  listeningSummary,
  unansweredSince,
  num,
  pct,
  rate,
  profileLabel,
  sampleSpan,
  statusCounts,
  statusText,
  templatedProfiles,
  websiteLinks,
  websiteSummary,
} from './format.js';
import { executiveLead, executiveTables } from './markdown-executive.js';
import { appendixNotes, appendixRows } from './appendix.js';
import { workingLines } from './markdown-working.js';
import { methodNotes } from './method.js';
import { fromDisplayCopy } from './sanitize.js';
import { templateMarkdown } from './template-script.js';
import type { Renderer } from './types.js';

function link(p: ProfileResult): string {
  const href = safeHref(p.url);
  return href ? `[${md(profileLabel(p))}](<${href}>)` : md(profileLabel(p));
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function summary(report: Report): string[] {
  const s = report.summary;
  const score = s.score === null ? 'no score (nothing could be measured)' : `**${s.score}/100, grade ${s.grade}**`;
  const f = s.findingsBySeverity;
  const b = report.branding;
  return [
    `# Social profile audit: ${md(report.company)}`,
    '',
    ...(b?.preparedBy ? [`_Prepared by ${md(b.preparedBy)}._`, ''] : []),
    ...(b?.intro ? [md(b.intro), ''] : []),
    `As of ${report.asOf.slice(0, 10)} · ${plural(s.profiles, 'profile')} · score ${score} · findings: ${f.critical} critical, ${f.warning} warning, ${f.info} info`,
    '',
    ...executiveLead(report),
    ...(s.scoreDriver ? ['', md(s.scoreDriver)] : []),
    ...(report.actions.length > 0
      ? ['', '**What to do first**', '', ...report.actions.map((a) => `${a.rank}. ${md(a.text)}`)]
      : []),
    '',
    ...executiveTables(report),
    '',
    row(['status', 'profiles']),
    row(['---', '--:']),
    ...statusCounts(report, STATUSES).map(({ status, count }) => row([status, count])),
  ];
}

function profileTable(report: Report): string[] {
  return [
    '## Profiles',
    '',
    row([
      'profile',
      'platform',
      'status',
      'verdict',
      'last post',
      'posts/week (30d)',
      'conversation',
      'canned',
      'sample',
      'score',
    ]),
    row(['---', '---', '---', '---', '---', '--:', '--:', '--:', '---', '--:']),
    ...report.profiles.map((p) =>
      row([
        link(p),
        md(p.platform ?? '—'),
        md(statusText(p)),
        `**${p.verdict}**: ${md(p.verdictReason)}`,
        lastPostWords(p),
        rate(p.metrics, 'postsPerWeek30d'),
        conversationText(p.metrics),
        cannedText(p.metrics),
        md(sampleSpan(p, report.settings.windowDays)),
        num(p.scores.overall),
      ]),
    ),
  ];
}

function findings(report: Report): string[] {
  const all = allFindings(report);
  if (all.length === 0) return ['## Findings', '', 'No findings.'];
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  const lines = ['## Findings'];
  for (const severity of SEVERITIES) {
    const group = all.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `### ${severity[0]!.toUpperCase()}${severity.slice(1)} (${group.length})`, '');
    for (const f of group) {
      const who = f.profileId ? link(byId.get(f.profileId)!) : 'Company';
      const change = f.change ? ` _(${md(f.change)})_` : '';
      lines.push(`- **${md(f.title)}**${change} — ${who}: ${md(f.message)}  `, `  ${md(f.recommendation)}`);
    }
  }
  return lines;
}

function templates(report: Report): string[] {
  const profiles = templatedProfiles(report.profiles);
  if (profiles.length === 0) return [];
  const lines = ['## Canned templates'];
  for (const p of profiles) {
    const m = p.metrics!;
    lines.push('', `### ${md(profileLabel(p))} — ${cannedSummary(p)}`, '');
    if (m.top5Coverage !== null)
      lines.push(`The top ${m.templates.length} templates cover ${pct(m.top5Coverage)} of replies.`, '');
    for (const t of m.templates) for (const line of templateMarkdown(t)) lines.push(line);
    if (m.signatures.length > 0)
      lines.push(`${m.signatures.length} people sign replies: ${agentLines(p).map(md).join('; ')}.`, '');
  }
  return lines;
}

/** Who answers the audience, and the oldest questions nobody answered, per profile whose threads were read. */
function audience(report: Report): string[] {
  const listened = report.profiles.filter((p) => (p.metrics?.threadsWithReplies ?? 0) > 0);
  if (listened.length === 0) return [];
  const lines = ['## Does the brand answer people?'];
  for (const p of listened) {
    lines.push('', `### ${md(profileLabel(p))}`, '', md(listeningSummary(p, report.profiles)!));
    const open = p.metrics?.unanswered ?? [];
    if (open.length > 0) {
      lines.push('', 'Oldest unanswered questions:', '');
      for (const u of open)
        lines.push(
          `- "${md(u.text)}" — ${md(unansweredSince(u))}${u.url && safeHref(u.url) ? ` ([open](<${safeHref(u.url)}>))` : ''}`,
        );
    }
  }
  return lines;
}

/** Profiles read through (or meant for) their owner's API: what each cost, or why it was not used. */
function apis(report: Report): string[] {
  const used = report.profiles.filter((p) => apiText(p) !== null);
  if (used.length === 0) return [];
  return ['## Owner APIs', '', ...used.map((p) => `- ${link(p)}: ${md(apiText(p)!)}`)];
}

function website(report: Report): string[] {
  const line = websiteSummary(report);
  if (line === null) return [];
  const rows = websiteLinks(report);
  const lines = ['## Website', '', md(line)];
  if (rows.length > 0) {
    lines.push(
      '',
      row(['links to', 'platform', 'how', 'on page', 'profile on your list']),
      row(['---', '---', '---', '---', '---']),
    );
    for (const r of rows) lines.push(row([md(r.url), md(r.platform), md(r.how), md(r.page), md(r.profile)]));
  }
  return lines;
}

/** Setting names, finding codes, source modes and inventory syntax: the consultant's, after the client's report. */
function appendix(report: Report): string[] {
  const code = (t: string) => (t === '—' ? t : `\`${t.replace(/`/g, "'")}\``);
  return [
    '## Technical appendix',
    '',
    ...appendixNotes(report).map((n) => `- ${n}`),
    '',
    row(['profile', 'id', 'platform', 'source', 'read', 'finding codes', 'targets']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...appendixRows(report).map((r) =>
      row([md(r.profile), code(r.id), code(r.platform), code(r.source), md(r.sample), code(r.codes), md(r.targets)]),
    ),
  ];
}

export const renderMarkdown: Renderer = fromDisplayCopy((report) => {
  const sections = [
    summary(report),
    workingLines(report),
    comparisonLines(report, MARKDOWN_STYLE),
    profileTable(report),
    findings(report),
    website(report),
    identityLines(report),
    audience(report),
    templates(report),
    apis(report),
    ['## How measured', '', ...methodNotes(report).map((n) => `- ${md(n)}`)],
    appendix(report),
  ];
  const footer = [`_Generated by ${md(report.tool.name)} ${md(report.tool.version)} at ${md(report.generatedAt)}._`];
  return `${[...sections.filter((s) => s.length > 0), footer].map((s) => s.join('\n').trimEnd()).join('\n\n')}\n`;
});
