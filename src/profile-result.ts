/**
 * One profile's result from what was fetched: its analysis (in place, or the metrics a worker
 * measured), status, scores, findings and verdict. Whatever step throws, the result is that profile's
 * `error` with the step named, never the end of the run. src/audit.ts runs the profiles through it.
 */
import { analyzeTimeline } from './analysis/analyze.js';
import { authorKey, type Siblings } from './analysis/listening.js';
import {
  redactOutcome,
  redactUrl,
  urlSecrets,
  type AccountFacts,
  type FetchOutcome,
  type Inventory,
  type Metrics,
  type PlatformId,
  type ProfileResult,
  type ProfileSpec,
  type ResultSource,
  type Timeline,
} from './model/index.js';
import { assertionsFor, checkAssertions } from './scoring/assertions.js';
import { evaluateProfile } from './scoring/evaluate.js';
import { reconcileFindings } from './scoring/reconcile.js';
import { verdictFor } from './scoring/verdict.js';
import { decideStatus } from './scoring/status.js';

/** What a profile's result depends on besides the profile and what was fetched. */
export interface ResultOptions {
  asOf: Date;
  source: ResultSource;
  /** The analysis step (Timeline → Metrics); replaceable for tests and experiments. */
  analyze?: typeof analyzeTimeline;
}

/** A timeline measured before its result is made (on a worker): the metrics, or what the analysis threw. */
export type Measured = { metrics: Metrics } | { error: unknown };

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A step of one profile's audit that threw: its error, named after the step, as that profile's result. */
class StepError extends Error {
  constructor(
    readonly step: 'analysis' | 'scoring',
    cause: unknown,
  ) {
    super(`${step} failed: ${messageOf(cause)}`);
    this.name = 'StepError';
  }
}

function step<T>(name: StepError['step'], run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new StepError(name, error);
  }
}

/**
 * The profile's result from its fetch outcome. An exception in any step (analysis, scoring) makes this
 * profile `error` with the step's message and `internal: true`; the run goes on.
 */
export function resultFor(
  profile: ProfileSpec,
  platform: PlatformId | null,
  fetched: FetchOutcome,
  inventory: Inventory,
  options: ResultOptions,
): ProfileResult {
  return resultOf({ profile, platform, inventory, options }, redacted(profile, fetched));
}

/** Whose result is being made, and with what: the same for every step of one profile's result. */
interface Subject {
  profile: ProfileSpec;
  platform: PlatformId | null;
  inventory: Inventory;
  options: ResultOptions;
}

/** Credentials in the profile URL (user:pass@, ?access_token=) are sent to its host, and appear nowhere else. */
const redacted = (profile: ProfileSpec, fetched: FetchOutcome) => redactOutcome(fetched, urlSecrets(profile.url));

/** resultFor, with the run's analysis pool: the (redacted) timeline is measured on a worker first. */
export async function measuredResult(
  profile: ProfileSpec,
  platform: PlatformId | null,
  fetched: FetchOutcome,
  inventory: Inventory,
  options: ResultOptions,
  analyze: (timeline: Timeline) => Promise<Metrics>,
): Promise<ProfileResult> {
  const outcome = redacted(profile, fetched);
  const measured: Measured | undefined =
    outcome.kind === 'ok'
      ? await analyze(outcome.timeline).then(
          (metrics) => ({ metrics }),
          (error: unknown) => ({ error }),
        )
      : undefined;
  return resultOf({ profile, platform, inventory, options }, outcome, measured);
}

function resultOf(subject: Subject, outcome: FetchOutcome, measured?: Measured): ProfileResult {
  try {
    return evaluate(subject, outcome, measured);
  } catch (error) {
    const reason = error instanceof StepError ? error.message : `internal error: ${messageOf(error)}`;
    const failed: FetchOutcome = { kind: 'error', reason, fetch: { ...outcome.fetch, error: reason }, internal: true };
    try {
      return evaluate(subject, failed);
    } catch {
      // scoring itself is broken: the bare error result, without findings
      return {
        ...identity(subject, failed),
        status: 'error',
        statusReason: reason,
        basis: 'none',
        basisNote: null,
        internal: true,
        metrics: null,
        scores: NO_SCORES,
        verdict: 'check',
        verdictReason: `could not be measured: ${reason}; check it by hand`,
        findings: [],
      };
    }
  }
}

const NO_SCORES = { freshness: null, conversation: null, authenticity: null, overall: null };

/** The inventory's profiles by author key: who may answer under another profile's posts (listening). */
const siblingCache = new WeakMap<Inventory, Siblings>();
export function siblingsOf(inventory: Inventory): Siblings {
  let siblings = siblingCache.get(inventory);
  if (!siblings) {
    siblings = new Map(inventory.profiles.map((p) => [authorKey(p.url), p.id]));
    siblingCache.set(inventory, siblings);
  }
  return siblings;
}

/** Who and where a result is about, whatever its status. */
function identity({ profile, platform, options }: Subject, outcome: FetchOutcome) {
  return {
    id: profile.id,
    url: redactUrl(profile.url),
    platform,
    name:
      profile.name ??
      (outcome.kind === 'ok' ? (outcome.timeline.facts.displayName ?? outcome.timeline.facts.handle) : null),
    owner: profile.owner,
    tags: profile.tags,
    source: profile.export
      ? profile.export.kind === 'archive'
        ? ('archive' as const)
        : ('import' as const)
      : options.source,
    fetch: { httpStatus: outcome.fetch.httpStatus, finalUrl: outcome.fetch.finalUrl, error: outcome.fetch.error },
    api: outcome.fetch.api ?? null,
    account: accountFacts(outcome),
  };
}

/** What the platform showed about the account; all null when it showed nothing. */
function accountFacts(outcome: FetchOutcome): AccountFacts {
  const f = outcome.kind === 'ok' ? outcome.timeline.facts : null;
  return {
    handle: f?.handle ?? null,
    displayName: f?.displayName ?? null,
    followers: f?.followers ?? null,
    posts: f?.postsCount ?? null,
    createdAt: f?.createdAt ?? null,
    bioLink: f?.bioLink ?? null,
    bio: f?.bio ?? null,
    bioLinkStatus: outcome.kind === 'ok' ? (outcome.bioLinkStatus ?? null) : null,
  };
}

function evaluate(subject: Subject, outcome: FetchOutcome, measured?: Measured): ProfileResult {
  const { profile, platform, inventory, options } = subject;
  const analyze = options.analyze ?? analyzeTimeline;
  const metrics =
    outcome.kind === 'ok'
      ? step('analysis', () => {
          if (measured && 'error' in measured) throw measured.error;
          return (
            measured?.metrics ??
            analyze(outcome.timeline, options.asOf, inventory.settings, { siblings: siblingsOf(inventory) })
          );
        })
      : null;
  const { status, reason, basis, basisNote } = step('scoring', () =>
    decideStatus(outcome, metrics, inventory.settings),
  );
  const { scores, findings } = step('scoring', () => {
    const evaluated = evaluateProfile(profile.id, status, reason, metrics, inventory.settings, {
      basis,
      basisNote,
      // a failed read says what would help; a walled page, how its owner gets this platform's data to the audit
      advice: outcome.kind === 'error' || outcome.kind === 'blocked' ? (outcome.advice ?? null) : null,
      api: outcome.fetch.api ?? null,
      identity: { platform, account: accountFacts(outcome), company: inventory.company, website: inventory.website },
    });
    const asserted = checkAssertions(
      profile.id,
      assertionsFor(profile, platform, inventory),
      metrics,
      evaluated.scores,
    );
    return { scores: evaluated.scores, findings: reconcileFindings([...evaluated.findings, ...asserted], status) };
  });
  const who = identity(subject, outcome);
  return {
    id: who.id,
    url: who.url,
    platform: who.platform,
    name: who.name,
    owner: who.owner,
    tags: who.tags,
    status,
    statusReason: reason,
    basis,
    basisNote,
    internal: outcome.kind === 'error' && outcome.internal === true,
    source: who.source,
    fetch: who.fetch,
    api: who.api,
    account: who.account,
    metrics,
    scores,
    ...verdictFor({ status, statusReason: reason, basis, basisNote, findings, metrics }),
    findings,
  };
}
