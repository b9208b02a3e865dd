/** Inventory assertions: which apply to a profile, and the findings they make. */
import { describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import type { AssertFor, AssertLayer, Metrics, ProfileSpec, Scores } from '../src/model/index.js';
import { assertionsFor, checkAssertions } from '../src/scoring/assertions.js';
import { AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';

const profile = (tags: string[], assert: AssertLayer = {}): ProfileSpec => ({
  id: 'p',
  url: 'https://m.example/@a',
  platform: null,
  name: null,
  owner: null,
  tags,
  endpoints: {},
  export: null,
  assert,
});
const scores = (overall: number | null): Scores => ({
  freshness: null,
  conversation: null,
  authenticity: null,
  overall,
});

describe('assertionsFor', () => {
  const top: AssertLayer = {
    maxDaysSinceLastPost: { level: 'error', limit: 60 },
    minScore: { level: 'warn', limit: 50 },
  };
  const assertFor: AssertFor[] = [
    { tags: ['support'], platforms: null, assert: { maxCannedRatio: { level: 'error', limit: 0.5 } } },
    {
      tags: null,
      platforms: ['feed'],
      assert: { maxDaysSinceLastPost: { level: 'warn', limit: 120 }, minScore: 'off' },
    },
    { tags: ['support'], platforms: ['x'], assert: { maxCannedRatio: { level: 'warn', limit: 0.8 } } },
  ];
  it.each([
    { name: 'top level only', tags: [], platform: 'mastodon' as const, own: {}, want: top },
    {
      name: 'a tag adds',
      tags: ['support'],
      platform: 'mastodon' as const,
      own: {},
      want: { ...top, maxCannedRatio: { level: 'error', limit: 0.5 } },
    },
    {
      name: 'a platform overrides and switches off',
      tags: [],
      platform: 'feed' as const,
      own: {},
      want: { maxDaysSinceLastPost: { level: 'warn', limit: 120 } },
    },
    {
      name: 'tag and platform both must match; later entries win',
      tags: ['support'],
      platform: 'x' as const,
      own: {},
      want: { ...top, maxCannedRatio: { level: 'warn', limit: 0.8 } },
    },
    {
      name: "the profile's own wins",
      tags: ['support'],
      platform: 'mastodon' as const,
      own: { maxCannedRatio: 'off', minScore: { level: 'error', limit: 90 } } as AssertLayer,
      want: { maxDaysSinceLastPost: top.maxDaysSinceLastPost, minScore: { level: 'error', limit: 90 } },
    },
  ])('$name', ({ tags, platform, own, want }) => {
    expect(assertionsFor(profile(tags, own), platform, { assert: top, assertFor })).toEqual(want);
  });
});

describe('checkAssertions', () => {
  const measured = (
    posts = [makePost(100), makePost(101, { kind: 'reply', text: 'hi', inReplyToCreatedAt: null })],
  ): Metrics => analyzeTimeline(makeTimeline(posts), AS_OF, settings);
  it.each([
    {
      name: 'max broken: error is critical',
      assertions: { maxDaysSinceLastPost: { level: 'error' as const, limit: 60 } },
      want: [['assert-max-days-since-last-post', 'critical']],
    },
    {
      name: 'max kept at the limit',
      assertions: { maxDaysSinceLastPost: { level: 'error' as const, limit: 100 } },
      want: [],
    },
    {
      name: 'min broken: warn is a warning',
      assertions: { minConversationRatio: { level: 'warn' as const, limit: 0.6 } },
      want: [['assert-min-conversation-ratio', 'warning']],
    },
    { name: 'min kept', assertions: { minConversationRatio: { level: 'warn' as const, limit: 0.5 } }, want: [] },
    {
      name: 'score',
      assertions: { minScore: { level: 'error' as const, limit: 50 } },
      want: [['assert-min-score', 'critical']],
    },
    {
      name: 'a metric that cannot be measured is unchecked, never passed or failed',
      assertions: { maxMedianResponseMinutes: { level: 'error' as const, limit: 60 } },
      want: [['assert-unchecked', 'info']],
    },
  ])('$name', ({ assertions, want }) => {
    const got = checkAssertions('p', assertions, measured(), scores(40));
    expect(got.map((f) => [f.code, f.severity])).toEqual(want);
  });

  it('says what was measured against what was asserted', () => {
    const [f] = checkAssertions('p', { maxDaysSinceLastPost: { level: 'error', limit: 60 } }, measured(), scores(40));
    expect(f!.message).toBe('days since the last post is 100 days; your target is at most 60 days');
    expect(f!.evidence).toEqual({ name: 'maxDaysSinceLastPost', actual: 100, limit: 60, level: 'error' });
    const [u] = checkAssertions(
      'p',
      { maxMedianResponseMinutes: { level: 'error', limit: 60 } },
      measured(),
      scores(40),
    );
    expect(u!.message).toMatch(/^could not check your target for median response time: /);
  });

  it('adds nothing for a profile that could not be measured (its own finding says so)', () => {
    expect(checkAssertions('p', { maxDaysSinceLastPost: { level: 'error', limit: 60 } }, null, scores(null))).toEqual(
      [],
    );
  });
});
