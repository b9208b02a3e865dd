import type { Settings } from '../model/index.js';

/** Documented defaults; examples/inventory.yaml states the same values and a test keeps them in step. */
export const DEFAULT_SETTINGS: Settings = {
  staleAfterDays: 30,
  abandonedAfterDays: 180,
  cannedMinClusterSize: 3,
  cannedSimilarity: 0.6,
  windowDays: 180,
  minSamplePosts: 20,
  maxPosts: 400,
  weights: { freshness: 0.5, conversation: 0.25, authenticity: 0.25 },
  endpoints: { bluesky: 'https://public.api.bsky.app', youtube: 'https://www.youtube.com', reddit: 'https://www.reddit.com' },
  timeoutMs: 15_000,
  concurrency: 16,
  hostConcurrency: 2,
  hostIntervalMs: 250,
  hosts: {},
  maxRetryAfterSeconds: 60,
  userAgent: null,
  allowPrivateRedirects: false,
};
