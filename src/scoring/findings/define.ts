/**
 * The shape of one finding's definition. Everything about a finding — its code, group, title, default
 * severity and the rule that may raise it, message, recommendation, its place in "What to do first" and
 * how it meets other findings — is one definition; every list of findings (codes, rules, wording,
 * action groups, website codes) is derived from the definitions in ./index.ts, so a new finding cannot
 * be left out of one.
 */
import type {
  AccountFacts,
  ActionKind,
  ApiUse,
  Evidence,
  Metrics,
  PlatformId,
  Settings,
  Severity,
  Status,
} from '../../model/index.js';

/** Who produces the finding: a profile rule here, an inventory assertion, the company roll-up, the website check. */
export type FindingGroup = 'profile' | 'assertion' | 'company' | 'website';

/** The actions of "What to do first" that gather findings (the others follow a profile's status or verdict). */
export const FINDING_ACTIONS = [
  'answer-in-person',
  'talk-with-people',
  'answer-sooner',
  'answer-audience',
  'fix-website-links',
  'fix-identity',
] as const satisfies readonly ActionKind[];
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export interface ProfileFacts {
  status: Status;
  statusReason: string | null;
  /** What the owner can do about a failed read, where the reader knows (an owner download's platform). */
  statusAdvice?: string | null;
  metrics: Metrics | null;
  settings: Settings;
  /** The basis in words when the status rests on thin evidence (page dates, a single item); else null. */
  thinEvidence?: string | null;
  /** The owner's API as the profile's read used it (or was refused it); null: no credential. */
  api?: ApiUse | null;
  /** What the platform shows of the account, beside the inventory's company and website (the identity rules); absent: not known. */
  identity?: IdentityFacts | null;
}

export interface IdentityFacts {
  platform: PlatformId | null;
  account: AccountFacts;
  /** The inventory's `company`. */
  company: string;
  /** The inventory's `website`, or null. */
  website: string | null;
}

/** Evidence when a profile rule fires, with the severity when it differs from the definition's. */
export type RuleHit = { evidence: Evidence; severity?: Severity } | null;

interface Common {
  /** The finding's name for people ("Abandoned profile"); the code is for machines. */
  title: string;
  /** The default severity; a profile rule may return another, company and website checks choose theirs. */
  severity: Severity;
  message: (e: Evidence) => string;
  /** Fixed, or chosen by the evidence where one finding covers two situations. */
  recommendation: string | ((e: Evidence) => string);
  /**
   * The action of "What to do first" the finding feeds, or null where the summary reaches the profile
   * through its status or verdict (or not at all). Required, so a new finding says where it goes.
   */
  action: FindingAction | null;
  /** Advice on how a profile talks, moot (and left out) for a profile whose verdict is to close it. */
  mootWhenClosing: boolean;
}

/** A finding about one profile from its status and metrics (Lighthouse's audit shape). */
export interface ProfileFindingDefinition extends Common {
  group: 'profile';
  evaluate(facts: ProfileFacts): RuleHit;
}

/** A broken inventory assertion; `sameAs` lists the rule findings that say the same, in order of preference. */
export interface AssertionFindingDefinition<C extends string = string> extends Common {
  group: 'assertion';
  sameAs: readonly C[];
  /** The metric the assertion bounds, by its name for people (where it bounds one). */
  metric?: string;
}

/** A finding from the company roll-up (scoring/company.ts) or the website check (scoring/website.ts). */
export interface CheckFindingDefinition extends Common {
  group: 'company' | 'website';
}

export type FindingDefinition<C extends string = string> =
  | ProfileFindingDefinition
  | AssertionFindingDefinition<C>
  | CheckFindingDefinition;

/** Keeps a family's codes as literal types (the `const` parameter), so FindingCode is their union. */
export function defineFindings<const T extends Record<string, FindingDefinition>>(definitions: T): T {
  return definitions;
}

/** Evidence values for messages: a number (0 when absent) or a string ('' when absent). */
export const n = (v: Evidence[string] | undefined) => Number(v ?? 0);
export const s = (v: Evidence[string] | undefined) => String(v ?? '');
