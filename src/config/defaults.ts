import type { Endpoints, Settings } from '../model/index.js';
import { PLATFORM_DEFINITIONS, type PlatformDefinition } from '../platforms/index.js';

/** Each endpoint setting and its default, from the platform that declares it (src/platforms/<id>/index.ts). */
export const ENDPOINT_DEFAULTS = Object.fromEntries(
  PLATFORM_DEFINITIONS.flatMap((d: PlatformDefinition) => [
    ...(d.endpoint.kind === 'setting' ? [[d.endpoint.setting, d.endpoint.default]] : []),
    ...(d.api ? [[d.api.setting, d.api.default]] : []),
  ]),
) as unknown as Endpoints;

/** Documented defaults; examples/inventory.yaml states the same values and a test keeps them in step. */
export const DEFAULT_SETTINGS: Settings = {
  staleAfterDays: 30,
  abandonedAfterDays: 180,
  cannedMinClusterSize: 3,
  cannedSimilarity: 0.275,
  windowDays: 180,
  minSamplePosts: 20,
  maxPosts: 400,
  weights: { freshness: 0.5, conversation: 0.25, authenticity: 0.25 },
  endpoints: ENDPOINT_DEFAULTS,
  timeoutMs: 15_000,
  profileTimeoutMs: 600_000,
  concurrency: 16,
  hostConcurrency: 2,
  hostIntervalMs: 250,
  hostIntervalMarginMs: null,
  hosts: {},
  maxRetryAfterSeconds: 60,
  userAgent: null,
  allowPrivateRedirects: false,
  exportTimeZone: 'UTC',
  listenBudget: 40,
  auth: {},
};
