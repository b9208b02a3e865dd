/**
 * One self-contained HTML file: no scripts, no external requests (a Content-Security-Policy forbids
 * both), opens offline and prints cleanly to PDF. Summary and grade, a status chart, one card per
 * profile with its weekly activity as inline SVG, metrics, findings and canned templates, and the
 * whole JSON report embedded for machines. Every fetched string is escaped.
 */
import {
  ACTIVITY_WEEKS,
  allFindings,
  duration,
  metricName,
  plural,
  SEVERITIES,
  SEVERITY_RANK,
  type Finding,
  type ProfileResult,
  type Report,
} from '../model/index.js';
import { escapeHtml as h, jsonForHtml, safeHref } from './escape.js';
import { htmlDocument } from './html-document.js';
import {
  agentLines,
  apiText,
  cannedSummary,
  listeningSummary,
  unansweredSince,
  cannedText,
  conversationText,
  days,
  lastPostWords,
  num,
  pct,
  cadenceText,
  rate,
  profileLabel,
  promoText,
  sampleSpan,
  statusText,
  thinEvidence,
  websiteLinks,
  websiteSummary,
} from './format.js';
import { appendixSection } from './html-appendix.js';
import { activityChart, STATUS_COLOURS, statusChart } from './html-charts.js';
import { EXECUTIVE_STYLE, executivePage, VERDICT_COLOURS } from './html-executive.js';
import { PRINT_STYLE } from './html-print.js';
import { identitySection } from './html-identity.js';
import { accentStyle, brandingHeader } from './html-branding.js';
import { HTML_STYLE } from './html-style.js';
import { betterSection, workingSection } from './html-working.js';
import { methodNotes } from './method.js';
import { fromDisplayCopy } from './sanitize.js';
import { SLOT_STYLE, templateHtml } from './template-script.js';
import type { Renderer } from './types.js';

const WEEK_MS = 7 * 86_400_000;

function link(url: string | null, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${h(href)}" rel="noopener noreferrer nofollow">${h(text)}</a>` : h(text);
}

function finding(f: Finding, who: string | null): string {
  const change = f.change ? ` <span class="change">${h(f.change)}</span>` : '';
  const subject = who ? `${h(who)}: ` : '';
  return `<li><span class="sev sev-${h(f.severity)}">${h(f.severity)}</span> <strong>${h(f.title)}</strong>${change} — ${subject}${h(f.message)}<br><span class="muted">→ ${h(f.recommendation)}</span></li>`;
}

/** Verdicts in the order the overview lists them: what needs doing first. */
const VERDICT_ORDER: Record<ProfileResult['verdict'], number> = { close: 0, fix: 1, check: 2, keep: 3 };

// a reduce, not Math.max(...): a forged report's 200,000 findings would overflow the stack as arguments
const worstRank = (p: ProfileResult) => p.findings.reduce((worst, f) => Math.max(worst, SEVERITY_RANK[f.severity]), 0);

/** Every profile in one table, by verdict, then the most severe finding, then score; each links to its card. */
function overview(report: Report): string {
  const ordered = [...report.profiles].sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
      worstRank(b) - worstRank(a) ||
      (a.scores.overall ?? 101) - (b.scores.overall ?? 101),
  );
  const cell = (label: string, html: string) => `<td data-label="${label}">${html}</td>`;
  const rows = ordered.map((p) =>
    [
      '<tr>',
      cell('profile', `<a href="#profile-${h(p.id)}">${h(profileLabel(p))}</a>`),
      cell('status', h(statusText(p))),
      cell('last post', h(lastPostWords(p))),
      cell('posts / week', h(rate(p.metrics, 'postsPerWeek30d'))),
      cell('conversation', h(conversationText(p.metrics))),
      cell('canned', h(cannedText(p.metrics))),
      cell(
        'verdict',
        `<span class="verdict" style="background:${VERDICT_COLOURS[p.verdict]}">${h(p.verdict)}</span> ${h(p.verdictReason)}`,
      ),
      '</tr>',
    ].join(''),
  );
  return `<section><h2>Overview</h2><table class="overview"><thead><tr><th>profile</th><th>status</th><th>last post</th><th>posts / week</th><th>conversation</th><th>canned</th><th>verdict</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** The executive page (html-executive.ts) around what to do first. */
function executiveSummary(report: Report): string {
  const actions =
    report.actions.length === 0
      ? '<p>Nothing to do first: no finding above info.</p>'
      : `<h2>What to do first</h2><ol class="actions">${report.actions
          .map((a) => `<li><span class="sev sev-${h(a.severity)}">${h(a.severity)}</span> ${h(a.text)}</li>`)
          .join('')}</ol>`;
  return executivePage(report, actions);
}

function metricList(p: ProfileResult, windowDays: number, profiles: readonly ProfileResult[]): string {
  const m = p.metrics;
  if (!m) return '';
  const minutes = (v: number | null) => (v === null ? '—' : duration(v));
  const rows: Array<[string, string]> = [
    ['last post', lastPostWords(p)],
    ['posts / week', `${cadenceText(m)}; ${rate(m, 'postsPerWeek90d')} posts a week (90 days)`],
    ['gaps', `usually ${days(m.medianGapDays)}, longest ${days(m.longestGapDays)}`],
    [
      'posts',
      `${m.originals} original, ${m.selfThreads} in threads, ${m.mentions} mention-led, ${plural(m.replies, 'reply')}, ${plural(m.reposts, 'repost')}`,
    ],
    ['conversation', conversationText(m)],
    ['promotional', promoText(m)],
    ['canned', m.cannedRatio === null ? '—' : cannedSummary(p)],
    [
      'response time',
      `median ${minutes(m.medianResponseMinutes)}, p90 ${minutes(m.p90ResponseMinutes)} (${m.responseTimesMeasured} measured)`,
    ],
    ['audience', listeningSummary(p, profiles) ?? '—'],
    [
      'sample',
      `${sampleSpan(p, windowDays)}, of ${plural(m.sample.fetched, 'item')} read${m.sample.note ? ` — ${m.sample.note}` : ''}${m.sample.rejectedRows > 0 ? `; ${m.sample.rejectedRows} export rows rejected` : ''}`,
    ],
    [
      'score',
      `${num(p.scores.overall)} (freshness ${num(p.scores.freshness)}, conversation ${num(p.scores.conversation)}, authenticity ${num(p.scores.authenticity)})`,
    ],
  ];
  const unavailable = Object.entries(m.unavailable);
  return [
    // the sample row is named, so the print layout (html-print.ts) shortens it by class, not by its position in the list
    `<dl class="metrics">${rows.map(([k, v]) => `<dt>${k}</dt><dd${k === 'sample' ? ' class="sample"' : ''}>${h(v)}</dd>`).join('')}</dl>`,
    unavailable.length > 0
      ? `<p class="muted">Not measurable: ${unavailable.map(([k, why]) => `${h(metricName(k))} (${h(why)})`).join('; ')}</p>`
      : '',
  ].join('');
}

/** The oldest questions people asked under the profile's posts that nobody answered, with links. */
function unanswered(p: ProfileResult): string {
  const list = p.metrics?.unanswered ?? [];
  if (list.length === 0) return '';
  const items = list
    .map(
      (u) =>
        `<li><q>${h(u.text)}</q> <span class="muted">— ${h(unansweredSince(u))}${u.url ? ` · ${link(u.url, 'open')}` : ''}</span></li>`,
    )
    .join('');
  return `<h4>Unanswered questions</h4><ul class="unanswered">${items}</ul>`;
}

function templates(p: ProfileResult): string {
  const m = p.metrics;
  if (!m || m.templates.length === 0) return '';
  const coverage =
    m.top5Coverage === null
      ? ''
      : `<p class="muted">The top ${m.templates.length} of ${m.templateCount} templates cover ${pct(m.top5Coverage)} of replies.</p>`;
  const quotes = m.templates.map(templateHtml).join('');
  const signatures =
    m.signatures.length > 0
      ? `<p>${m.signatures.length} people sign replies: ${agentLines(p).map(h).join('; ')}.</p>`
      : '';
  return `<h4>Canned templates</h4>${coverage}${quotes}${signatures}`;
}

function card(p: ProfileResult, report: Report): string {
  const asOf = new Date(report.asOf).getTime();
  const weeks = p.metrics?.weeklyPosts ?? [];
  // a chart of nothing says nothing: a sentence instead
  const chart = weeks.some((w) => w !== null && w > 0)
    ? `<figure>${activityChart(weeks, new Date(asOf - weeks.length * WEEK_MS).toISOString().slice(0, 10), report.asOf.slice(0, 10))}<figcaption>Posts per week over the last ${weeks.length} weeks</figcaption></figure>`
    : `<p class="nochart">${h(nothingToChart(p, ACTIVITY_WEEKS))}</p>`;
  const colour = STATUS_COLOURS[p.status] ?? '#757575';
  return [
    `<article class="card" id="profile-${h(p.id)}" style="border-left-color:${colour}">`,
    `<header><h3>${h(profileLabel(p))}</h3><span class="badge" style="background:${h(colour)}">${h(p.status)}</span></header>`,
    `<p class="verdict-line"><span class="verdict" style="background:${VERDICT_COLOURS[p.verdict]}">${h(p.verdict)}</span> ${h(p.verdictReason)}</p>`,
    `<p class="url">${link(p.url, p.url)} <span class="muted">· ${h(p.platform ?? 'unknown platform')}${p.owner ? ` · owner: ${h(p.owner)}` : ''}${p.tags.length > 0 ? ` · ${h(p.tags.join(', '))}` : ''}</span></p>`,
    accountLine(p),
    p.statusReason ? `<p><strong>${h(p.status)}:</strong> ${h(p.statusReason)}</p>` : '',
    apiText(p) ? `<p class="api">${h(`${apiText(p)!.charAt(0).toUpperCase()}${apiText(p)!.slice(1)}`)}.</p>` : '',
    p.basisNote
      ? `<p class="basis${thinEvidence(p) ? ' thin' : ''}">Status ${h(p.basisNote)}${thinEvidence(p) ? ' — <strong>thin evidence</strong>' : ''}.</p>`
      : '',
    chart,
    metricList(p, report.settings.windowDays, report.profiles),
    unanswered(p),
    p.findings.length > 0 ? `<ul class="findings">${p.findings.map((f) => finding(f, null)).join('')}</ul>` : '',
    templates(p),
    '</article>',
  ].join('\n');
}

/** The account as the platform shows it: handle, followers, posts, age, bio link (what it does not show is left out). */
function accountLine(p: ProfileResult): string {
  const a = p.account;
  const parts = [
    a.handle ? h(a.handle) : null,
    a.displayName && a.displayName !== p.name ? h(a.displayName) : null,
    a.followers === null ? null : h(plural(a.followers, 'follower')),
    a.posts === null ? null : h(plural(a.posts, 'post')),
    a.createdAt ? `since ${h(a.createdAt.slice(0, 10))}` : null,
    a.bioLink ? `bio link ${link(a.bioLink, a.bioLink)}` : null,
  ].filter((x) => x !== null);
  return parts.length === 0 ? '' : `<p class="account">${parts.join(' · ')}</p>`;
}

/** Why a card has no activity chart, in a sentence. */
function nothingToChart(p: ProfileResult, weeks: number): string {
  if (!p.metrics) return `Nothing to chart: the profile could not be measured (${p.status}).`;
  if (p.metrics.weeklyPosts.every((w) => w === null))
    return `Nothing to chart: the source does not reach back into the last ${weeks} weeks.`;
  return `No posts in the last ${weeks} weeks.`;
}

/** The statuses that rest on thin evidence, named under the status chart. */
function thinList(report: Report): string {
  const thin = report.profiles.filter((p) => thinEvidence(p));
  if (thin.length === 0) return '';
  return `<p class="muted">On thin evidence: ${thin.map((p) => `${h(profileLabel(p))} is ${p.status} ${h(thinEvidence(p)!)}`).join('; ')}.</p>`;
}

function websiteSection(report: Report): string {
  const line = websiteSummary(report);
  if (line === null) return '';
  const rows = websiteLinks(report);
  const table =
    rows.length === 0
      ? ''
      : `<table><thead><tr><th>links to</th><th>platform</th><th>how</th><th>on page</th><th>profile on your list</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td data-label="links to">${link(r.url, r.url)}</td><td data-label="platform">${h(r.platform)}</td><td data-label="how">${h(r.how)}</td><td data-label="on page">${link(r.page, r.page)}</td><td data-label="profile on your list">${h(r.profile)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section><h2>Website</h2><p>${h(line)}</p>${table}</section>`;
}

function baselineSection(report: Report): string {
  const b = report.baseline;
  if (!b) return '';
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  const changes = b.statusChanges.map(
    (c) =>
      `<li>${h(byId.get(c.profileId) ? profileLabel(byId.get(c.profileId)!) : c.profileId)}: ${h(c.from)} → ${h(c.to)}${c.worse ? ' <strong>(worse)</strong>' : ''}</li>`,
  );
  return [
    '<section><h2>Since the baseline</h2>',
    `<p>Compared with the audit as of ${h(b.asOf.slice(0, 10))}: ${h(String(b.findings.new))} new, ${h(String(b.findings.unchanged))} unchanged and ${h(String(b.findings.resolved))} resolved findings.</p>`,
    changes.length > 0 ? `<ul>${changes.join('')}</ul>` : '<p>No profile changed status.</p>',
    b.resolved.length > 0
      ? `<h3>Resolved</h3><ul class="findings">${b.resolved.map((f) => finding(f, f.profileId)).join('')}</ul>`
      : '',
    '</section>',
  ].join('\n');
}

export const renderHtml: Renderer = fromDisplayCopy((report) => {
  const s = report.summary;
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  const all = allFindings(report);
  const grade = h(s.grade ?? '–');
  const bySeverity = SEVERITIES.map((sev) => `${h(String(s.findingsBySeverity[sev]))} ${sev}`).join(', ');
  const title = `Social profile audit: ${report.company}`;
  return htmlDocument({
    title,
    style: `${HTML_STYLE}${SLOT_STYLE}${EXECUTIVE_STYLE}${PRINT_STYLE}${accentStyle(report.branding)}`,
    meta: `<meta name="generator" content="${h(`${report.tool.name} ${report.tool.version}`)}">\n`,
    body: `${brandingHeader(report.branding, report.company)}
<header class="summary">
<div class="grade grade-${grade}" aria-label="grade ${grade}">${grade}</div>
<div><h1>${h(title)}</h1>
<p>As of ${h(report.asOf.slice(0, 10))} · ${plural(s.profiles, 'profile')} · score ${s.score === null ? 'none (nothing could be measured)' : `${h(String(s.score))}/100`} · findings: ${bySeverity}</p></div>
</header>
${executiveSummary(report)}
${overview(report)}
${workingSection(report)}
<section><h2>Profiles by status</h2>${statusChart(report)}${thinList(report)}</section>
${betterSection(report)}
${baselineSection(report)}
<section><h2>Findings</h2>
${
  all.length === 0
    ? '<p>No findings.</p>'
    : `<ul class="findings">${SEVERITIES.flatMap((sev) => all.filter((f) => f.severity === sev))
        .map((f) => finding(f, f.profileId ? profileLabel(byId.get(f.profileId)!) : 'Company'))
        .join('\n')}</ul>`
}
</section>
${websiteSection(report)}
${identitySection(report)}
<section><h2>Profiles</h2>
<div class="cards">
${report.profiles.map((p) => card(p, report)).join('\n')}
</div>
</section>
<section><h2>How measured</h2>
${methodNotes(report)
  .map((n) => `<p>${h(n)}</p>`)
  .join('\n')}
</section>
${appendixSection(report)}
<script type="application/json" id="channel-audit-report">${jsonForHtml(report)}</script>`,
  });
});
