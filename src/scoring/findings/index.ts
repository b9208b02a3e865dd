/**
 * Every finding, and every list of findings derived from their definitions: the codes, the profile
 * rules in the order they run, the wording, the groups of "What to do first", the website codes and
 * the findings one voice per profile folds or drops. A new finding is one definition in a family file;
 * nothing here names a finding.
 */
import { ACTIVITY_FINDINGS } from './activity.js';
import { ASSERTION_FINDINGS } from './assertions.js';
import { COMPANY_FINDINGS } from './company.js';
import { CONVERSATION_FINDINGS } from './conversation.js';
import {
  FINDING_ACTIONS,
  type FindingAction,
  type FindingDefinition,
  type FindingGroup,
  type ProfileFindingDefinition,
} from './define.js';
import { EVIDENCE_FINDINGS } from './evidence.js';
import { IDENTITY_FINDINGS } from './identity.js';
import { WEBSITE_FINDINGS } from './website.js';

/** The families in the order findings appear in a report (profile rules run in this order). */
export const FINDING_FAMILIES = [
  ACTIVITY_FINDINGS,
  CONVERSATION_FINDINGS,
  EVIDENCE_FINDINGS,
  IDENTITY_FINDINGS,
  ASSERTION_FINDINGS,
  COMPANY_FINDINGS,
  WEBSITE_FINDINGS,
] as const;

const ALL = {
  ...ACTIVITY_FINDINGS,
  ...CONVERSATION_FINDINGS,
  ...EVIDENCE_FINDINGS,
  ...IDENTITY_FINDINGS,
  ...ASSERTION_FINDINGS,
  ...COMPANY_FINDINGS,
  ...WEBSITE_FINDINGS,
};

/** A finding's code: exactly the codes that have a definition. */
export type FindingCode = keyof typeof ALL;

/**
 * The definitions by code. Typed over FindingCode, so a cross-reference to a finding without a
 * definition (an assertion's `sameAs`) does not compile.
 */
export const FINDINGS: Readonly<Record<FindingCode, FindingDefinition<FindingCode>>> = ALL;

export const FINDING_CODES: readonly FindingCode[] = Object.keys(FINDINGS) as FindingCode[];

/** The definition of a code read from a report, which may come from another version of the tool. */
export function findingDefinition(code: string): FindingDefinition<FindingCode> | undefined {
  return Object.hasOwn(FINDINGS, code) ? FINDINGS[code as FindingCode] : undefined;
}

// derived sets hold strings: they are asked about codes read from reports, which may be any string
const codesWhere = (test: (d: FindingDefinition<FindingCode>) => boolean): ReadonlySet<string> =>
  new Set(FINDING_CODES.filter((code) => test(FINDINGS[code])));

/** The profile rules, in the order they run. */
export const PROFILE_RULES: readonly (ProfileFindingDefinition & { code: FindingCode })[] = FINDING_CODES.flatMap(
  (code) => {
    const d = FINDINGS[code];
    return d.group === 'profile' ? [{ ...d, code }] : [];
  },
);

/** The codes of a group. */
export const codesOf = (group: FindingGroup): ReadonlySet<string> => codesWhere((d) => d.group === group);

/** For each action of "What to do first" that gathers findings, the codes it gathers. */
export const ACTION_GROUPS: Readonly<Record<FindingAction, ReadonlySet<string>>> = Object.fromEntries(
  FINDING_ACTIONS.map((action) => [action, codesWhere((d) => d.action === action)]),
) as Record<FindingAction, ReadonlySet<string>>;

/** Advice on how a profile talks, moot for a profile whose verdict is to close it. */
export const MOOT_WHEN_CLOSING: ReadonlySet<string> = codesWhere((d) => d.mootWhenClosing);

/** For an assertion's finding, the rule findings that say the same thing, in order of preference. */
export function sameAs(code: string): readonly FindingCode[] {
  const d = findingDefinition(code);
  return d?.group === 'assertion' ? d.sameAs : [];
}

export type { FindingAction, FindingDefinition, FindingGroup, IdentityFacts, ProfileFacts } from './define.js';
export { FINDING_ACTIONS } from './define.js';
export { THRESHOLDS } from './conversation.js';
