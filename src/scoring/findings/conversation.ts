/** Findings about how a profile talks: with people or at them, in person or from templates, and in time. */
import { duration, ago, type Metrics, percent, plural, type Status } from '../../model/index.js';
import { defineFindings, n, s } from './define.js';

/** Thresholds of the conversation rules, documented in docs/measuring.md ("Findings"); the company roll-up shares one. */
export const THRESHOLDS = {
  broadcastMinOwnPosts: 10,
  lowConversationRatio: 0.15,
  lowConversationMinPosts: 10,
  promoHeavyRatio: 0.5,
  promoMinOwnPosts: 5,
  repostHeavyRatio: 0.6,
  repostHeavyMinItems: 5,
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
const measured = (status: Status) => status === 'active' || status === 'stale';
const ownPosts = (m: Metrics) => m.originals + m.selfThreads + m.mentions;
/** A count of the last 30 days back from its weekly rate (rounded to 0.1 a week, so exact to the item). */
const in30d = (perWeek: number) => Math.round((perWeek * 30) / 7);

export const CONVERSATION_FINDINGS = defineFindings({
  'broadcast-only': {
    group: 'profile',
    title: 'Broadcast only',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) =>
      measured(status) &&
      m &&
      m.conversationRatio !== null &&
      m.replies === 0 &&
      ownPosts(m) >= THRESHOLDS.broadcastMinOwnPosts
        ? { evidence: { ownPosts: ownPosts(m), reposts: m.reposts } }
        : null,
    message: (e) =>
      `0 replies to others among ${plural(n(e.ownPosts), 'own post')} (${plural(n(e.reposts), 'repost')})`,
    recommendation: 'Answer the people who write to the profile; a brand that never replies reads as a billboard.',
    action: 'talk-with-people',
    mootWhenClosing: true,
  },
  'low-conversation': {
    group: 'profile',
    title: 'Little conversation',
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
    message: (e) => `only ${percent(n(e.conversationRatio))} of ${plural(n(e.posts), 'post')} are replies to others`,
    recommendation: 'Reply to mentions and questions more often.',
    action: 'talk-with-people',
    mootWhenClosing: true,
  },
  'promo-heavy': {
    group: 'profile',
    title: 'Mostly promotion',
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
    message: (e) =>
      `${percent(n(e.promoRatio))} of ${plural(n(e.ownPosts), 'own post')} are promotional (${s(e.markers)})`,
    recommendation: 'Mix in useful or conversational posts; lead with value, not offers.',
    action: 'talk-with-people',
    mootWhenClosing: true,
  },
  'repost-heavy': {
    group: 'profile',
    title: 'Mostly reposts',
    severity: 'warning',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.repostsPerWeek30d === null || m.postsPerWeek30d === null) return null;
      const reposts = in30d(m.repostsPerWeek30d);
      const items = in30d(m.postsPerWeek30d) + in30d(m.repliesPerWeek30d ?? 0) + reposts;
      if (items < THRESHOLDS.repostHeavyMinItems || reposts / items <= THRESHOLDS.repostHeavyRatio) return null;
      return { evidence: { repostRatio: Math.round((reposts / items) * 10_000) / 10_000, reposts, items } };
    },
    message: (e) =>
      `${n(e.reposts)} of ${plural(n(e.items), 'item')} in the last 30 days (${percent(n(e.repostRatio))}) are reposts of others' posts`,
    recommendation: 'Post in your own words and answer people; a feed of reposts reads as if nobody runs the profile.',
    action: 'talk-with-people',
    mootWhenClosing: true,
  },
  'canned-responses': {
    group: 'profile',
    title: 'Canned responses',
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
    message: (e) =>
      `${percent(n(e.cannedRatio))} of ${plural(n(e.replies), 'reply', 'replies')} match ${plural(n(e.templates), 'template')}`,
    recommendation: 'Personalise replies: answer the specific question and sign as a person.',
    action: 'answer-in-person',
    mootWhenClosing: true,
  },
  'ignores-audience': {
    group: 'profile',
    title: 'Ignores its audience',
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
    message: (e) =>
      `answered ${n(e.answered)} of ${plural(n(e.replies), 'reply', 'replies')} people wrote under its posts (${percent(n(e.answeredRate))}), in ${plural(n(e.threads), 'thread')} read`,
    recommendation:
      'Answer the people who reply under your posts, or hand the profile to a team that will; a support account may answer for it.',
    action: 'answer-audience',
    mootWhenClosing: true,
  },
  'unanswered-questions': {
    group: 'profile',
    title: 'Unanswered questions',
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
    message: (e) =>
      `${plural(n(e.count), 'question')} under its posts ${n(e.count) === 1 ? 'has' : 'have'} waited more than 7 days for an answer; the oldest, ${ago(n(e.oldestDays))}: "${s(e.oldest)}"`,
    recommendation:
      'Answer these questions (the report lists the oldest with links), then set up a daily check of replies.',
    action: 'answer-audience',
    mootWhenClosing: true,
  },
  'slow-answers': {
    group: 'profile',
    title: 'Slow answers',
    severity: 'info',
    evaluate: ({ status, metrics: m }) => {
      if (!measured(status) || !m || m.medianAnswerMinutes == null) return null;
      if (m.medianAnswerMinutes <= THRESHOLDS.slowAnswerMinutes) return null;
      return { evidence: { medianAnswerMinutes: m.medianAnswerMinutes, answered: m.answeredReplies ?? 0 } };
    },
    message: (e) =>
      `half the answers to people came more than ${duration(n(e.medianAnswerMinutes))} after they wrote (${plural(n(e.answered), 'answer')})`,
    recommendation: 'Check replies at least daily, so people get an answer the same day.',
    // the summary's "Answer sooner" is for the inventory's explicit limits; a slow median alone is info
    action: null,
    mootWhenClosing: true,
  },
});
