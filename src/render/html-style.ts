/** The HTML report's one stylesheet: readable on screen, clean when printed to PDF. */
import { BRANDING_STYLE } from './html-branding.js';

export const HTML_STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --card: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1080px; padding: 24px; }
h1 { font-size: 1.7em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
a { color: var(--accent); }
${BRANDING_STYLE}
h3 { margin: 0; font-size: 1.1em; overflow-wrap: anywhere; }
figure { margin: 8px 0; }
.muted, figcaption { color: var(--muted); font-size: 0.9em; }
.basis { color: var(--muted); }
.basis.thin { color: #8a4b00; }
.summary { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.grade { font-size: 3em; font-weight: 700; width: 1.8em; height: 1.8em; line-height: 1.8em; text-align: center; border-radius: 50%; color: #fff; background: var(--muted); }
.grade-A { background: #2e7d32; } .grade-B { background: #558b2f; } .grade-C { background: #f9a825; } .grade-D { background: #ef6c00; } .grade-F { background: #c62828; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.status-chart, svg.activity { max-width: 100%; height: auto; }
svg.activity rect.bar { fill: #0969da; } svg.activity rect.zero { fill: #8c959f; } svg.activity rect.unknown { fill: none; stroke: #d1d9e0; stroke-dasharray: 2 2; }
svg.activity text.max { fill: var(--muted); font-size: 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(480px, 100%), 1fr)); gap: 16px; }
.executive .driver { font-size: 1.1em; }
ol.actions li { margin-bottom: 6px; }
.verdict { color: #fff; border-radius: 10px; padding: 0 8px; font-size: 0.85em; font-weight: 600; white-space: nowrap; }
.verdict-line { margin: 6px 0; }
.nochart { color: var(--muted); font-style: italic; }
code.code { font-size: 0.75em; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 14px 16px; break-inside: avoid; }
.card header { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.badge { color: #fff; border-radius: 10px; padding: 0 8px; font-size: 0.85em; white-space: nowrap; }
.url { overflow-wrap: anywhere; margin: 4px 0; }
dl.metrics { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; font-size: 0.92em; }
dl.metrics dt { color: var(--muted); } dl.metrics dd { margin: 0; }
ul.findings { padding-left: 18px; } ul.findings li { margin-bottom: 4px; }
li, p, dd, td { overflow-wrap: anywhere; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 0.75em; letter-spacing: 0.04em; }
.sev-critical { color: #c62828; } .sev-warning { color: #b26a00; } .sev-info { color: #0969da; }
.change { font-size: 0.8em; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; }
blockquote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid var(--line); background: var(--bg); white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
td, th { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.overview td:first-child { min-width: 9em; }
table.overview th, table.overview td:nth-child(n+2):nth-child(-n+6) { overflow-wrap: normal; }
table.overview td:nth-child(n+4):nth-child(-n+6) { white-space: nowrap; }
table.overview td, table.overview th { padding: 4px 6px; }
/* narrow screens: each table row becomes a block, each cell labelled (no scripts: CSS only) */
@media (max-width: 640px) {
  table, thead, tbody, tr, td, th { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  td { border: 0; padding: 1px 0; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  body { padding: 12px; }
  dl.metrics { grid-template-columns: 1fr; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .cards { display: block; } .card { margin-bottom: 10px; }
  table.overview tr, ol.actions li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 14mm; }
`;
