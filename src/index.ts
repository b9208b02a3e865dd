/**
 * channel-audit as a library, and the command line's only door into `src/` (docs/architecture.md):
 * every command's work is a function here — audit, validate, init, discover, report, diff, history,
 * compare, merge, platforms — with an injectable HTTP client and as-of date. The surface is listed name by name
 * (no `export *`) and snapshot-checked (test/api.test.ts), so a new export is a decision.
 *
 * ```ts
 * import { loadInventory, createHttpClient, auditInventory, renderReport } from 'channel-audit';
 * const inventory = await loadInventory('company.yaml');
 * const http = createHttpClient(inventory.settings);
 * const report = await auditInventory(inventory, { http, asOf: new Date() });
 * await http.close();
 * process.stdout.write(renderReport(report, 'markdown'));
 * ```
 *
 * Loading this module stays light (no platform reader, no HTML parser): the audit and the website
 * reader load when first called, so `validate`, `platforms`, `diff` and `report` start quickly.
 */
import type { AuditOptions } from './audit.js';
import { shellWord } from './config/starter.js';
import { inventoryFromSite } from './discovery/inventory-yaml.js';
import type { SiteScan } from './discovery/read-site.js';
import type { HttpClient } from './http/types.js';
import type { FailOn, Inventory, Report } from './model/index.js';
import { RENDERERS, type Format, type RenderOptions } from './render/index.js';
import type { RunOptions } from './run.js';

// ── the vocabulary: the report's and the inventory's types, and the values that name their parts ──
export type {
  AccountFacts,
  Action,
  ActionKind,
  AgentSignature,
  ApiInfo,
  ApiPlatform,
  ApiUse,
  AssertFor,
  AssertLayer,
  Assertion,
  AssertionName,
  AudienceThread,
  AuthRef,
  BaselineComparison,
  Benchmark,
  BenchmarkCompany,
  BenchmarkFigure,
  BenchmarkPlatform,
  BenchmarkRow,
  Basis,
  BooleanRule,
  CannedMetrics,
  Capability,
  ConversationMetrics,
  DateFormat,
  DiscoveryRow,
  Endpoint,
  Endpoints,
  Evidence,
  Existence,
  ExportSpec,
  FailOn,
  FetchInfo,
  FetchOutcome,
  Finding,
  FindingChange,
  Grade,
  History,
  HistoryPoint,
  HistoryReportRef,
  Inventory,
  LinkSource,
  Listening,
  ListeningMetrics,
  MetricGroup,
  Metrics,
  NetworkDown,
  NetworkFailure,
  PlatformId,
  PlatformInfo,
  Post,
  PostColumn,
  PostKind,
  PostsMapping,
  ProfileFacts,
  ProfileHistory,
  ProfileResult,
  ProfileSpec,
  Regression,
  Report,
  ReportBranding,
  ResultSource,
  SampleInfo,
  SampleSettings,
  Scores,
  SelfCheckRow,
  Settings,
  Severity,
  ShardInfo,
  SourceMethod,
  StalenessMetrics,
  Status,
  StatusChange,
  Template,
  ThreadReply,
  Timeline,
  UnansweredQuestion,
  Verdict,
  WebsiteCheck,
  Weights,
} from './model/index.js';
export {
  allFindings,
  BENCHMARK_FIGURES,
  BENCHMARK_VERSION,
  FAIL_ON_LEVELS,
  failsAt,
  grouped,
  PLATFORM_NAMES,
  PLATFORMS,
  platformName,
  plural,
  SCHEMA_VERSION,
  SEVERITIES,
  STATUSES,
  VERDICTS,
} from './model/index.js';
export { TOOL } from './tool.js';
export { FINDING_CODES, type FindingCode } from './report/finding-codes.js';

// ── inventory: load, validate, init ──
export { loadInventory, parseInventory, MAX_YAML_ALIASES, type LoadOptions } from './config/load.js';
export { InventoryError, type ConfigProblem } from './config/errors.js';
export { DEFAULT_SETTINGS } from './config/defaults.js';
export { starterInventory } from './config/starter.js';
export {
  validateInventory,
  type DownloadCheck,
  type ValidatedProfile,
  type Validation,
  type ValidateOptions,
} from './validate.js';
export type { CredentialStatus } from './auth/credentials.js';
export { credentialValues } from './auth/credentials.js';
export type { SitePage, SiteScan } from './discovery/read-site.js';

// ── HTTP: the client of a run, injectable ──
export { createHttpClient, type ClientOptions } from './client.js';
export { LiveHttpClient, type LiveClientOptions } from './http/live.js';
export { RecordingHttpClient, ReplayHttpClient } from './http/evidence.js';
export { CachingHttpClient } from './http/cache.js';
export { FetchError, type HttpClient, type HttpResponse, type GetOptions } from './http/types.js';
/** Profiles in a run from which its parsing and analysis go to worker threads (the binary tunes its heap by it). */
export { POOL_FROM } from './workers/pool.js';

// ── audit ──
export type { AuditOptions, RunOptions };
export { generatedAtFrom, SourceDateEpochError } from './report/generated-at.js';

/** What `auditInventory` takes: every option has a default. */
export type AuditInventoryOptions = Partial<RunOptions>;

/**
 * Audits the inventory (or one shard of it, `options.shard`) and returns the report; the inventory is
 * not changed. Defaults: `http` a live client built from the inventory's settings (and closed after),
 * `source` `live` (say `replay` when the client given replays evidence), `generatedAt` SOURCE_DATE_EPOCH in
 * `options.env` (or process.env) or now, `asOf` the same as `generatedAt`; the tool's name and version
 * are this package's.
 */
export async function auditInventory(inventory: Inventory, options: AuditInventoryOptions = {}): Promise<Report> {
  const { auditInventory: run } = await import('./run.js');
  if (options.http) return run(inventory, { ...options, http: options.http });
  const { createHttpClient } = await import('./client.js');
  const http = createHttpClient(inventory.settings, { env: options.env });
  try {
    return await run(inventory, { ...options, http, source: 'live' });
  } finally {
    await http.close();
  }
}

/** The audit itself, every option explicit (`auditInventory` fills `tool`, `generatedAt`, `shard`). */
export async function runAudit(inventory: Inventory, options: AuditOptions): Promise<Report> {
  return (await import('./audit.js')).runAudit(inventory, options);
}

// ── reports: read, render, compare (diff, --baseline), merge, history ──
export {
  RENDERERS,
  FORMATS,
  EXTENSION_OF,
  formatForFile,
  type Format,
  type Renderer,
  type RenderOptions,
} from './render/index.js';
export { profileLine, summaryLine } from './render/ndjson.js';
export { renderJson } from './render/json.js';
export { terminalSafe, terminalText, truncate } from './render/sanitize.js';
export { parseReport, ReportFileError } from './report/read.js';
export { compareReports } from './report/compare.js';
export { comparisonLines, MARKDOWN_STYLE, PLAIN_STYLE, type ComparisonStyle } from './render/comparison.js';
export { mergeReports } from './report/shard.js';
export { MergeError } from './report/errors.js';
export { buildHistory, HistoryError, type SavedReport } from './report/history.js';
export {
  HISTORY_FORMATS,
  renderHistoryJson,
  renderHistoryMarkdown,
  renderHistoryText,
  type HistoryFormat,
} from './render/history.js';
export { renderHistoryHtml } from './render/history-html.js';
export { buildBenchmark, BenchmarkError, benchmarkRow, type BenchmarkInput } from './report/benchmark.js';
export { BENCHMARK_FORMATS, BENCHMARK_RENDERERS, type BenchmarkFormat } from './render/benchmark.js';

/** The report in one format, as text; `failOn` matters to JUnit only, `width` and `colorLevel` to the table. */
export function renderReport(report: Report, format: Format, options: Partial<RenderOptions> = {}): string {
  // the level the report was made with, as `report` renders it; a report from before it was kept: critical
  const failOn: FailOn = options.failOn ?? report.failOn ?? 'critical';
  return RENDERERS[format](report, { colorLevel: options.colorLevel ?? 0, width: options.width ?? null, failOn });
}

// ── discover, init --from-site ──
export { discover, selfCheck, type DiscoverOptions } from './discovery/discover.js';
export { DISCOVERY_PLATFORMS, type DiscoveryPlatform } from './discovery/platform-table.js';
export { AppendError, appendProfileUrls } from './discovery/inventory-yaml.js';
export { canonicalProfiles } from './discovery/website-check.js';
export { profileRef, type ProfileRef } from './discovery/profile-url.js';
export { discoveryText, selfCheckText, type ListedRow } from './render/discovery.js';

export interface WebsiteInventoryOptions {
  /** The client the pages are read with (live, or replaying evidence); the caller closes it. */
  http: HttpClient;
  /** The file the inventory will be written to, named in its header's commands (default THIS-FILE). */
  file?: string;
  /** The command its header says wrote it (default `channel-audit init --from-site URL`). */
  command?: string;
}

/**
 * `init --from-site`: the home page at `url` (and the contact/about pages it links to) read for
 * profile links, and a starter inventory of them; `text` is null when the site could not be read
 * (`scan.error` says why).
 */
export async function inventoryFromWebsite(
  url: string,
  options: WebsiteInventoryOptions,
): Promise<{ scan: SiteScan; text: string | null }> {
  // the HTML parser loads only here: `validate`, `platforms` and the report commands never need it
  const scan = await (await import('./discovery/read-site.js')).readSite(url, options.http);
  if (scan.error) return { scan, text: null };
  const file = options.file === undefined ? undefined : shellWord(options.file);
  return { scan, text: inventoryFromSite(scan, options.command ?? `channel-audit init --from-site ${url}`, file) };
}

// ── platforms: the registry ──
export { PLATFORM_DEFINITIONS } from './platforms/index.js';
export { platformOf } from './platforms/urls.js';
export { platformsJson, platformsMarkdown, platformsText } from './render/platforms.js';
