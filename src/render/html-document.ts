/**
 * The shell every HTML page of the tool shares (the report, the history page, the competitor benchmark):
 * doctype, charset, the Content-Security-Policy that keeps a page offline and script-free, viewport, title
 * and inline style. `title` is escaped here; `style`, `meta` and `body` come already built (and escaped).
 */
import { CSP, escapeHtml as h } from './escape.js';

export function htmlDocument({
  title,
  style,
  meta = '',
  body,
}: {
  title: string;
  style: string;
  /** Further `<meta>` lines, after the viewport's. */
  meta?: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${meta}<title>${h(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
