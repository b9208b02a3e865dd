/** The comparison of a report with an earlier one (`--baseline`, `channel-audit diff`). */
import type { Finding } from './findings.js';
import type { Status } from './report.js';

/** Against the baseline: a finding that was not there (or was less severe), or one that was. */
export type FindingChange = 'new' | 'unchanged';

export interface StatusChange {
  profileId: string;
  from: Status;
  to: Status;
  /** Moved towards abandoned or gone (blocked and error say "could not tell" and are never worse). */
  worse: boolean;
}

export interface BaselineComparison {
  /** The baseline report's own dates. */
  asOf: string;
  generatedAt: string;
  findings: { new: number; unchanged: number; resolved: number };
  /** Findings of the baseline that this report no longer has, as the baseline worded them. */
  resolved: Finding[];
  statusChanges: StatusChange[];
  /** Profiles only in this report, and only in the baseline (ids). */
  addedProfiles: string[];
  removedProfiles: string[];
}
