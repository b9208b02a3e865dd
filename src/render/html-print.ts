/**
 * The HTML report's print layout (issue 36, item 4): the 29-profile demo on at most 15 A4 pages. The
 * executive page alone on the first page, the overview in small type, the cards two to a row and
 * several to a page (never split), every heading kept with what follows it, the method last. The
 * screen layout (html-style.ts) is untouched: everything here is inside `@media print`.
 */
export const PRINT_STYLE = `
@media print {
  body { font-size: 9pt; line-height: 1.35; }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 12pt 0 6pt; } h3 { font-size: 10pt; } h4 { font-size: 9pt; margin: 4pt 0 2pt; }
  h1, h2, h3, h4, figcaption, .card header { break-after: avoid; }
  p, li, dd, blockquote { orphans: 2; widows: 2; }
  .exec-page { break-after: page; }
  .exec-page h2 { margin: 6pt 0 3pt; }
  /* the score's technical sentence stays on screen: the lead paragraph says it in words */
  .exec-page .driver { display: none; }
  .exec-page .muted { margin: 1pt 0; }
  /* the first page is the executive page alone: a few lines over it printed a second page nearly empty */
  .exec-page table td, .exec-page table th { padding: 0 4px; }
  .exec-page ol.actions, .exec-page ul.owners { font-size: 8pt; line-height: 1.25; }
  header.summary { gap: 12pt; } header.summary p { margin: 2pt 0; }
  .grade { font-size: 2em; }
  table { font-size: 8pt; }
  td, th { padding: 1px 4px; }
  table.overview td, table.overview th { padding: 1px 3px; }
  table.overview td:last-child { font-size: 7.5pt; }
  /* fixed widths: left to itself the table gave the short figures wide columns and folded the verdicts into three lines */
  table.overview { table-layout: fixed; }
  table.overview th { font-size: 7pt; }
  table.overview th:nth-child(1) { width: 15%; } table.overview th:nth-child(2) { width: 10%; }
  table.overview th:nth-child(3) { width: 12.5%; } table.overview th:nth-child(4) { width: 6%; }
  table.overview th:nth-child(5) { width: 10%; } table.overview th:nth-child(6) { width: 6%; }
  .cards { display: block; columns: 2; column-gap: 8pt; }
  .card { break-inside: auto; display: block; width: 100%; margin: 0 0 6pt; padding: 5pt 7pt; font-size: 7pt; line-height: 1.2; border-left-width: 4pt; }
  /* a whole card kept in one column left a third of each column empty (the 29 cards took 8 pages for 5 of content):
     a card may go on in the next column, but never between its name, its verdict and its address, inside its chart,
     or inside one of its figures or quotes; a heading stays with what follows it */
  .card > * { break-inside: avoid; }
  .card header, .card .verdict-line, .card .url, .card h4 { break-after: avoid; }
  .card > dl.metrics { break-inside: auto; } dl.metrics dt { break-after: avoid; } dl.metrics dd { break-inside: avoid; }
  .card p, .card ul, .card dl { margin: 2pt 0; }
  .card .muted, .card figcaption { font-size: 7pt; }
  .card figure { margin: 2pt 0; }
  .card figcaption { display: none; }
  svg.activity { max-height: 30pt; width: 100%; }
  svg.status-chart { max-height: 60pt; width: auto; }
  dl.metrics { font-size: 7pt; gap: 0 6pt; margin: 3pt 0; }
  ul.findings { padding-left: 12pt; margin: 2pt 0; font-size: 8pt; } ul.findings li { margin-bottom: 1pt; break-inside: avoid; }
  /* finding codes are for the tool's users (the screen, the JSON): not on paper */
  ul.findings code.code { display: none; }
  /* the findings print once, in the Findings section with each profile named, not again on the cards */
  .card ul.findings { display: none; }
  /* a card prints the two oldest unanswered questions and the most used template; the screen shows all */
  ul.unanswered li:nth-child(n+3), .card blockquote ~ blockquote, .card blockquote ~ blockquote + p { display: none; }
  ul.unanswered { padding-left: 12pt; margin: 2pt 0; }
  ul.owners { font-size: 8pt; padding-left: 12pt; } ul.owners li { margin-bottom: 1pt; }
  ol.actions { margin: 2pt 0; } ol.actions li { margin-bottom: 2pt; }
  .exec-page .lead { font-size: 10pt; margin: 4pt 0; } ul.verdict-counts { margin: 4pt 0; }
  .branding { margin-bottom: 6pt; padding-bottom: 4pt; } .branding .logo { max-height: 36pt; }
  /* what a platform cannot show, and the sample's sources in full, stay on screen: in print two lines at most */
  .card dl.metrics + p.muted { display: none; }
  dl.metrics dd.sample, .card blockquote ~ p:not(.muted):last-child { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  blockquote { margin: 2pt 0; padding: 1pt 6pt; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  /* a table broken across pages repeats its header row, and never splits a row */
  thead { display: table-header-group; } tr { break-inside: avoid; }
  /* the findings: small type, the recommendation on the same line as the finding's end where it fits */
  section > ul.findings { font-size: 7pt; line-height: 1.2; } section > ul.findings li br { display: none; }
  /* what's working: short lines, two columns */
  section.working h3 { font-size: 9pt; margin: 4pt 0 1pt; }
  ul.working { columns: 2; column-gap: 12pt; margin: 1pt 0; padding-left: 12pt; font-size: 8pt; } ul.working li { break-inside: avoid; }
  /* the identity table: small type, each bio two lines at most (the screen shows it whole) */
  section.identity table { font-size: 7pt; line-height: 1.2; }
  section.identity td, section.identity th { padding: 1px 3px; }
  section.identity td em { font-size: 6.5pt; }
  section.identity .bio { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  section.identity p { margin: 2pt 0; }
  /* the technical appendix: last, in the smallest type, its codes unbroken where short */
  section.appendix { font-size: 6.5pt; line-height: 1.15; }
  section.appendix p { margin: 2pt 0; }
  section.appendix table { font-size: 6.5pt; line-height: 1.15; table-layout: fixed; }
  /* fixed widths: the automatic layout gave the long ids a quarter of the page and squeezed the codes into tall rows */
  section.appendix th:nth-child(1) { width: 13%; } section.appendix th:nth-child(2) { width: 17%; }
  section.appendix th:nth-child(3) { width: 8%; } section.appendix th:nth-child(4) { width: 6.5%; }
  section.appendix th:nth-child(5) { width: 11%; } section.appendix th:nth-child(6) { width: 25%; }
  section.appendix td, section.appendix th { padding: 1px 3px; }
  /* in the table the codes are set in the text's face: monospace would take a third more width, and lines */
  section.appendix code { font-size: 1em; } section.appendix td code { font-family: inherit; }
  section.appendix td, section.appendix th { overflow-wrap: break-word; }
  section.appendix td:nth-child(3), section.appendix td:nth-child(4), section.appendix th { white-space: nowrap; }
}
@page { margin: 12mm; }
`;
