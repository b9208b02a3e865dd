/** Status, scores and findings of one profile: the scoring step of the pipeline, pure. */
import type { Evidence, Finding, FindingCode, Metrics, Scores, Settings, Severity, Status } from '../model/index.js';
import { FINDING_WORDING } from './messages.js';
import { PROFILE_RULES } from './rules.js';
import { scoreProfile } from './scores.js';

export function makeFinding(code: FindingCode, severity: Severity, profileId: string | null, evidence: Evidence): Finding {
  const wording = FINDING_WORDING[code];
  return { code, severity, profileId, evidence, message: wording.message(evidence), recommendation: wording.recommendation, change: null };
}

export function evaluateProfile(
  profileId: string,
  status: Status,
  statusReason: string | null,
  metrics: Metrics | null,
  settings: Settings,
): { scores: Scores; findings: Finding[] } {
  const findings: Finding[] = [];
  for (const rule of PROFILE_RULES) {
    const hit = rule.evaluate({ status, statusReason, metrics, settings });
    if (hit) findings.push(makeFinding(rule.code, hit.severity ?? rule.severity, profileId, hit.evidence));
  }
  return { scores: scoreProfile(status, metrics, settings), findings };
}
