/**
 * channel-audit as a library: load and validate an inventory, run an audit with an injectable HTTP
 * client and as-of date, render the report in any format, and read and compare saved reports. The
 * command line (`src/cli/`) is a thin layer over these functions.
 *
 * ```ts
 * import { loadInventory, createHttpClient, auditInventory, renderReport } from 'channel-audit';
 * const inventory = await loadInventory('company.yaml');
 * const http = createHttpClient(inventory.settings);
 * const report = await auditInventory(inventory, { http, asOf: new Date() });
 * await http.close();
 * process.stdout.write(renderReport(report, 'markdown'));
 * ```
 */
import type { FailOn, Report } from './model/index.js';
import { RENDERERS, type Format, type RenderOptions } from './render/index.js';

export { loadInventory, parseInventory, MAX_YAML_ALIASES, type LoadOptions } from './config/load.js';
export { InventoryError, type ConfigProblem } from './config/errors.js';
export { DEFAULT_SETTINGS } from './config/defaults.js';
export { credentialValues, runAudit, type AuditOptions } from './audit.js';
export { auditInventory, generatedAtFrom, SourceDateEpochError, type RunOptions } from './run.js';
export { createHttpClient, type ClientOptions } from './client.js';
export { LiveHttpClient, type LiveClientOptions } from './http/live.js';
export { RecordingHttpClient, ReplayHttpClient } from './http/evidence.js';
export { CachingHttpClient } from './http/cache.js';
export { FetchError, type HttpClient, type HttpResponse, type GetOptions } from './http/types.js';
export { RENDERERS, FORMATS, formatForFile, type Format, type Renderer, type RenderOptions } from './render/index.js';
export { compareReports } from './report/compare.js';
export { parseReport, ReportFileError } from './report/read.js';
export { mergeReports } from './report/shard.js';
export { MergeError } from './report/errors.js';
export { TOOL } from './tool.js';
export * from './model/index.js';
export { FINDING_CODES, type FindingCode } from './report/finding-codes.js';

/** The report in one format, as text; `failOn` matters to JUnit only, `width` and `colorLevel` to the table. */
export function renderReport(report: Report, format: Format, options: Partial<RenderOptions> = {}): string {
  const failOn: FailOn = options.failOn ?? 'critical';
  return RENDERERS[format](report, { colorLevel: options.colorLevel ?? 0, width: options.width ?? null, failOn });
}
