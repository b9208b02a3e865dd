/** The benchmark's renderers (`channel-audit compare`), one per format, registered in one object. */
import type { Benchmark } from '../model/index.js';
import { renderBenchmarkHtml } from './benchmark-html.js';
import { renderBenchmarkJson } from './benchmark-json.js';
import { renderBenchmarkMarkdown } from './benchmark-markdown.js';
import { renderBenchmarkText } from './benchmark-text.js';

export const BENCHMARK_FORMATS = ['table', 'markdown', 'json', 'html'] as const;
export type BenchmarkFormat = (typeof BENCHMARK_FORMATS)[number];

export const BENCHMARK_RENDERERS: Readonly<Record<BenchmarkFormat, (b: Benchmark) => string>> = {
  table: renderBenchmarkText,
  markdown: renderBenchmarkMarkdown,
  json: renderBenchmarkJson,
  html: renderBenchmarkHtml,
};
