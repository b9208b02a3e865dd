/** One renderer per format, registered in one object. */
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { FORMAT_NAMES, type Format } from './formats.js';
import type { Renderer } from './types.js';

export type { Format } from './formats.js';

export const RENDERERS = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  csv: renderCsv,
  html: renderHtml,
  junit: renderJunit,
} as const satisfies Record<Format, Renderer>;

export const FORMATS: readonly Format[] = FORMAT_NAMES;

const EXTENSIONS: Array<[RegExp, Format]> = [
  [/\.json$/i, 'json'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.csv$/i, 'csv'],
  [/\.html?$/i, 'html'],
  [/\.xml$/i, 'junit'],
  [/\.(txt|log)$/i, 'table'],
];

/** The format an output file's extension implies, or null. */
export function formatForFile(file: string): Format | null {
  return EXTENSIONS.find(([pattern]) => pattern.test(file))?.[1] ?? null;
}

export type { Renderer, RenderOptions } from './types.js';
