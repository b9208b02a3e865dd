/** One renderer per format, registered in one object. */
import { renderJson } from './json.js';
import { renderTable } from './table.js';
import type { Renderer } from './types.js';

export const RENDERERS = {
  table: renderTable,
  json: renderJson,
} as const satisfies Record<string, Renderer>;

export type Format = keyof typeof RENDERERS;
export const FORMATS = Object.keys(RENDERERS) as Format[];

/** The format an output file's extension implies, or null. */
export function formatForFile(file: string): Format | null {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(txt|log)$/i.test(file)) return 'table';
  return null;
}

export type { Renderer, RenderOptions } from './types.js';
