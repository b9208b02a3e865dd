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

/** How far gone a status is. blocked and error mean "could not tell": no rank, never worse or better. */
export const STATUS_RANK: Partial<Record<Status, number>> = {
  active: 0,
  stale: 1,
  abandoned: 2,
  empty: 2,
  unreachable: 3,
};

/** Moved towards active (revived): the mirror of a worse status change. */
export function isBetterStatus(from: Status, to: Status): boolean {
  const a = STATUS_RANK[from];
  const b = STATUS_RANK[to];
  return a !== undefined && b !== undefined && b < a;
}

/** The metrics whose change since the baseline the report tells. */
export const COMPARED_METRICS = ['answeredRate', 'cannedRatio'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/**
 * A metric of one profile that moved since the baseline, recorded only where both reports measured it
 * over the sample its finding needs and it moved by at least 5 points (or from none at all).
 */
export interface MetricChange {
  profileId: string;
  metric: ComparedMetric;
  from: number;
  to: number;
  /** The way the client wants: answered rate up, canned share down. */
  better: boolean;
}

export interface BaselineComparison {
  /** The baseline report's own dates. */
  asOf: string;
  generatedAt: string;
  findings: { new: number; unchanged: number; resolved: number };
  /** Findings of the baseline that this report no longer has, as the baseline worded them. */
  resolved: Finding[];
  statusChanges: StatusChange[];
  /** Answered rate and canned share that moved, per profile in both reports; [] in reports from before it was recorded. */
  metricChanges: MetricChange[];
  /** Profiles only in this report, and only in the baseline (ids). */
  addedProfiles: string[];
  removedProfiles: string[];
}
