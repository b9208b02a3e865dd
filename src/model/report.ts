/** The JSON report: the contract every format renders from (schema/report.schema.json). */
import type { ApiUse } from './api-use.js';
import type { BioLinkStatus } from './identity.js';
import type { BaselineComparison } from './baseline.js';
import type { FailOn, Finding, Severity } from './findings.js';
import type { PlatformId, Settings } from './inventory.js';
import type { Metrics } from './metrics.js';

export const SCHEMA_VERSION = 1;

export const STATUSES = ['active', 'stale', 'abandoned', 'empty', 'unreachable', 'blocked', 'error'] as const;
export type Status = (typeof STATUSES)[number];

export type ResultSource = 'live' | 'replay' | 'archive' | 'import';

/**
 * The evidence class a status rests on (docs/measuring.md):
 * - `posts`: two or more dated posts from the platform's API, a feed or the owner's export;
 * - `page-dates`: two or more dates printed on a web page;
 * - `single-item`: one dated item (e.g. one old post showing through a partly walled page);
 * - `platform-fact`: the platform's own word: its last-post date or post count, or its answer that the account is gone;
 * - `none`: nothing could be read (blocked, error).
 */
export const BASES = ['posts', 'page-dates', 'single-item', 'platform-fact', 'none'] as const;
export type Basis = (typeof BASES)[number];
/** Bases too thin to stand on alone: the report counts statuses resting on them apart. */
export const THIN_BASES: ReadonlySet<Basis> = new Set(['page-dates', 'single-item']);

/** What to do with a profile (scoring/verdict.ts): keep it, fix it, close it (or hand it over), or check it by hand. */
export const VERDICTS = ['keep', 'fix', 'close', 'check'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Scores {
  freshness: number | null;
  conversation: number | null;
  authenticity: number | null;
  overall: number | null;
}

/** What the platform shows about the account itself; each null where the source does not show it. */
export interface AccountFacts {
  handle: string | null;
  displayName: string | null;
  followers: number | null;
  /** The platform's own count of the account's posts. */
  posts: number | null;
  /** When the account was created (ISO). */
  createdAt: string | null;
  /** The first web link in its bio or profile fields. */
  bioLink: string | null;
  /** The bio as plain text, '' when the platform shows an empty one; null where the source shows none. */
  bio: string | null;
  /**
   * What opening the bio link showed; null: no link, a link on the platform's own site (not opened), or
   * a report from before bio links were opened.
   */
  bioLinkStatus: BioLinkStatus | null;
}

export interface ProfileResult {
  id: string;
  url: string;
  platform: PlatformId | null;
  name: string | null;
  owner: string | null;
  tags: string[];
  status: Status;
  /** Why the status is what it is (the evidence behind unreachable/blocked/error). */
  statusReason: string | null;
  /** What the status rests on, and that in words ("from 1 post visible on a partly walled page"); null in reports from before it was recorded. */
  basis: Basis | null;
  basisNote: string | null;
  /** The status is `error` because of a bug in channel-audit (an exception in a step), not because of the profile. */
  internal: boolean;
  source: ResultSource;
  fetch: { httpStatus: number | null; finalUrl: string | null; error: string | null };
  /** The owner's API, where the profile has a credential for one: its calls and quota units, or why it was not used; null: no credential. */
  api: ApiUse | null;
  /** Handle, name, followers, post count, creation date and bio link, as the platform shows them. */
  account: AccountFacts;
  /** Null when nothing could be measured (unreachable, blocked, error). */
  metrics: Metrics | null;
  scores: Scores;
  /** What to do with the profile, and the one reason that decided it. */
  verdict: Verdict;
  verdictReason: string;
  findings: Finding[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export const ACTION_KINDS = [
  'remove-dead',
  'close',
  'answer-in-person',
  'revive',
  'talk-with-people',
  'answer-sooner',
  'answer-audience',
  'fix-website-links',
  'fix-identity',
  'check-by-hand',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** One of the company's most important actions (scoring/actions.ts), for the executive summary. */
export interface Action {
  /** 1 is the most important. */
  rank: number;
  kind: ActionKind;
  severity: Severity;
  /** The action in words, naming the profiles it concerns. */
  text: string;
  profileIds: string[];
}

export const STRENGTH_KINDS = ['answers-people', 'answers-fast', 'writes-personally', 'posts-steadily'] as const;
export type StrengthKind = (typeof STRENGTH_KINDS)[number];

/** Something a profile does well (scoring/strengths.ts), credited only over a sample big enough to say so. */
export interface Strength {
  kind: StrengthKind;
  profileId: string;
  /** The figures in words: "answered 85% of 120 replies from people". */
  text: string;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  company: string;
  asOf: string;
  generatedAt: string;
  settings: Settings;
  /**
   * The `--fail-on` level the report was made with: JUnit's failures and the exit code follow it, and
   * `report` and `merge` render with it unless given their own. null: written before reports kept it.
   */
  failOn: FailOn | null;
  summary: {
    profiles: number;
    byStatus: Record<Status, number>;
    /** Of byStatus, the profiles whose status rests on thin evidence (`page-dates` or `single-item`). */
    thinByStatus: Record<Status, number>;
    score: number | null;
    grade: Grade | null;
    /** What drives the score, in one sentence; null without a score. */
    scoreDriver: string | null;
    findingsBySeverity: Record<'critical' | 'warning' | 'info', number>;
  };
  profiles: ProfileResult[];
  /** Company-level findings. Profile findings live on each profile. */
  findings: Finding[];
  /** The three to five most important actions, ranked: the executive summary. */
  actions: Action[];
  /** What is working: profiles that answer most people, answer fast, write personally, post steadily. */
  strengths: Strength[];
  /** What changed since the `--baseline` report; null without one. */
  baseline: BaselineComparison | null;
  /** Set on the report of one shard (`--shard I/N`), for `channel-audit merge`; null on a whole report. */
  shard: ShardInfo | null;
  /** True when the run was stopped (Ctrl-C, SIGTERM) and the profiles not done are `error` "interrupted". */
  interrupted: boolean;
  /**
   * Set when most hosts the run tried could not be reached from this machine in the same way (no DNS, no
   * connection): the auditor's network was down, the run failed (exit 3) and no verdict rests on it.
   */
  networkDown: NetworkDown | null;
  /** What the inventory's `website:` links to; null without one (or in a shard run). */
  website: WebsiteCheck | null;
  /** The consultant's branding, from the inventory's `report:` section; null without one. */
  branding: ReportBranding | null;
}

/** The run's network failed: how many of the hosts tried could not be reached, and how. */
export interface NetworkDown {
  hostsTried: number;
  hostsFailed: number;
  /** In words: "20 of 21 hosts could not be reached from this machine (DNS lookup failed)". */
  reason: string;
}

/** The consultant's branding (the inventory's `report:` section), as the report carries it. */
export interface ReportBranding {
  preparedBy: string | null;
  intro: string | null;
  /** `#rgb` or `#rrggbb`. */
  accentColor: string | null;
  /** The logo as a `data:image/…;base64,` URI (PNG, JPEG, GIF or WebP). */
  logo: string | null;
}

/** How a web page names a profile: `rel="me"`, JSON-LD `sameAs`, or an ordinary link (footer icons). */
export type LinkSource = 'rel-me' | 'json-ld' | 'link';

/** How a link source is named in reports and in an inventory written from a site. */
export const LINK_SOURCE: Record<LinkSource, string> = {
  'rel-me': 'rel="me"',
  'json-ld': 'JSON-LD sameAs',
  link: 'link',
};

/** The company's website, read for links to its profiles (home page and a few contact/about pages). */
export interface WebsiteCheck {
  url: string;
  /** Why the home page could not be read; then `links` is empty and means nothing. */
  error: string | null;
  pages: Array<{ url: string; status: number | null; error: string | null }>;
  /** One entry per profile linked, canonical URL; `profileId` is the inventory profile it is, or null. */
  links: Array<{ url: string; platform: PlatformId; source: LinkSource; page: string; profileId: string | null }>;
}

export interface ShardInfo {
  /** 1-based. */
  index: number;
  count: number;
  /** Every profile id of the inventory, in inventory order: what the merged report must hold. */
  inventory: string[];
}

/** Every finding of a report, company-level first, then profiles in inventory order. */
export function allFindings(report: Pick<Report, 'findings' | 'profiles'>): Finding[] {
  return [...report.findings, ...report.profiles.flatMap((p) => p.findings)];
}
