/**
 * `channel-audit compare --format html`: the benchmark as one self-contained page — no scripts, no
 * requests (the report's Content-Security-Policy), prints on A4 — with the Benchmark JSON embedded
 * for machines. Every company name comes from a report someone else may have written: all is escaped.
 */
import { displayCopy, type Benchmark } from '../model/index.js';
import {
  BENCHMARK_HEAD,
  BENCHMARK_METHOD,
  BENCHMARK_NUMERIC,
  benchmarkIntro,
  benchmarkSections,
} from './benchmark-cells.js';
import { escapeHtml as h, jsonForHtml } from './escape.js';
import { htmlDocument } from './html-document.js';

const STYLE = `
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1080px; padding: 24px; overflow-wrap: anywhere; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 1.6em; }
.muted { color: #59636e; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-bottom: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { font-size: 0.9em; overflow-wrap: normal; }
/* about the same columns in every section, so the platforms read down the page */
th:nth-child(1) { width: 17%; } th:nth-child(2) { width: 7%; } th:nth-child(3) { width: 21%; } th:nth-child(4) { width: 8%; }
th:nth-child(5) { width: 11%; } th:nth-child(6), th:nth-child(7) { width: 9%; } th:nth-child(8) { width: 8%; } th:nth-child(9) { width: 10%; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
tr.yours td { background: #eef4fb; font-weight: 600; }
@media (max-width: 960px) { th { font-size: 0.8em; } td, th { padding: 4px; } }
@media (max-width: 640px) { table, thead, tbody, tr, td, th { display: block; } thead { display: none; } tr { padding: 4px 0; border-bottom: 1px solid #d1d9e0; } td { border: 0; padding: 1px 0; } td.n { text-align: left; } td[data-label]::before { content: attr(data-label) ": "; color: #59636e; font-weight: 400; } body { padding: 12px; } }
@media print { body { max-width: none; padding: 0; } section { break-inside: avoid; } h2 { break-after: avoid; } }
`;

export function renderBenchmarkHtml(given: Benchmark): string {
  const b = displayCopy(given);
  const title = `Competitor benchmark: ${b.companies[0]!.company}`;
  const cls = (i: number) => (BENCHMARK_NUMERIC.has(i) ? ' class="n"' : '');
  const head = `<thead><tr>${BENCHMARK_HEAD.map((c, i) => `<th${cls(i)}>${h(c)}</th>`).join('')}</tr></thead>`;
  const sections = benchmarkSections(b)
    .map(({ heading, rows }) => {
      const body = rows
        .map(
          (cells, r) =>
            `<tr${b.companies[r]!.yours ? ' class="yours"' : ''}>${cells
              .map((c, i) => `<td${cls(i)} data-label="${h(BENCHMARK_HEAD[i]!)}">${h(c)}</td>`)
              .join('')}</tr>`,
        )
        .join('\n');
      return `<section>\n<h2>${h(heading)}</h2>\n<table>${head}<tbody>\n${body}\n</tbody></table>\n</section>`;
    })
    .join('\n');
  return htmlDocument({
    title,
    style: STYLE,
    body: `<h1>${h(title)}</h1>
<p>${h(benchmarkIntro(b))}</p>
${sections}
<h2>How the figures are made</h2>
<ul class="muted">${BENCHMARK_METHOD.map((l) => `<li>${h(l)}</li>`).join('')}</ul>
<script type="application/json" id="channel-audit-benchmark">${jsonForHtml(b)}</script>`,
  });
}
