/** Small builders for table-driven tests. */
import type { Post, ProfileSpec, Timeline } from '../../src/model/index.js';
import { DEFAULT_SETTINGS } from '../../src/config/defaults.js';

export const AS_OF = new Date('2026-11-01T00:00:00Z');
export const settings = structuredClone(DEFAULT_SETTINGS);

let counter = 0;
/** A post `daysAgo` days before AS_OF. */
export function makePost(daysAgo: number | null, overrides: Partial<Post> = {}): Post {
  counter++;
  return {
    id: `p${counter}`,
    createdAt: daysAgo === null ? null : new Date(AS_OF.getTime() - daysAgo * 86_400_000).toISOString(),
    text: `post number ${counter}`,
    kind: 'original',
    url: null,
    inReplyToCreatedAt: null,
    ...overrides,
  };
}

export function makeTimeline(posts: Post[], overrides: Partial<Timeline> = {}): Timeline {
  return {
    platform: 'mastodon',
    method: 'api',
    facts: { displayName: 'Test', handle: '@test', postsCount: posts.length, lastPostAt: null },
    posts,
    repliesVisible: true,
    repliesHiddenReason: null,
    repostsVisible: true,
    sampleNote: null,
    sourceUrl: 'http://127.0.0.1/',
    ...overrides,
  };
}

/** An inventory profile of this URL, with nothing else set. */
export function makeProfile(
  url: string,
  platform: ProfileSpec['platform'] = null,
  overrides: Partial<ProfileSpec> = {},
): ProfileSpec {
  return {
    id: 'p',
    url,
    platform,
    name: null,
    owner: null,
    tags: [],
    endpoints: {},
    export: null,
    assert: {},
    ...overrides,
  };
}

/**
 * Per-host limits for tests of what a reader reads, not of how politely (test/politeness*.test.ts and
 * bench:fetch measure that): no interval between requests to the one local server, which would
 * otherwise add 250 ms a page.
 */
export const NO_PACING = { concurrency: 2, intervalMs: 0 };
