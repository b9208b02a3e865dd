import type { Endpoints, FetchInfo, FetchOutcome, PlatformId, ProfileSpec, Settings } from '../model/index.js';
import type { HttpClient } from '../http/types.js';
import type { FeedParser } from './feed/parse-pool.js';
import type { ProfileBudget } from './kit/profile-budget.js';

export interface AdapterContext {
  http: HttpClient;
  settings: Settings;
  /** Settings' endpoints with the profile's overrides applied. */
  endpoints: Endpoints;
  asOf: Date;
  /** Parses a fetched feed: on a worker thread in a large run (feed/parse-pool.ts); none: in place. */
  parseFeed?: FeedParser;
  /** The profile's time budget: paging loops tell it how many posts they hold (none: no budget). */
  budget?: ProfileBudget;
}

/** One platform: which URLs it reads, and how it turns a profile into a Timeline. */
export interface PlatformAdapter {
  id: PlatformId;
  fetch(profile: ProfileSpec, ctx: AdapterContext): Promise<FetchOutcome>;
}

export type { FetchInfo };
