/** The live HTTP client every network command uses, from the inventory's settings and the CLI's flags. */
import { LiveHttpClient } from '../http/live.js';
import { DEFAULT_RETRY } from '../http/retry.js';
import { RobotsGate } from '../http/robots.js';
import type { Settings } from '../model/index.js';
import { TOOL, USER_AGENT } from '../tool.js';

export interface ClientFlags {
  ignoreRobots?: boolean;
  userAgent?: string;
}

export function liveClient(settings: Settings, flags: ClientFlags, signal?: AbortSignal): LiveHttpClient {
  return new LiveHttpClient({
    userAgent: flags.userAgent ?? settings.userAgent ?? USER_AGENT,
    timeoutMs: settings.timeoutMs,
    globalConcurrency: settings.concurrency,
    hostLimits: { concurrency: settings.hostConcurrency, intervalMs: settings.hostIntervalMs },
    hosts: settings.hosts,
    retry: { ...DEFAULT_RETRY, maxRetryAfterMs: settings.maxRetryAfterSeconds * 1000 },
    robots: flags.ignoreRobots ? undefined : new RobotsGate(TOOL.name),
    allowPrivateRedirects: settings.allowPrivateRedirects,
    signal,
  });
}
