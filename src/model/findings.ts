/**
 * Findings are data: a code, a severity, whom it is about and the evidence. What each code means — its
 * rule, wording and place in the summary — is its definition in scoring/findings/.
 */

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Evidence = Record<string, string | number | boolean | null>;

export interface Finding {
  /** A code defined in scoring/findings/ (FindingCode there); a report read from disk may hold another version's. */
  code: string;
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
