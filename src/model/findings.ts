/** Findings are data: a code, a severity, whom it is about and the evidence. Wording lives in scoring/messages.ts. */

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'abandoned-profile',
  'stale-profile',
  'gone-quiet',
  'collapsing-activity',
  'empty-profile',
  'dead-profile-link',
  'unverifiable-profile',
  'fetch-failed',
  'broadcast-only',
  'low-conversation',
  'promo-heavy',
  'canned-responses',
  'ignores-audience',
  'unanswered-questions',
  'slow-answers',
  'export-rows-rejected',
  'assert-max-days-since-last-post',
  'assert-min-posts-per-week',
  'assert-min-conversation-ratio',
  'assert-max-promo-ratio',
  'assert-max-canned-ratio',
  'assert-max-median-response-minutes',
  'assert-min-answered-rate',
  'assert-max-median-answer-minutes',
  'assert-min-score',
  'assert-unchecked',
  'company-abandoned-profiles',
  'company-unanswered',
  'company-unmeasured',
  'company-audience',
  'site-links-to-dead-profile',
  'site-links-to-abandoned-profile',
  'profile-missing-from-site',
  'site-links-to-undeclared-profile',
  'website-unreadable',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Evidence = Record<string, string | number | boolean | null>;

export interface Finding {
  code: FindingCode;
  /** The finding's name for people ("Abandoned profile"); the code is for machines. */
  title: string;
  severity: Severity;
  /** null for company-level findings. */
  profileId: string | null;
  evidence: Evidence;
  message: string;
  recommendation: string;
  /** Against `--baseline`: new or unchanged; null when the report has no baseline. */
  change: 'new' | 'unchanged' | null;
}

/** Ranks severities; higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, critical: 3 };

/** The severity from which findings fail a run (`--fail-on`), or never. */
export type FailOn = Severity | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['critical', 'warning', 'info', 'never'];

/** Whether a finding of this severity is at or above the --fail-on level. */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}
