/** The live HTTP client every network command uses, from the inventory's settings and the CLI's flags. */
import { createHttpClient, type HttpClient, type Settings } from '../index.js';

export interface ClientFlags {
  ignoreRobots?: boolean;
  userAgent?: string;
}

export function liveClient(
  settings: Settings,
  flags: ClientFlags,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): HttpClient {
  return createHttpClient(settings, { ignoreRobots: flags.ignoreRobots, userAgent: flags.userAgent, signal, env });
}
