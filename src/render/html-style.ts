/** The HTML report's one stylesheet: readable on screen, clean when printed to PDF. */
export const HTML_STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --card: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1080px; padding: 24px; }
h1 { font-size: 1.7em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0; font-size: 1.1em; overflow-wrap: anywhere; }
figure { margin: 8px 0; }
.muted, figcaption { color: var(--muted); font-size: 0.9em; }
.basis { color: var(--muted); }
.basis.thin { color: #8a4b00; }
.summary { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.grade { font-size: 3em; font-weight: 700; width: 1.8em; height: 1.8em; line-height: 1.8em; text-align: center; border-radius: 50%; color: #fff; background: var(--muted); }
.grade-A { background: #2e7d32; } .grade-B { background: #558b2f; } .grade-C { background: #f9a825; } .grade-D { background: #ef6c00; } .grade-F { background: #c62828; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.status-chart { max-width: 100%; height: auto; }
svg.activity rect.bar { fill: #0969da; } svg.activity rect.zero { fill: #8c959f; } svg.activity rect.unknown { fill: none; stroke: #d1d9e0; stroke-dasharray: 2 2; }
svg.activity text.max { fill: var(--muted); font-size: 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 14px 16px; break-inside: avoid; }
.card header { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.badge { color: #fff; border-radius: 10px; padding: 0 8px; font-size: 0.85em; white-space: nowrap; }
.url { overflow-wrap: anywhere; margin: 4px 0; }
dl.metrics { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; font-size: 0.92em; }
dl.metrics dt { color: var(--muted); } dl.metrics dd { margin: 0; }
ul.findings { padding-left: 18px; } ul.findings li { margin-bottom: 4px; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 0.75em; letter-spacing: 0.04em; }
.sev-critical { color: #c62828; } .sev-warning { color: #b26a00; } .sev-info { color: #0969da; }
.change { font-size: 0.8em; border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; }
blockquote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid var(--line); background: var(--bg); white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .cards { display: block; } .card { margin-bottom: 10px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 14mm; }
`;
