/**
 * The HTML report's executive page (issue 36, item 3): what a client reads first, and the one page
 * printed before the rest — a paragraph in plain words, the verdict counts, the ranked actions, one
 * row per platform and who does what where the profiles have owners.
 */
import { type Report, VERDICTS, type Verdict } from '../model/index.js';
import { escapeHtml as h } from './escape.js';
import { executiveData, type OwnerGroup, type PlatformRow, VERDICT_WORDS } from './executive-data.js';
import { pct, perWeek } from './format.js';

/** The verdict colours of the overview and the cards. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  close: '#c62828',
  fix: '#b26a00',
  check: '#6a1b9a',
  keep: '#2e7d32',
};

function verdictCounts(counts: Record<Verdict, number>): string {
  const items = VERDICTS.map(
    (v) =>
      `<li><span class="count" style="border-color:${VERDICT_COLOURS[v]}">${counts[v]}</span> <span class="verdict" style="background:${VERDICT_COLOURS[v]}">${v}</span> <span class="muted">${h(VERDICT_WORDS[v])}</span></li>`,
  );
  return `<ul class="verdict-counts">${items.join('')}</ul>`;
}

function platformTable(rows: PlatformRow[]): string {
  const head = ['platform', 'profiles', 'active', 'posts a week (median)', 'answered', 'canned replies'];
  const body = rows.map((r) => {
    const cells = [
      h(r.label),
      String(r.profiles),
      String(r.active),
      perWeek(r.medianPostsPerWeek),
      pct(r.answeredRate),
      pct(r.cannedShare),
    ];
    return `<tr>${cells.map((c, i) => `<td data-label="${head[i]}">${c}</td>`).join('')}</tr>`;
  });
  return `<h2>By platform</h2><table class="platforms"><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table><p class="muted">— where no profile of the platform shows the figure.</p>`;
}

function ownerList(groups: OwnerGroup[]): string {
  if (groups.length === 0) return '';
  const items = groups.map((g) => {
    const actions = g.actions
      .map((a) => `<span class="sev sev-${h(a.severity)}">${a.rank}</span> ${h(a.label)}: ${h(a.profiles.join(', '))}`)
      .join('; ');
    return `<li><strong>${g.owner === null ? 'No owner named' : h(g.owner)}</strong> — ${actions}</li>`;
  });
  return `<h2>Who does what</h2><ul class="owners">${items.join('')}</ul>`;
}

/** The executive page; `actions` is the ranked list the HTML report already renders ("What to do first"). */
export function executivePage(report: Report, actions: string): string {
  const data = executiveData(report);
  return [
    '<section class="executive exec-page">',
    `<p class="lead">${h(data.paragraph)}</p>`,
    verdictCounts(data.verdicts),
    report.summary.scoreDriver ? `<p class="driver muted">${h(report.summary.scoreDriver)}</p>` : '',
    actions,
    platformTable(data.platforms),
    ownerList(data.owners),
    '</section>',
  ].join('\n');
}

/** The executive page on screen (its print layout is in html-print.ts). */
export const EXECUTIVE_STYLE = `
.exec-page .lead { font-size: 1.1em; }
ul.verdict-counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
ul.verdict-counts .count { font-size: 1.4em; font-weight: 700; }
ul.owners { padding-left: 18px; } ul.owners li { margin-bottom: 4px; }
table.platforms td:nth-child(n+2), table.platforms th:nth-child(n+2) { text-align: right; }
`;
