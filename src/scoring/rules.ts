/**
 * Finding rules, one small pure function each, registered in a static array (Lighthouse's audit shape:
 * a code, a default severity and a function from the facts it needs to evidence, or null).
 */
import type { Evidence, FindingCode, Metrics, Settings, Severity, Status } from '../model/index.js';

export interface ProfileFacts {
  status: Status;
  statusReason: string | null;
  metrics: Metrics | null;
  settings: Settings;
  /** The basis in words when the status rests on thin evidence (page dates, a single item); else null. */
  thinEvidence?: string | null;
}

export interface ProfileRule {
  code: FindingCode;
  /** Evidence when the rule fires, with the severity when it differs from the default. */
  evaluate(facts: ProfileFacts): { evidence: Evidence; severity?: Severity } | null;
  severity: Severity;
}

/** Thresholds, documented in README ("Findings"). */
export const THRESHOLDS = {
  broadcastMinOwnPosts: 10,
  lowConversationRatio: 0.15,
  lowConversationMinPosts: 10,
  promoHeavyRatio: 0.5,
  promoMinOwnPosts: 5,
  cannedRatio: 0.5,
  cannedCriticalRatio: 0.75,
  cannedMinReplies: 10,
  ignoresAudienceRate: 0.2,
  ignoresAudienceMinReplies: 10,
  ignoresAudienceCriticalRate: 0.05,
  ignoresAudienceCriticalMinReplies: 30,
  unansweredQuestions: 3,
  slowAnswerMinutes: 24 * 60,
} as const;

/** Conversation findings are about profiles someone still runs; an abandoned one has its own finding. */
const measured = (s: Status) => s === 'active' || s === 'stale';
const ownPosts = (m: Metrics) => m.originals + m.selfThreads + m.mentions;
/** Evidence that a status rests on thin evidence, only where it does (older findings keep their shape). */
const thin = (note: string | null | undefined): Evidence => (note ? { basis: note } : {});

export const PROFILE_RULES: readonly ProfileRule[] = [
  {
    code: 'abandoned-profile',
    severity: 'critical',
    evaluate: ({ status, metrics: m, thinEvidence }) =>
      status === 'abandoned' && m
        ? { evidence: { lastPostAt: m.lastPostAt, daysSinceLastPost: m.daysSinceLastPost, ...thin(thinEvidence) } }
        : null,
  },
  {
    code: 'stale-profile',
    severity: 'warning',
    evaluate: ({ status, metrics: m, thinEvidence }) =>
      status === 'stale' && m
        ? { evidence: { lastPostAt: m.lastPostAt, daysSinceLastPost: m.daysSinceLastPost, ...thin(thinEvidence) } }
        : null,
  },
  {
    code: 'gone-quiet',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      status === 'active' && m?.goneQuiet
        ? { evidence: { daysSinceLastPost: m.daysSinceLastPost, medianGapDays: m.medianGapDays } }
        : null,
  },
  {
    code: 'collapsing-activity',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      (status === 'active' || status === 'stale') && m?.collapsing
        ? { evidence: { postsLast90d: m.postsLast90d, postsPrev90d: m.postsPrev90d } }
        : null,
  },
  {
    code: 'empty-profile',
    severity: 'warning',
    evaluate: ({ status, statusReason, metrics: m }) =>
      status === 'empty' ? { evidence: { reason: statusReason, postsAfterAsOf: m?.futurePosts ?? 0 } } : null,
  },
  {
    code: 'dead-profile-link',
    severity: 'critical',
    evaluate: ({ status, statusReason }) => (status === 'unreachable' ? { evidence: { reason: statusReason } } : null),
  },
  {
    code: 'unverifiable-profile',
    severity: 'info',
    evaluate: ({ status, statusReason }) => (status === 'blocked' ? { evidence: { reason: statusReason } } : null),
  },
  {
    code: 'fetch-failed',
    severity: 'warning',
    evaluate: ({ status, statusReason }) => (status === 'error' ? { evidence: { reason: statusReason } } : null),
  },
  {
    code: 'broadcast-only',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      measured(status) &&
      m &&
      m.conversationRatio !== null &&
      m.replies === 0 &&
      ownPosts(m) >= THRESHOLDS.broadcastMinOwnPosts
        ? { evidence: { ownPosts: ownPosts(m), reposts: m.reposts } }
        : null,
  },
  {
    code: 'low-conversation',
    severity: 'info',
    evaluate: ({ status, metrics: m }) =>
      measured(status) &&
      m &&
      m.conversationRatio !== null &&
      m.replies > 0 &&
      m.conversationRatio < THRESHOLDS.lowConversationRatio &&
      ownPosts(m) + m.replies >= THRESHOLDS.lowConversationMinPosts
        ? { evidence: { conversationRatio: m.conversationRatio, posts: ownPosts(m) + m.replies } }
        : null,
  },
  {
    code: 'promo-heavy',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      measured(status) &&
      m &&
      m.promoRatio !== null &&
      m.promoRatio >= THRESHOLDS.promoHeavyRatio &&
      ownPosts(m) >= THRESHOLDS.promoMinOwnPosts
        ? {
            evidence: {
              promoRatio: m.promoRatio,
              ownPosts: ownPosts(m),
              markers: m.promoMarkers
                .slice(0, 3)
                .map((p) => `"${p.marker}" ×${p.count}`)
                .join(', '),
            },
          }
        : null,
  },
  {
    code: 'canned-responses',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.cannedRatio === null || m.repliesAnalyzed === null) return null;
      if (m.repliesAnalyzed < THRESHOLDS.cannedMinReplies || m.cannedRatio < THRESHOLDS.cannedRatio) return null;
      return {
        severity: m.cannedRatio >= THRESHOLDS.cannedCriticalRatio ? 'critical' : 'warning',
        evidence: {
          cannedRatio: m.cannedRatio,
          replies: m.repliesAnalyzed,
          templates: m.templateCount ?? m.templates.length,
          signatures: m.signatures.length,
        },
      };
    },
  },
  {
    code: 'ignores-audience',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.answeredRate == null || m.audienceReplies == null) return null;
      const t = THRESHOLDS;
      if (m.audienceReplies < t.ignoresAudienceMinReplies || m.answeredRate >= t.ignoresAudienceRate) return null;
      const critical =
        m.audienceReplies >= t.ignoresAudienceCriticalMinReplies && m.answeredRate < t.ignoresAudienceCriticalRate;
      return {
        severity: critical ? 'critical' : 'warning',
        evidence: {
          answeredRate: m.answeredRate,
          answered: m.answeredReplies ?? 0,
          replies: m.audienceReplies,
          people: m.peopleReplied ?? null,
          threads: m.threadsRead ?? null,
        },
      };
    },
  },
  {
    code: 'unanswered-questions',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.unansweredOverWeek == null) return null;
      if (m.unansweredOverWeek < THRESHOLDS.unansweredQuestions) return null;
      const oldest = m.unanswered?.[0];
      return {
        evidence: {
          count: m.unansweredOverWeek,
          questions: m.questions ?? null,
          oldestDays: oldest?.ageDays ?? null,
          oldest: oldest?.text ?? null,
          oldestUrl: oldest?.url ?? null,
        },
      };
    },
  },
  {
    code: 'slow-answers',
    severity: 'info',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.medianAnswerMinutes == null) return null;
      if (m.medianAnswerMinutes <= THRESHOLDS.slowAnswerMinutes) return null;
      return { evidence: { medianAnswerMinutes: m.medianAnswerMinutes, answered: m.answeredReplies ?? 0 } };
    },
  },
  {
    code: 'export-rows-rejected',
    severity: 'warning',
    evaluate: ({ metrics: m }) =>
      m && m.sample.rejectedRows > 0
        ? { evidence: { rows: m.sample.rejectedRows, used: m.sample.size, first: m.sample.problems[0] ?? null } }
        : null,
  },
];
