/**
 * Scores, 0–100, a pure function of status, metrics and settings. A score the evidence cannot support is
 * null and weighs 0 in the overall score (Lighthouse's "not applicable"). An abandoned, empty or
 * unreachable profile scores 0 overall, so it never sorts above a stale one. The company's score is
 * the plain mean of its profiles' overall scores, those without one left out (docs/measuring.md, "Scores").
 */
import type { Grade, Metrics, Scores, Settings, Status } from '../model/index.js';

/** Posting within this many days is full freshness. */
const FRESH_DAYS = 7;
/** A conversation ratio at or above this is full conversation score. */
const TARGET_CONVERSATION = 0.3;
/** Answering this share of the people who reply under the profile's posts is full conversation score… */
const TARGET_ANSWERED = 0.8;
/** …measured over at least this many audience replies; fewer, and the post mix decides. */
const MIN_AUDIENCE_REPLIES = 5;

/**
 * Conversation: whether the profile answers the people who reply to it (the answered rate) where its
 * threads were read over enough replies, else how much of what it posts is replies to others.
 */
export function conversationScore(metrics: Metrics): number | null {
  if (metrics.answeredRate != null && (metrics.audienceReplies ?? 0) >= MIN_AUDIENCE_REPLIES)
    return Math.min(100, (metrics.answeredRate / TARGET_ANSWERED) * 100);
  return metrics.conversationRatio === null
    ? null
    : Math.min(100, (metrics.conversationRatio / TARGET_CONVERSATION) * 100);
}
const GONE_QUIET_PENALTY = 20;
const COLLAPSING_PENALTY = 15;

export function freshnessScore(days: number, settings: Settings): number {
  const { staleAfterDays: stale, abandonedAfterDays: abandoned } = settings;
  if (days <= FRESH_DAYS) return 100;
  if (days <= stale) return 100 - (50 * (days - FRESH_DAYS)) / Math.max(1, stale - FRESH_DAYS);
  if (days <= abandoned) return 50 - (50 * (days - stale)) / Math.max(1, abandoned - stale);
  return 0;
}

export function scoreProfile(status: Status, metrics: Metrics | null, settings: Settings): Scores {
  if (status === 'unreachable' || status === 'empty') {
    // a dead or empty profile with the company's name on it is all cost
    return { freshness: 0, conversation: null, authenticity: null, overall: 0 };
  }
  if (!metrics || metrics.daysSinceLastPost === null || status === 'blocked' || status === 'error') {
    return { freshness: null, conversation: null, authenticity: null, overall: null };
  }
  let freshness = freshnessScore(metrics.daysSinceLastPost, settings);
  if (metrics.goneQuiet && status === 'active') freshness -= GONE_QUIET_PENALTY;
  if (metrics.collapsing) freshness -= COLLAPSING_PENALTY;
  const conversation = conversationScore(metrics);
  const authenticity = metrics.cannedRatio === null ? null : (1 - metrics.cannedRatio) * 100;
  const parts: Array<[number | null, number]> = [
    [Math.max(0, freshness), settings.weights.freshness],
    [conversation, settings.weights.conversation],
    [authenticity, settings.weights.authenticity],
  ];
  return {
    freshness: Math.round(Math.max(0, freshness)),
    conversation: conversation === null ? null : Math.round(conversation),
    authenticity: authenticity === null ? null : Math.round(authenticity),
    // an abandoned profile is all cost, like a dead one: its old conversations do not redeem it, so it
    // never scores above a stale one (the parts still say what its posts were like)
    overall: status === 'abandoned' ? 0 : weightedMean(parts),
  };
}

export function weightedMean(parts: Array<[number | null, number]>): number | null {
  let sum = 0;
  let weight = 0;
  for (const [value, w] of parts) {
    if (value === null || w <= 0) continue;
    sum += value * w;
    weight += w;
  }
  return weight === 0 ? null : Math.round(sum / weight);
}

export function grade(score: number | null): Grade | null {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}
