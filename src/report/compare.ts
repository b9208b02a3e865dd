/**
 * A report against an earlier one (`--baseline`, `channel-audit diff`): every finding is new or
 * unchanged, the baseline's findings that are gone are resolved, and every status change is listed,
 * marked worse when the profile moved towards abandoned or gone, and the answered rates and canned
 * shares that moved (metric-changes.ts). Pure: two reports in, one out.
 */
import { metricChanges } from './metric-changes.js';
import {
  allFindings,
  SEVERITY_RANK,
  STATUS_RANK,
  type BaselineComparison,
  type Finding,
  type ProfileResult,
  type Report,
  type Status,
  type StatusChange,
} from '../model/index.js';

export function isWorse(from: Status, to: Status): boolean {
  const a = STATUS_RANK[from];
  const b = STATUS_RANK[to];
  return a !== undefined && b !== undefined && b > a;
}

const keyOf = (f: Finding) => `${f.profileId ?? ''}\u0000${f.code}`;

export function compareReports(baseline: Report, current: Report): Report {
  const before = new Map<string, Finding>();
  for (const f of allFindings(baseline)) {
    const seen = before.get(keyOf(f));
    if (!seen || SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.severity]) before.set(keyOf(f), f);
  }
  // a finding is unchanged if the baseline had it at the same or a higher severity; otherwise it is new
  const mark = (f: Finding): Finding => {
    const old = before.get(keyOf(f));
    return { ...f, change: old && SEVERITY_RANK[old.severity] >= SEVERITY_RANK[f.severity] ? 'unchanged' : 'new' };
  };
  const profiles: ProfileResult[] = current.profiles.map((p) => ({ ...p, findings: p.findings.map(mark) }));
  const findings = current.findings.map(mark);

  const nowKeys = new Set(allFindings(current).map(keyOf));
  const resolved = allFindings(baseline)
    .filter((f) => !nowKeys.has(keyOf(f)))
    .map((f) => ({ ...f, change: null }));
  const all = allFindings({ findings, profiles });
  const oldProfiles = new Map(baseline.profiles.map((p) => [p.id, p]));
  const newIds = new Set(current.profiles.map((p) => p.id));
  const statusChanges: StatusChange[] = current.profiles.flatMap((p) => {
    const old = oldProfiles.get(p.id);
    return old && old.status !== p.status
      ? [{ profileId: p.id, from: old.status, to: p.status, worse: isWorse(old.status, p.status) }]
      : [];
  });

  const comparison: BaselineComparison = {
    asOf: baseline.asOf,
    generatedAt: baseline.generatedAt,
    findings: {
      new: all.filter((f) => f.change === 'new').length,
      unchanged: all.filter((f) => f.change === 'unchanged').length,
      resolved: resolved.length,
    },
    resolved,
    statusChanges,
    metricChanges: metricChanges(baseline.profiles, current.profiles),
    addedProfiles: current.profiles.filter((p) => !oldProfiles.has(p.id)).map((p) => p.id),
    removedProfiles: baseline.profiles.filter((p) => !newIds.has(p.id)).map((p) => p.id),
  };
  return { ...current, profiles, findings, baseline: comparison };
}
