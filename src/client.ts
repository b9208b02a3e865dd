/**
 * The HTTP client an audit runs with, built from the inventory's settings: live (politeness, retries,
 * robots.txt, proxies), or replayed from recorded evidence; optionally recording every exchange and
 * revalidating a cache. The CLI and library users build it the same way.
 */
import { CachingHttpClient } from './http/cache.js';
import { RecordingHttpClient, ReplayHttpClient } from './http/evidence.js';
import { LiveHttpClient } from './http/live.js';
import { LoggingHttpClient } from './http/log.js';
import { ScrubbingHttpClient } from './http/scrub.js';
import { DEFAULT_RETRY } from './http/retry.js';
import { RobotsGate } from './http/robots.js';
import type { HttpClient } from './http/types.js';
import type { Settings } from './model/index.js';
import { SecretScrubber } from './model/secret-forms.js';
import { TOOL, USER_AGENT } from './tool.js';

export interface ClientOptions {
  /** Answer every request from this evidence folder, never the network. */
  replay?: string;
  /** Save every exchange into this evidence folder. */
  record?: string;
  /** Keep responses with validators here and revalidate them (live runs only). */
  cache?: { dir: string; maxAgeDays: number };
  /** Fetch HTML pages even where robots.txt disallows them. */
  ignoreRobots?: boolean;
  /** Overrides settings.userAgent. */
  userAgent?: string;
  /** Aborting it abandons every pending and in-flight request. */
  signal?: AbortSignal;
  /** Where HTTP(S)_PROXY and NO_PROXY are read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** `--verbose`: a line per request (URL, status, time; never a credential). */
  log?: (line: string) => void;
  /**
   * The values of the run's credentials (credentialValues): looked for in every form and replaced in
   * every response before it is read, and in what is recorded, cached and logged, whichever page or
   * API echoed them. Default: the values of the variables `settings.auth` names.
   */
  secrets?: readonly string[];
}

export function createHttpClient(settings: Settings, options: ClientOptions = {}): HttpClient {
  let http: HttpClient = options.replay
    ? new ReplayHttpClient(options.replay)
    : new LiveHttpClient({
        userAgent: options.userAgent ?? settings.userAgent ?? USER_AGENT,
        timeoutMs: settings.timeoutMs,
        globalConcurrency: settings.concurrency,
        hostLimits: { concurrency: settings.hostConcurrency, intervalMs: settings.hostIntervalMs },
        hosts: settings.hosts,
        intervalMarginMs: settings.hostIntervalMarginMs,
        retry: { ...DEFAULT_RETRY, maxRetryAfterMs: settings.maxRetryAfterSeconds * 1000 },
        robots: options.ignoreRobots ? undefined : new RobotsGate(TOOL.name),
        allowPrivateRedirects: settings.allowPrivateRedirects,
        signal: options.signal,
        env: options.env,
      });
  const secrets = new SecretScrubber(
    options.secrets ??
      Object.values(settings.auth).flatMap((ref) => (options.env ?? process.env)[ref.env]?.trim() || []),
  );
  if (secrets.active) http = new ScrubbingHttpClient(http, secrets);
  if (options.cache && !options.replay)
    http = new CachingHttpClient(http, options.cache.dir, options.cache.maxAgeDays * 86_400_000, Date.now, secrets);
  if (options.record) http = new RecordingHttpClient(http, options.record, secrets);
  if (options.log) http = new LoggingHttpClient(http, options.log, undefined, secrets);
  return http;
}
