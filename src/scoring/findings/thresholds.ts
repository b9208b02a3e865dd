/** Thresholds of the finding rules, documented in README ("Findings"). */
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
