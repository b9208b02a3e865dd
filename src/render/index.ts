/** One renderer per format, registered in one object. */
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import { renderTable } from './table.js';
import { FORMAT_NAMES, type Format } from './formats.js';
import type { Renderer } from './types.js';

export type { Format } from './formats.js';

export const RENDERERS = {
  table: renderTable,
  json: renderJson,
  ndjson: renderNdjson,
  markdown: renderMarkdown,
  csv: renderCsv,
  html: renderHtml,
  junit: renderJunit,
} as const satisfies Record<Format, Renderer>;

export const FORMATS: readonly Format[] = FORMAT_NAMES;

const EXTENSIONS: Array<[RegExp, Format]> = [
  [/\.json$/i, 'json'],
  [/\.(ndjson|jsonl)$/i, 'ndjson'],
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

/** The extension written for a format (the first its pattern accepts). */
export const EXTENSION_OF: Readonly<Record<Format, string>> = {
  table: '.txt',
  json: '.json',
  ndjson: '.ndjson',
  markdown: '.md',
  csv: '.csv',
  html: '.html',
  junit: '.xml',
};

export type { Renderer, RenderOptions } from './types.js';
