/** Measurements of one profile. Every value that cannot be measured is null, with a reason in `unavailable`. */
import type { SourceMethod } from './timeline.js';

export interface StalenessMetrics {
  /** Dated posts at or before the as-of date counted by any metric: the sample and the last 182 days. */
  postsAnalyzed: number;
  /** Posts without a usable date, and posts dated after the as-of date (left out). */
  undatedPosts: number;
  futurePosts: number;
  /** The oldest post counted by any metric (the sample and the last 182 days). */
  firstPostAt: string | null;
  lastPostAt: string | null;
  daysSinceLastPost: number | null;
  /**
   * The profile's own posts per week (originals, mention-led posts, its own threads): what it publishes.
   * Replies and reposts are counted beside them; null where the source does not show them.
   */
  postsPerWeek30d: number | null;
  repliesPerWeek30d: number | null;
  repostsPerWeek30d: number | null;
  postsPerWeek90d: number | null;
  /** Own posts in the 90 days before as-of, and in the 90 days before those. */
  postsLast90d: number | null;
  postsPrev90d: number | null;
  medianGapDays: number | null;
  longestGapDays: number | null;
  /** Silent for much longer than the profile's own usual gap. */
  goneQuiet: boolean | null;
  /** The last 90 days hold far fewer posts than the 90 before. */
  collapsing: boolean | null;
  /** Own posts in each of the 26 weeks ending at as-of, oldest first; null for a week the sample does not reach. */
  weeklyPosts: Array<number | null>;
  /**
   * metric name → why its value is only a lower bound: the source was read back over part of its span
   * ("≥ 93 a week: reading stopped after 4,000 posts"). Absent names are exact.
   */
  lowerBounds: Record<string, string>;
}

export interface ConversationMetrics {
  originals: number;
  selfThreads: number;
  mentions: number;
  replies: number;
  reposts: number;
  /** replies to others / (originals + self-threads + mentions + replies to others). */
  conversationRatio: number | null;
  /** Promotional posts / own posts that are not replies. */
  promoRatio: number | null;
  /** Own posts that are promotional (the numerator of promoRatio); null in reports from before it was recorded. */
  promoPosts: number | null;
  promoMarkers: Array<{ marker: string; count: number }>;
}

export interface Template {
  /** The most common actual reply of the cluster, mentions and links masked, signature removed. */
  text: string;
  /**
   * The script: the words most of its replies share, in order, each run of words agents fill in shown as a
   * slot ({name} after a greeting, {initials} for the signature, {link}, {…}). An older report's text.
   */
  skeleton: string;
  count: number;
  /** count / replies analysed. */
  share: number;
  /** When the template was first and last used in the sample. */
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  /** The agents' signatures on its replies, most used first; null in reports from before it was measured. */
  signedBy: string[] | null;
}

export interface AgentSignature {
  /** As written: ^JS, -AB, ~Jen. */
  tag: string;
  /** Replies signed with it. */
  count: number;
  /** Of those replies, the share that are canned (inside a template); null in reports from before it was measured. */
  templateShare: number | null;
}

export interface CannedMetrics {
  repliesAnalyzed: number | null;
  /** Replies inside templates (the numerator of cannedRatio). */
  cannedReplies: number | null;
  cannedRatio: number | null;
  /** All templates found (`templates` lists the top five). */
  templateCount: number | null;
  templatesPer1000Replies: number | null;
  /** Share of replies covered by the five most used templates. */
  top5Coverage: number | null;
  templates: Template[];
  signatures: AgentSignature[];
  /** Minutes from the replied-to post to the reply: median and 90th percentile. */
  medianResponseMinutes: number | null;
  p90ResponseMinutes: number | null;
  responseTimesMeasured: number;
}

/** An audience question nobody answered: what a consultant shows the client. */
export interface UnansweredQuestion {
  /** The question, mentions masked (`@…`), at most 280 characters; untrusted. */
  text: string;
  createdAt: string | null;
  ageDays: number | null;
  url: string | null;
  /** The detector's rule that made it a question, e.g. `mark "?"`. */
  rule: string;
}

/**
 * Does the brand answer the people who reply to it? Measured from the threads under its own posts
 * (docs/measuring.md, "Listening: does the brand answer the people who reply to it?"); every field null, with a reason, where the threads were not read.
 */
export interface ListeningMetrics {
  /** Replies by others directly under the profile's posts, and deeper where the thread is with the profile. */
  audienceReplies: number | null;
  /** Of those, the ones the profile (or another profile of the inventory) answered. */
  answeredReplies: number | null;
  answeredRate: number | null;
  /** Who answered: `self`, or the inventory id of the profile that answered for it. */
  answeredBy: Array<{ by: string; count: number }>;
  /** Distinct people who replied, and how many of them got an answer. */
  peopleReplied: number | null;
  peopleAnswered: number | null;
  questions: number | null;
  questionsAnswered: number | null;
  questionAnsweredRate: number | null;
  /** Minutes from an audience reply to the first answer: median and 90th percentile. */
  medianAnswerMinutes: number | null;
  p90AnswerMinutes: number | null;
  /** The oldest unanswered questions, up to five. */
  unanswered: UnansweredQuestion[];
  /** Questions still unanswered more than 7 days after they were asked. */
  unansweredOverWeek: number | null;
  /** Threads read of the own posts that had replies, and the requests they took (the budget's cost). */
  threadsRead: number | null;
  threadsWithReplies: number | null;
  /** Threads within the budget that could not be read (an error, a refusal): not counted anywhere else. */
  threadsFailed: number | null;
  /** Threads within the budget left unread because an API budget or a rate limit stopped the reading: not failures. */
  threadsUnread: number | null;
  listenRequests: number | null;
}

/** Which posts the metrics count: the definition is in model/sample.ts and docs/measuring.md. */
export interface SampleInfo {
  method: SourceMethod;
  /** Posts the source gave, as read (the same as `fetched`; kept for older readers). */
  size: number;
  /** Posts counted by the conversation, promo, canned and response-time metrics; null in reports from before it was recorded. */
  posts: number | null;
  /** Posts read from the source (undated, future and beyond-the-sample ones included). */
  fetched: number;
  /** Dates of the oldest and newest post counted; null without one. */
  from: string | null;
  to: string | null;
  /** The window held fewer than `minSamplePosts` posts, so the newest `minSamplePosts` were counted, older ones included. */
  extended: boolean | null;
  /** The source showed everything the definition asks for; false e.g. for a feed's newest 15 items. Null in older reports. */
  complete: boolean | null;
  /** Why the sample is not complete; null when it is. */
  incompleteReason: string | null;
  note: string | null;
  /** Rows of an owner export that could not be read, and what was wrong with the first of them. */
  rejectedRows: number;
  problems: string[];
}

export type Metrics = StalenessMetrics &
  ConversationMetrics &
  CannedMetrics &
  Partial<ListeningMetrics> & {
    sample: SampleInfo;
    /** metric name → why it is null. */
    unavailable: Record<string, string>;
  };
