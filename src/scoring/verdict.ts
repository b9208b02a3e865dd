/**
 * One verdict per profile, with the one reason that decided it — the "keep / deactivate" column of a
 * social-media audit sheet, saying why:
 * - `close` (or hand over): abandoned, never posted, or gone;
 * - `fix`: stale, or active with a warning or critical finding (the most severe one is the reason);
 * - `keep`: active, nothing above info;
 * - `check`: it could not be measured (login wall, error), or its status rests on evidence too thin
 *   to act on, or every post is after the as-of date: a person must look.
 */
import { ago, SEVERITY_RANK, THIN_BASES, type Finding, type ProfileResult, type Verdict } from '../model/index.js';
import { findingDefinition } from './findings/index.js';
import { ALSO_BREAKS } from './reconcile.js';

export type VerdictInput = Pick<
  ProfileResult,
  'status' | 'statusReason' | 'basis' | 'basisNote' | 'findings' | 'metrics'
>;

export function verdictFor(p: VerdictInput): { verdict: Verdict; verdictReason: string } {
  const days = p.metrics?.daysSinceLastPost ?? null;
  const since = days === null ? '' : ` (last post ${ago(days)})`;
  if (p.status === 'blocked' || p.status === 'error')
    return {
      verdict: 'check',
      verdictReason: `could not be measured: ${p.statusReason ?? p.status}; check it by hand`,
    };
  const thin = p.basis !== null && THIN_BASES.has(p.basis);
  if (thin && p.status !== 'active')
    return {
      verdict: 'check',
      verdictReason: `${p.status}, ${p.basisNote ?? 'on thin evidence'}${since}: too thin to act on; check it by hand`,
    };
  if (p.status === 'unreachable')
    return {
      verdict: 'close',
      verdictReason: 'the profile is gone: take it off your list of profiles and remove every link to it',
    };
  if (p.status === 'empty') {
    if ((p.metrics?.futurePosts ?? 0) > 0)
      return { verdict: 'check', verdictReason: `${p.statusReason ?? 'no posts at or before the as-of date'}` };
    return {
      verdict: 'close',
      verdictReason: 'it has never posted: delete it, or point its visitors to an active profile',
    };
  }
  if (p.status === 'abandoned')
    return {
      verdict: 'close',
      verdictReason: `abandoned${since}: archive it, or hand its followers over to an active profile`,
    };
  const worst = mostSevere(p.findings);
  if (p.status === 'stale')
    return { verdict: 'fix', verdictReason: `stale${since}: post again, or close it if it has no job` };
  if (worst) {
    const message = worst.message.split(ALSO_BREAKS)[0]!;
    return {
      verdict: 'fix',
      verdictReason: `${(findingDefinition(worst.code)?.title ?? worst.code).toLowerCase()}: ${message}`,
    };
  }
  return { verdict: 'keep', verdictReason: `active${since}, nothing above info` };
}

/** The first of the most severe warning or critical findings, in report order. */
function mostSevere(findings: readonly Finding[]): Finding | null {
  let worst: Finding | null = null;
  for (const f of findings) {
    if (f.severity === 'info') continue;
    if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst.severity]) worst = f;
  }
  return worst;
}
