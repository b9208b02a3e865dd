/**
 * `channel-audit history --format html`: one self-contained page (no scripts, no requests), the
 * company's score over the reports on axes (0–100, the dates), and small multiples — one panel per
 * profile with its score line and a strip of its status in each report — so a consultant sees at a
 * glance what moved. It carries the newest report's branding, as the report does (html-branding.ts).
 */
import { displayCopy, type History, profileName, type ProfileHistory, type Status } from '../model/index.js';
import { escapeHtml as h } from './escape.js';
import { htmlDocument } from './html-document.js';
import { STATUS_COLOURS } from './html-charts.js';
import { HISTORY_HEAD, historyRows } from './history.js';
import { scoreChart, scoreLine } from './history-chart.js';
import { accentStyle, BRANDING_STYLE, brandingHeader } from './html-branding.js';

// img-src data: for the consultant's logo, embedded as a data URI like the report's

const STYLE = `
:root { --accent: #0969da; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1080px; padding: 24px; overflow-wrap: anywhere; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 1.6em; }
.muted { color: #59636e; font-size: 0.9em; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(240px, 100%), 1fr)); gap: 12px; }
.panel { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 10px; background: #f6f8fa; }
.panel h3 { font-size: 0.95em; margin: 0 0 4px; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font: 10px system-ui, sans-serif; fill: #59636e; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #d1d9e0; padding: 3px 6px; text-align: left; vertical-align: top; }
.regression { font-weight: 600; } .regression.worse { color: #c62828; }
@media (max-width: 640px) { table, thead, tbody, tr, td, th { display: block; } thead { display: none; } td[data-label]::before { content: attr(data-label) ": "; color: #59636e; } body { padding: 12px; } }
svg .score-line { stroke: var(--accent); } svg .dot { fill: var(--accent); }
svg .axis { stroke: #59636e; } svg .grid { stroke: #eaeef2; } svg text.tick { font-size: 11px; }
@media print { .panel { break-inside: avoid; } }
${BRANDING_STYLE}
`;

/** One square per report in the status's colour; a hollow one where the report did not have the profile. */
function statusStrip(statuses: ReadonlyArray<Status | null>, width: number): string {
  const n = statuses.length;
  const w = Math.max(2, Math.min(14, (width - 2) / n - 2));
  const cells = statuses
    .map((s, i) => {
      const x = (1 + i * (w + 2)).toFixed(1);
      return s === null
        ? `<rect x="${x}" y="1" width="${w.toFixed(1)}" height="10" fill="none" stroke="#d1d9e0"/>`
        : `<rect x="${x}" y="1" width="${w.toFixed(1)}" height="10" fill="${STATUS_COLOURS[s]}"><title>${h(s)}</title></rect>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${width} 12" width="${width}" height="12" role="img" aria-label="status in each report" xmlns="http://www.w3.org/2000/svg">${cells}</svg>`;
}

function panel(p: ProfileHistory): string {
  const newest = p.points.at(-1);
  return `<div class="panel"><h3>${h(profileName(p))}</h3>${scoreLine(
    p.points.map((pt) => pt.score),
    220,
    48,
  )}${statusStrip(
    p.points.map((pt) => pt.status),
    220,
  )}<p class="muted">${h(newest?.status ?? 'not in the newest report')}${newest?.score === null || newest?.score === undefined ? '' : ` · score ${newest.score}`}</p></div>`;
}

export function renderHistoryHtml(given: History): string {
  const history = displayCopy(given);
  const title = `Audit history: ${history.company}`;
  const reports = history.reports;
  const rows = historyRows(history)
    .map((r) => `<tr>${r.map((c, i) => `<td data-label="${HISTORY_HEAD[i]}">${h(c)}</td>`).join('')}</tr>`)
    .join('\n');
  const r = history.regression;
  const regression =
    reports.length < 2
      ? '<p class="regression">One report: nothing to compare yet.</p>'
      : r.worse
        ? `<p class="regression worse">The newest report is worse than the ${Math.min(r.window, reports.length - 1)} before it:</p><ul>${r.reasons.map((x) => `<li>${h(x)}</li>`).join('')}</ul>`
        : `<p class="regression">The newest report is no worse than the ${Math.min(r.window, reports.length - 1)} before it (statuses and verdicts against their best, findings and scores against the night before).</p>`;
  return htmlDocument({
    title,
    style: `${STYLE}${accentStyle(history.branding)}`,
    body: `${brandingHeader(history.branding, history.company)}
<h1>${h(title)}</h1>
<p>${reports.length} reports, ${h(reports[0]!.asOf.slice(0, 10))} to ${h(reports.at(-1)!.asOf.slice(0, 10))}.</p>
${regression}
<h2>Company score</h2>
${scoreChart(reports)}
<p class="muted">${reports.map((x) => `${h(x.asOf.slice(0, 10))}: ${x.score ?? '—'}`).join(' · ')}</p>
<h2>Profiles over time</h2>
<div class="multiples">
${history.profiles.map(panel).join('\n')}
</div>
<h2>First and newest</h2>
<table><thead><tr>${HISTORY_HEAD.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>`,
  });
}
