/** Company-level findings: what the profile results add up to. */
import type { Evidence, ProfileResult, Severity } from '../model/index.js';
import { type FindingCode, THRESHOLDS } from './findings/index.js';

export interface CompanyFindingData {
  code: FindingCode;
  severity: Severity;
  evidence: Evidence;
}

export function companyFindings(profiles: ProfileResult[]): CompanyFindingData[] {
  const total = profiles.length;
  const out: CompanyFindingData[] = [];
  const gone = profiles.filter(
    (p) => p.status === 'abandoned' || p.status === 'unreachable' || p.status === 'empty',
  ).length;
  if (gone > 0) {
    out.push({
      code: 'company-abandoned-profiles',
      severity: gone / total >= 0.25 ? 'critical' : 'warning',
      evidence: { count: gone, profiles: total },
    });
  }
  const conversational = profiles.filter(
    (p) => p.metrics?.conversationRatio !== null && p.metrics?.conversationRatio !== undefined,
  );
  const silent = conversational.filter((p) => p.metrics!.replies === 0).length;
  if (silent > 0)
    out.push({
      code: 'company-unanswered',
      severity: 'info',
      evidence: { count: silent, measured: conversational.length },
    });
  const listened = profiles.filter((p) => (p.metrics?.peopleReplied ?? 0) > 0);
  if (listened.length > 0) {
    const people = listened.reduce((sum, p) => sum + p.metrics!.peopleReplied!, 0);
    const answered = listened.reduce((sum, p) => sum + (p.metrics!.peopleAnswered ?? 0), 0);
    out.push({
      code: 'company-audience',
      // the brand-wide rate below the profile rule's threshold is worth a warning, not just a line
      severity: answered / people < THRESHOLDS.ignoresAudienceRate ? 'warning' : 'info',
      evidence: {
        answered,
        people,
        rate: Math.round((answered / people) * 10_000) / 10_000,
        profiles: listened.length,
      },
    });
  }
  const unmeasured = profiles.filter((p) => p.status === 'blocked' || p.status === 'error').length;
  if (unmeasured > 0)
    out.push({ code: 'company-unmeasured', severity: 'info', evidence: { count: unmeasured, profiles: total } });
  return out;
}
