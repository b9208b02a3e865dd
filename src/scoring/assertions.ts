/**
 * Inventory assertions (Lighthouse CI style): thresholds on a profile's metrics that become findings
 * with their own codes when broken — `error` as critical, `warn` as a warning. A metric that could not
 * be measured is never a pass or a fail: a measured profile gets one `assert-unchecked` note saying
 * why; a profile that could not be measured at all already has a finding that says so.
 */
import {
  ASSERTIONS,
  type Assertion,
  type AssertionName,
  type AssertLayer,
  type Finding,
  type Inventory,
  type Metrics,
  type PlatformId,
  type ProfileSpec,
  type Scores,
  type Evidence,
  SMALL_SAMPLE,
} from '../model/index.js';
import { makeFinding } from './evaluate.js';
import type { FindingCode } from './findings/index.js';

interface Check {
  code: FindingCode;
  /** The measured value, or null when it could not be measured. */
  value: (m: Metrics, scores: Scores) => number | null;
  /** The metric's key in `metrics.unavailable`, for the reason it is null. */
  metric: string;
  /** A max assertion fails above its limit, a min assertion below. */
  kind: 'max' | 'min';
  /** For a ratio: what it counts, of how many, and the unit ("replies"). */
  counts?: (m: Metrics) => { count: number | null; of: number; unit: string } | null;
}

const ownPosts = (m: Metrics) => m.originals + m.selfThreads + m.mentions;

const CHECKS: Record<AssertionName, Check> = {
  maxDaysSinceLastPost: {
    code: 'assert-max-days-since-last-post',
    value: (m) => m.daysSinceLastPost,
    metric: 'daysSinceLastPost',
    kind: 'max',
  },
  minPostsPerWeek: {
    code: 'assert-min-posts-per-week',
    value: (m) => m.postsPerWeek30d,
    metric: 'postsPerWeek30d',
    kind: 'min',
  },
  minConversationRatio: {
    code: 'assert-min-conversation-ratio',
    value: (m) => m.conversationRatio,
    metric: 'conversationRatio',
    kind: 'min',
    counts: (m) => ({ count: m.replies, of: ownPosts(m) + m.replies, unit: 'post' }),
  },
  maxPromoRatio: {
    code: 'assert-max-promo-ratio',
    value: (m) => m.promoRatio,
    metric: 'promoRatio',
    kind: 'max',
    counts: (m) => ({ count: m.promoPosts, of: ownPosts(m), unit: 'own post' }),
  },
  maxCannedRatio: {
    code: 'assert-max-canned-ratio',
    value: (m) => m.cannedRatio,
    metric: 'cannedRatio',
    kind: 'max',
    counts: (m) =>
      m.repliesAnalyzed === null ? null : { count: m.cannedReplies, of: m.repliesAnalyzed, unit: 'reply' },
  },
  maxMedianResponseMinutes: {
    code: 'assert-max-median-response-minutes',
    value: (m) => m.medianResponseMinutes,
    metric: 'medianResponseMinutes',
    kind: 'max',
  },
  minAnsweredRate: {
    code: 'assert-min-answered-rate',
    value: (m) => m.answeredRate ?? null,
    metric: 'answeredRate',
    kind: 'min',
    counts: (m) =>
      m.audienceReplies == null
        ? null
        : { count: m.answeredReplies ?? 0, of: m.audienceReplies, unit: 'audience reply' },
  },
  maxMedianAnswerMinutes: {
    code: 'assert-max-median-answer-minutes',
    value: (m) => m.medianAnswerMinutes ?? null,
    metric: 'medianAnswerMinutes',
    kind: 'max',
  },
  minScore: { code: 'assert-min-score', value: (_, scores) => scores.overall, metric: 'score', kind: 'min' },
};

/** The assertions for one profile: the inventory's, then each matching `assertFor` entry in order, then the profile's own; `off` removes. */
export function assertionsFor(
  profile: ProfileSpec,
  platform: PlatformId | null,
  inventory: Pick<Inventory, 'assert' | 'assertFor'>,
): Partial<Record<AssertionName, Assertion>> {
  const matching = inventory.assertFor.filter(
    (entry) =>
      (entry.tags === null || entry.tags.some((t) => profile.tags.includes(t))) &&
      (entry.platforms === null || (platform !== null && entry.platforms.includes(platform))),
  );
  const layers: AssertLayer[] = [inventory.assert, ...matching.map((m) => m.assert), profile.assert];
  const out: Partial<Record<AssertionName, Assertion>> = {};
  for (const layer of layers) {
    for (const name of ASSERTIONS) {
      const value = layer[name];
      if (value === 'off') delete out[name];
      else if (value) out[name] = value;
    }
  }
  return out;
}

export function checkAssertions(
  profileId: string,
  assertions: Partial<Record<AssertionName, Assertion>>,
  metrics: Metrics | null,
  scores: Scores,
): Finding[] {
  if (!metrics) return [];
  const findings: Finding[] = [];
  const unchecked: Array<{ name: AssertionName; why: string }> = [];
  for (const name of ASSERTIONS) {
    const assertion = assertions[name];
    if (!assertion) continue;
    const check = CHECKS[name];
    const actual = check.value(metrics, scores);
    if (actual === null) {
      unchecked.push({ name, why: metrics.unavailable[check.metric] ?? 'not measured' });
      continue;
    }
    const broken = check.kind === 'max' ? actual > assertion.limit : actual < assertion.limit;
    if (broken) {
      const severity = assertion.level === 'error' ? 'critical' : 'warning';
      // a ratio over a handful of items says so: "1 of 3 posts", not a bare 33%
      const counts = check.counts?.(metrics);
      const small: Evidence =
        counts && counts.count !== null && counts.of < SMALL_SAMPLE
          ? { count: counts.count, of: counts.of, unit: counts.unit }
          : {};
      findings.push(
        makeFinding(check.code, severity, profileId, {
          name,
          actual,
          limit: assertion.limit,
          level: assertion.level,
          ...small,
        }),
      );
    }
  }
  if (unchecked.length > 0) {
    const reasons = [...new Set(unchecked.map((u) => u.why))].join('; ');
    findings.push(
      makeFinding('assert-unchecked', 'info', profileId, {
        assertions: unchecked.map((u) => u.name).join(', '),
        reason: reasons,
      }),
    );
  }
  return findings;
}
