/**
 * One voice per profile: where an inventory assertion and a rule say the same thing about the same
 * profile, the report shows one finding — the rule's, at the more severe of the two levels, saying it
 * "also breaks the inventory's assertion …". And a profile to be closed (abandoned, empty, gone) gets
 * no advice on how to talk: its old replies' canned ratio or promotion mix is moot, and advice to
 * "personalise replies" next to "archive it" contradicts itself.
 */
import { SEVERITY_RANK, type Finding, type Status } from '../model/index.js';
import { MOOT_WHEN_CLOSING, sameAs } from './findings/index.js';

/** How a folded finding's message goes on to the assertion it also breaks. */
export const ALSO_BREAKS = '; it also misses your target: ';

const CLOSING: ReadonlySet<Status> = new Set(['abandoned', 'empty', 'unreachable']);

export function reconcileFindings(findings: readonly Finding[], status: Status): Finding[] {
  const kept = CLOSING.has(status) ? findings.filter((f) => !MOOT_WHEN_CLOSING.has(f.code)) : [...findings];
  const out: Finding[] = [];
  const folded = new Map<Finding, Finding>();
  for (const finding of kept) {
    const target = sameAs(finding.code)
      .map((code) => kept.find((f) => f.code === code))
      .find((f): f is Finding => f !== undefined);
    if (!target) {
      out.push(finding);
      continue;
    }
    const into = folded.get(target) ?? target;
    folded.set(target, fold(into, finding));
  }
  return out.map((f) => folded.get(f) ?? f);
}

/** The rule's finding, at the more severe level, saying which assertion it also breaks. */
function fold(rule: Finding, assertion: Finding): Finding {
  const name = String(assertion.evidence.name ?? assertion.code);
  const before = typeof rule.evidence.alsoBreaks === 'string' ? `${rule.evidence.alsoBreaks}, ` : '';
  return {
    ...rule,
    severity: SEVERITY_RANK[assertion.severity] > SEVERITY_RANK[rule.severity] ? assertion.severity : rule.severity,
    evidence: { ...rule.evidence, alsoBreaks: `${before}${name}` },
    message: `${rule.message}${ALSO_BREAKS}${assertion.message}`,
  };
}
