/** The names of the report formats, without loading any renderer (the CLI's help and option parsing need only these). */
export const FORMAT_NAMES = ['table', 'json', 'ndjson', 'markdown', 'csv', 'html', 'junit'] as const;
export type Format = (typeof FORMAT_NAMES)[number];

/**
 * What the report commands write: every renderer's format, and `pdf` — the html rendering printed by a
 * local Chromium. That is I/O (a browser process), not a pure renderer, so it lives at the CLI's edge
 * (src/cli/pdf.ts) and has no entry in RENDERERS.
 */
export const OUTPUT_FORMAT_NAMES = [...FORMAT_NAMES, 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMAT_NAMES)[number];
