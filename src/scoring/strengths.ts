/**
 * What is working: the profiles that answer most people, answer fast, write personally and post
 * steadily, each with its figures. A report that names only problems reads as if nothing were done
 * well; but praise on 2 replies is as hollow as blame on 2, so every strength needs the same sample
 * the findings need before they speak (THRESHOLDS, settings.minSamplePosts). Pure: profiles in, list out.
 */
import {
  duration,
  type Metrics,
  percent,
  plural,
  type ProfileResult,
  type Settings,
  type Status,
  type Strength,
  STRENGTH_KINDS,
} from '../model/index.js';
import { THRESHOLDS } from './findings/conversation.js';

/** The bars a profile clears to be credited; documented in docs/report.md ("What's working"). */
export const STRENGTH_THRESHOLDS = {
  /** Answered at least this share of the replies people left, over at least ignoresAudienceMinReplies. */
  answeredRate: 0.75,
  /** Half the answers came within this many minutes, over at least this many answers. */
  fastAnswerMinutes: 60,
  fastAnswerMinAnswers: THRESHOLDS.ignoresAudienceMinReplies,
  /** At most this share of replies canned, over at least cannedMinReplies replies. */
  personalCannedRatio: 0.1,
  /** A post in every one of the last this many weeks, over at least minSamplePosts dated posts. */
  steadyWeeks: 13,
} as const;

/** Like the conversation findings: about profiles someone still runs. */
const running = (status: Status) => status === 'active' || status === 'stale';

function strengthsOf(p: ProfileResult, settings: Pick<Settings, 'minSamplePosts'>): Strength[] {
  const m: Metrics | null = p.metrics;
  if (!m || !running(p.status)) return [];
  const t = STRENGTH_THRESHOLDS;
  const found: Array<Omit<Strength, 'profileId'>> = [];
  if (
    m.answeredRate != null &&
    m.audienceReplies != null &&
    m.audienceReplies >= THRESHOLDS.ignoresAudienceMinReplies &&
    m.answeredRate >= t.answeredRate
  )
    found.push({
      kind: 'answers-people',
      text: `answered ${percent(m.answeredRate)} of ${plural(m.audienceReplies, 'reply', 'replies')} from people`,
    });
  const answers = m.answeredReplies ?? 0;
  if (
    m.medianAnswerMinutes != null &&
    answers >= t.fastAnswerMinAnswers &&
    m.medianAnswerMinutes <= t.fastAnswerMinutes
  )
    found.push({
      kind: 'answers-fast',
      text: `half of its ${plural(answers, 'answer')} came within ${duration(m.medianAnswerMinutes)}`,
    });
  if (
    m.cannedRatio !== null &&
    m.repliesAnalyzed !== null &&
    m.repliesAnalyzed >= THRESHOLDS.cannedMinReplies &&
    m.cannedRatio <= t.personalCannedRatio
  )
    found.push({
      kind: 'writes-personally',
      text: `${m.cannedRatio === 0 ? 'none' : `only ${percent(m.cannedRatio)}`} of ${plural(m.repliesAnalyzed, 'reply', 'replies')} canned`,
    });
  const recent = m.weeklyPosts.slice(-t.steadyWeeks);
  if (
    p.status === 'active' &&
    m.postsAnalyzed >= settings.minSamplePosts &&
    recent.length === t.steadyWeeks &&
    recent.every((w) => w !== null && w > 0)
  )
    found.push({
      kind: 'posts-steadily',
      text: `posted in every one of the last ${t.steadyWeeks} weeks${m.postsPerWeek90d === null ? '' : `, ${m.postsPerWeek90d} posts a week`}`,
    });
  return found.map((s) => ({ ...s, profileId: p.id }));
}

/** Every profile's strengths, by kind (answering first), then in inventory order. */
export function companyStrengths(
  profiles: readonly ProfileResult[],
  settings: Pick<Settings, 'minSamplePosts'>,
): Strength[] {
  const all = profiles.flatMap((p) => strengthsOf(p, settings));
  const rank = (s: Strength) => STRENGTH_KINDS.indexOf(s.kind);
  // a stable sort keeps inventory order within a kind
  return all.sort((a, b) => rank(a) - rank(b));
}
