import { describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import type { FetchOutcome, Post } from '../src/model/index.js';
import { evaluateProfile } from '../src/scoring/evaluate.js';
import { grade, scoreProfile } from '../src/scoring/scores.js';
import { decideStatus } from '../src/scoring/status.js';
import { AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';

const NO_FETCH = { httpStatus: null, finalUrl: null, error: null, requests: 0 };
function judge(posts: Post[], outcome?: FetchOutcome) {
  const timeline = makeTimeline(posts);
  const out: FetchOutcome = outcome ?? { kind: 'ok', timeline, fetch: NO_FETCH };
  const metrics = out.kind === 'ok' ? analyzeTimeline(timeline, AS_OF, settings) : null;
  const { status, reason } = decideStatus(out, metrics, settings);
  return { status, ...evaluateProfile('p', status, reason, metrics, settings) };
}
const many = (n: number, daysAgo: number, o: Partial<Post> = {}) =>
  Array.from({ length: n }, (_, i) => makePost(daysAgo + i * 0.5, o));
const canned = "Hi there, we're sorry to hear about this! Please DM us your order number and we'll look into it";

describe('status and finding rules', () => {
  it.each([
    {
      name: 'active, conversational',
      posts: [
        ...many(10, 1),
        ...many(10, 1, { kind: 'reply', text: 'x' }).map((p, i) => ({
          ...p,
          text: `answer ${'abcdefghij'[i]} about topic ${'klmnopqrst'[i]} and ${'uvwxyzABCD'[i]}`,
        })),
      ],
      status: 'active',
      codes: [],
    },
    { name: 'stale', posts: many(3, 45), status: 'stale', codes: ['stale-profile'] },
    { name: 'abandoned', posts: many(3, 400), status: 'abandoned', codes: ['abandoned-profile'] },
    { name: 'empty', posts: [], status: 'empty', codes: ['empty-profile'] },
    { name: 'no dated content', posts: [makePost(null), makePost(null)], status: 'error', codes: ['fetch-failed'] },
    { name: 'broadcast only', posts: many(12, 1), status: 'active', codes: ['broadcast-only'] },
    {
      name: 'promo heavy',
      posts: many(6, 1, { text: 'Use code SAVE10, shop now!' }),
      status: 'active',
      codes: ['promo-heavy'],
    },
    {
      name: 'repost heavy (more than 60% of the last 30 days)',
      posts: [...many(3, 1), ...many(5, 1, { kind: 'repost' })],
      status: 'active',
      codes: ['repost-heavy'],
    },
    { name: 'reposts at 60%', posts: [...many(4, 1), ...many(6, 1, { kind: 'repost' })], status: 'active', codes: [] },
    { name: 'reposts of too few items', posts: many(4, 1, { kind: 'repost' }), status: 'active', codes: [] },
    {
      name: 'canned (critical from 75%)',
      posts: [...many(3, 1), ...many(12, 1, { kind: 'reply', text: canned })],
      status: 'active',
      codes: ['canned-responses'],
    },
    {
      name: 'gone quiet',
      posts: many(30, 21).map(
        (p, i) =>
          ({
            ...p,
            createdAt: new Date(AS_OF.getTime() - (21 + i) * 86_400_000).toISOString(),
            kind: i % 2 ? 'reply' : 'original',
            text: `reply ${i} ${'q'.repeat(i)}`,
          }) as Post,
      ),
      status: 'active',
      codes: ['gone-quiet'],
    },
  ])('$name', ({ posts, status, codes }) => {
    const got = judge(posts);
    expect(got.status).toBe(status);
    expect(got.findings.map((f) => f.code)).toEqual(codes);
  });

  it('words repost-heavy with its counts and sends it to "talk with people"', () => {
    const got = judge([...many(3, 1), ...many(5, 1, { kind: 'repost' })]);
    expect(got.findings[0]).toMatchObject({
      code: 'repost-heavy',
      severity: 'warning',
      evidence: { reposts: 5, items: 8, repostRatio: 0.625 },
      message: "5 of 8 items in the last 30 days (63%) are reposts of others' posts",
    });
  });

  it('counts every template in the canned finding, not only the five the report lists', () => {
    // seven different scripts (slot variants of one script would be one template)
    const scripts = [
      'Sorry about the billing trouble, please send us a DM with your invoice number',
      'Your parcel is on its way and should arrive within three working days',
      'Returns are free within thirty days at any of our stores',
      'You can reset your password from the login page under forgot password',
      'The warranty covers manufacturing faults for two full years',
      'Our sizes run small so we recommend ordering one size up',
      'Opening hours are listed on our website for every location',
    ];
    const replies = scripts.flatMap((text, t) => many(4, 1 + t, { kind: 'reply', text }));
    const got = judge([...many(3, 1), ...replies]);
    const finding = got.findings.find((f) => f.code === 'canned-responses')!;
    expect(finding.evidence.templates).toBe(7);
    expect(finding.message).toMatch(/match 7 templates$/);
  });

  it('calls a profile whose every post is after the as-of date empty as of then, and says to check --as-of (issue 21, item 2)', () => {
    const got = judge(many(3, -10));
    expect(got.status).toBe('empty');
    expect(got.findings).toHaveLength(1);
    expect(got.findings[0]).toMatchObject({
      code: 'empty-profile',
      message: 'no posts at or before the as-of date: all 3 posts read are dated after it',
      recommendation: expect.stringMatching(/^Audit it as of a date after its first post \(--as-of\)/),
    });
    expect(judge([]).findings[0]).toMatchObject({
      message: 'the profile exists and has never posted',
      recommendation: 'Delete the profile or redirect visitors to an active one.',
    });
  });

  it.each([
    {
      outcome: { kind: 'unreachable', reason: 'HTTP 404', fetch: NO_FETCH },
      status: 'unreachable',
      code: 'dead-profile-link',
      severity: 'critical',
    },
    {
      outcome: { kind: 'blocked', reason: 'login wall', evidence: 'HTTP 999', fetch: NO_FETCH },
      status: 'blocked',
      code: 'unverifiable-profile',
      severity: 'info',
    },
    {
      outcome: { kind: 'error', reason: 'timed out', fetch: NO_FETCH },
      status: 'error',
      code: 'fetch-failed',
      severity: 'warning',
    },
  ] as const)('$status outcome', ({ outcome, status, code, severity }) => {
    const got = judge([], outcome);
    expect(got.status).toBe(status);
    expect(got.findings).toEqual([
      expect.objectContaining({ code, severity, message: expect.stringContaining(outcome.reason) }),
    ]);
  });

  it('names the evidence in messages', () => {
    const got = judge(many(3, 800));
    expect(got.findings[0]!.message).toMatch(/^last post 2 years ago \(\d{4}-\d{2}-\d{2}\)$/);
  });

  it('marks canned replies critical from 75%', () => {
    const got = judge([...many(3, 1), ...many(12, 1, { kind: 'reply', text: canned })]);
    expect(got.findings[0]).toMatchObject({ severity: 'critical', message: '100% of 12 replies match 1 template' });
  });
});

describe('scores', () => {
  it('weighs unavailable scores 0 and grades the result', () => {
    const metrics = analyzeTimeline(makeTimeline(many(5, 1), { repliesVisible: false }), AS_OF, settings);
    expect(scoreProfile('active', metrics, settings)).toEqual({
      freshness: 100,
      conversation: null,
      authenticity: null,
      overall: 100,
    });
    expect(scoreProfile('unreachable', null, settings).overall).toBe(0);
    expect(scoreProfile('blocked', null, settings).overall).toBeNull();
    expect([95, 85, 75, 65, 10, null].map(grade)).toEqual(['A', 'B', 'C', 'D', 'F', null]);
  });
});
