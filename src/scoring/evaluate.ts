/** Status, scores and findings of one profile: the scoring step of the pipeline, pure. */
import {
  type ApiUse,
  THIN_BASES,
  type Basis,
  type Evidence,
  type Finding,
  type Metrics,
  type Scores,
  type Settings,
  type Severity,
  type Status,
} from '../model/index.js';
import { FINDINGS, type FindingCode, type IdentityFacts, PROFILE_RULES } from './findings/index.js';
import { scoreProfile } from './scores.js';

export function makeFinding(
  code: FindingCode,
  severity: Severity,
  profileId: string | null,
  evidence: Evidence,
): Finding {
  const wording = FINDINGS[code];
  return {
    code,
    title: wording.title,
    severity,
    profileId,
    evidence,
    message: wording.message(evidence),
    recommendation:
      typeof wording.recommendation === 'string' ? wording.recommendation : wording.recommendation(evidence),
    change: null,
  };
}

export function evaluateProfile(
  profileId: string,
  status: Status,
  statusReason: string | null,
  metrics: Metrics | null,
  settings: Settings,
  basis: {
    basis: Basis | null;
    basisNote: string | null;
    advice?: string | null;
    api?: ApiUse | null;
    identity?: IdentityFacts | null;
  } = {
    basis: null,
    basisNote: null,
  },
): { scores: Scores; findings: Finding[] } {
  const findings: Finding[] = [];
  // a status on thin evidence says so in its finding: "…, from 1 post visible on a partly walled page"
  const thinEvidence = basis.basis !== null && THIN_BASES.has(basis.basis) ? basis.basisNote : null;
  for (const rule of PROFILE_RULES) {
    const hit = rule.evaluate({
      status,
      statusReason,
      statusAdvice: basis.advice ?? null,
      metrics,
      settings,
      thinEvidence,
      api: basis.api ?? null,
      identity: basis.identity ?? null,
    });
    if (hit) findings.push(makeFinding(rule.code, hit.severity ?? rule.severity, profileId, hit.evidence));
  }
  return { scores: scoreProfile(status, metrics, settings), findings };
}
