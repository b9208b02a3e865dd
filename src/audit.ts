/** The one place that wires the pipeline: inventory → adapters (via http) → analysis → scoring → report. */
import { AnalysisPool } from './analysis/analyze-pool.js';
import { credentialValues, Credentials } from './auth/credentials.js';
import { BioLinkChecker } from './discovery/bio-link-check.js';
import { readSite } from './discovery/read-site.js';
import { websiteCheck } from './discovery/website-check.js';
import { readExport } from './platforms/kit/owner-download.js';
import { namesResolve } from './http/name-check.js';
import { hostLimits } from './http/politeness.js';
import type { HttpClient } from './http/types.js';
import {
  redactSecrets,
  redactUrl,
  urlSecrets,
  type FetchOutcome,
  type Inventory,
  type PlatformId,
  type ProfileResult,
  type ProfileSpec,
  type Report,
  type ShardInfo,
  type Metrics,
  type Timeline,
  type WebsiteCheck,
  type FailOn,
} from './model/index.js';
import { SecretScrubber } from './model/secret-forms.js';
import { readWithApi } from './platforms/kit/api-fetch.js';
import { BudgetedHttpClient, ProfileBudget } from './platforms/kit/profile-budget.js';
import { FeedParsePool, type FeedParser } from './platforms/feed/parse-pool.js';
import { ownerRoute } from './platforms/owner-route.js';
import { adapterFor, type PlatformAdapter } from './platforms/registry.js';
import { platformDefinition } from './platforms/index.js';
import { platformOf } from './platforms/urls.js';
import { buildReport, profileWithWebsite } from './report/build.js';
import { type HostTry, networkDown } from './report/network-down.js';
import { hostOf } from './report/shard.js';
import { measuredResult, messageOf, resultFor, siblingsOf, type ResultOptions } from './profile-result.js';

export interface AuditOptions extends ResultOptions {
  http: HttpClient;
  generatedAt: Date;
  tool: { name: string; version: string };
  /** The --fail-on level the report records (report/build.ts). */
  failOn?: FailOn;
  /** When aborted, no further profile is started; the ones not done are `error` "interrupted". */
  stop?: AbortSignal;
  /** The shard this run audits; `inventory.profiles` must already hold only its profiles. */
  shard?: ShardInfo | null;
  /** Every profile of the inventory, when `inventory.profiles` holds one shard: the website's links are matched against them all. */
  allProfiles?: readonly ProfileSpec[];
  /** Called as each profile finishes (for progress display). */
  onProfileDone?: (result: ProfileResult, done: number, total: number) => void;
  /**
   * Called with each profile exactly as the report will show it (the website's findings included), as
   * soon as that is known: when it finishes, or once the website has been read if that is later.
   * Interrupted profiles come last. For streaming output (`--format ndjson`).
   */
  onProfileFinal?: (result: ProfileResult) => void;
  /** Where API credentials (`auth: {env: NAME}`) are read from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Whether this machine resolves host names, asked once per run when a profile's own domain does not
   * resolve (it is `unreachable` only if others do). Default: a DNS lookup of the platforms' hosts; a
   * replay never looks anything up and cannot tell.
   */
  namesResolve?: () => Promise<boolean>;
}

const NO_FETCH = { httpStatus: null, finalUrl: null, error: null, requests: 0 };

export async function fetchProfile(
  profile: ProfileSpec,
  adapter: PlatformAdapter | null,
  inventory: Inventory,
  options: AuditOptions,
  run: RunResources = resourcesFor(inventory, options),
): Promise<FetchOutcome> {
  // a page or an API that echoes any of the run's tokens (sent to it or not, in any form) does not get
  // it into the report
  return run.secrets.deep(await readProfile(profile, adapter, inventory, options, run));
}

async function readProfile(
  profile: ProfileSpec,
  adapter: PlatformAdapter | null,
  inventory: Inventory,
  options: AuditOptions,
  run: RunResources,
): Promise<FetchOutcome> {
  if (profile.export) {
    const id = adapter?.id ?? null;
    return readExport(profile, id, {
      snowflakeIds: id !== null && platformDefinition(id).snowflakeIds === true,
      timeZone: inventory.settings.exportTimeZone,
    });
  }
  if (!adapter) {
    const reason =
      'no platform adapter recognises this URL; set `platform:` (see docs/platforms.md) or supply an export with `posts:`';
    return { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason } };
  }
  const budget = new ProfileBudget(inventory.settings.profileTimeoutMs);
  const http = new BudgetedHttpClient(options.http, budget);
  const ctx = {
    http,
    settings: inventory.settings,
    endpoints: { ...inventory.settings.endpoints, ...profile.endpoints },
    asOf: options.asOf,
    parseFeed: run.parseFeed,
    budget,
  };
  const read = (async (): Promise<FetchOutcome> => {
    try {
      const choice = run.credentials.for(profile, adapter.id);
      return await readWithApi(profile, ctx, platformDefinition(adapter.id), adapter, choice);
    } catch (error) {
      // an adapter bug is this profile's error, never the end of the run
      const reason = `internal error in the ${adapter.id} adapter: ${messageOf(error)}`;
      return { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason }, internal: true };
    }
  })();
  // past the budget the profile is not waited for: its request in flight ends on its own (its answer is
  // not used, and its client starts no other), while the run goes on to the next profile
  const stopped = (): FetchOutcome => ({ kind: 'error', reason: budget.reason, fetch: http.spent() });
  const watch = budget.whenSpent();
  try {
    const outcome = await Promise.race([read, watch.spent.then(stopped)]);
    // a failure that came of the spent budget (a request refused, a thread not read) is that, whatever the adapter made of it
    return outcome.kind !== 'ok' && budget.expired ? stopped() : await goneOrUnknown(outcome, run);
  } finally {
    watch.cancel();
  }
}

/**
 * A profile's own domain that the resolver says does not exist is gone only when this machine resolves
 * other names (asked once per run); otherwise nothing can be told, and it stays an error of this
 * machine's network. Every other network failure stays an error too (issue 31, item 6).
 */
async function goneOrUnknown(outcome: FetchOutcome, run: RunResources): Promise<FetchOutcome> {
  if (outcome.kind !== 'error' || !outcome.network?.selfHostedNoSuchHost) return outcome;
  if (!(await run.namesResolve())) return outcome;
  const reason = `the domain ${outcome.network.host} no longer exists: DNS answers "no such host", while this machine resolves other names`;
  return { kind: 'unreachable', reason, fetch: { ...outcome.fetch, error: reason } };
}
/** Profiles whose bio link is being opened beside their lanes, at most (each holds its timeline meanwhile). */
const MAX_OPENING = 16;

const hasBioLink = (outcome: FetchOutcome) => outcome.kind === 'ok' && Boolean(outcome.timeline.facts.bioLink);

/**
 * The profile's bio link opened (once per distinct URL in the run, by `links`) and its status kept on
 * the outcome, for the account's facts and the `dead-bio-link` finding. Never fails the profile.
 */
async function withBioLink(
  outcome: FetchOutcome,
  profile: ProfileSpec,
  platform: PlatformId | null,
  links: BioLinkChecker,
  run: RunResources,
): Promise<FetchOutcome> {
  const link = outcome.kind === 'ok' ? outcome.timeline.facts.bioLink : null;
  if (outcome.kind !== 'ok' || !link) return outcome;
  const status = await links.check(link, profile.url, platform, outcome.fetch.finalUrl ?? profile.url);
  return { ...outcome, bioLinkStatus: status === null ? null : run.secrets.deep(status) };
}

/** The values of the inventory's credentials, for createHttpClient's `secrets` (what is never written or printed). */
export { credentialValues } from './auth/credentials.js';

/** What a run's profiles share: its credentials (and their budgets), and where its feeds are parsed and its timelines measured. */
interface RunResources {
  credentials: Credentials;
  /** Whether this machine resolves host names (once per run). */
  namesResolve: () => Promise<boolean>;
  /** Every value of the run's credentials, looked for in what is reported. */
  secrets: SecretScrubber;
  parseFeed?: FeedParser;
  analyze?: (timeline: Timeline) => Promise<Metrics>;
}

const resourcesFor = (inventory: Inventory, options: AuditOptions): RunResources => ({
  credentials: new Credentials(inventory.settings.auth, options.env ?? process.env, options.source === 'replay'),
  namesResolve: options.namesResolve ?? (options.source === 'replay' ? async () => false : namesResolve()),
  secrets: new SecretScrubber(credentialValues(inventory, options.env ?? process.env)),
});

/** The profile's platform, or null where even its URL cannot be read. */
function safePlatformOf(profile: ProfileSpec): PlatformId | null {
  try {
    return platformOf(profile);
  } catch {
    return null;
  }
}

/** The website's links matched to the inventory; a failure in reading or matching is the website's error, not the run's. */
async function checkWebsite(
  url: string,
  scan: ReturnType<typeof readSite>,
  profiles: readonly ProfileSpec[],
): Promise<WebsiteCheck> {
  const secrets = urlSecrets(url);
  try {
    const check = websiteCheck(await scan, profiles);
    const clean = (text: string) => redactSecrets(redactUrl(text), secrets);
    return {
      ...check,
      url: clean(check.url),
      error: check.error === null ? null : clean(check.error),
      pages: check.pages.map((p) => ({ ...p, url: clean(p.url), error: p.error === null ? null : clean(p.error) })),
    };
  } catch (error) {
    return {
      url: redactUrl(url),
      error: `website check failed: ${redactSecrets(messageOf(error), secrets)}`,
      pages: [],
      links: [],
    };
  }
}

/**
 * Profiles are worked on in lanes, one set per host of their URL: as many lanes as the host may have
 * requests in flight. A queue of profiles for one busy host then never holds up the other hosts, and
 * the HTTP client's politeness (per host and overall) decides when each request goes out.
 */
export async function runAudit(inventory: Inventory, options: AuditOptions): Promise<Report> {
  const total = inventory.profiles.length;
  const results: ProfileResult[] = new Array(total);
  // one set of credentials per run (a platform's budget is shared by its profiles), and for a large run
  // the feeds parsed on the other cores
  const pool = FeedParsePool.forRun(total);
  // and its timelines measured there too, unless the caller brings its own analysis
  const analysis = options.analyze
    ? null
    : AnalysisPool.forRun(total, { asOf: options.asOf, settings: inventory.settings, siblings: siblingsOf(inventory) });
  const run: RunResources = {
    ...resourcesFor(inventory, options),
    parseFeed: pool?.parse,
    analyze: analysis?.analyze,
  };
  let done = 0;
  const bioLinks = new BioLinkChecker(options.http, run.namesResolve);
  // the profiles read over the network, and whether this machine's side failed them (networkDown)
  const tries: HostTry[] = [];
  const byHost = new Map<string, number[]>();
  inventory.profiles.forEach((p, index) => {
    const host = hostOf(p.url);
    const queue = byHost.get(host);
    if (queue) queue.push(index);
    else byHost.set(host, [index]);
  });
  // profiles whose bio link is being opened while their lane goes on to its next profile: the link is on
  // another host, whose slowness must not hold this host's queue (bounded, since each holds its timeline)
  const opening = new Set<Promise<void>>();
  const finishing: Promise<void>[] = [];
  const finish = async (index: number, profile: ProfileSpec, platform: PlatformId | null, fetched: FetchOutcome) => {
    const outcome = await withBioLink(fetched, profile, platform, bioLinks, run);
    const result = run.analyze
      ? await measuredResult(profile, platform, outcome, inventory, options, run.analyze)
      : resultFor(profile, platform, outcome, inventory, options);
    results[index] = result;
    options.onProfileDone?.(result, ++done, total);
    final(result);
  };
  const lane = async (queue: number[]) => {
    while (queue.length > 0 && !options.stop?.aborted) {
      const index = queue.shift()!;
      const profile = inventory.profiles[index]!;
      let adapter: PlatformAdapter | null = null;
      let outcome: FetchOutcome;
      try {
        adapter = await adapterFor(profile);
        outcome = await fetchProfile(profile, adapter, inventory, options, run);
      } catch (error) {
        const reason = `internal error while reading the profile: ${messageOf(error)}`;
        outcome = { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason }, internal: true };
      }
      if (!profile.export && adapter)
        tries.push({ host: hostOf(profile.url), failure: outcome.kind === 'error' ? (outcome.network ?? null) : null });
      const platform = adapter?.id ?? safePlatformOf(profile);
      // a walled page: how its owner gets this platform's own data to the audit (never another platform's)
      const route = outcome.kind === 'blocked' && !outcome.advice ? ownerRoute(platform) : null;
      if (route !== null && outcome.kind === 'blocked') outcome = { ...outcome, advice: route };
      if (!hasBioLink(outcome)) {
        await finish(index, profile, platform, outcome);
        continue;
      }
      const finished = finish(index, profile, platform, outcome);
      finishing.push(finished);
      const settled = () => void opening.delete(finished);
      opening.add(finished);
      finished.then(settled, settled);
      if (opening.size >= MAX_OPENING) await Promise.race(opening);
    }
  };
  const { company, settings } = inventory;
  // the website is read alongside the profiles (by every shard: its links are matched against the
  // whole inventory, so each shard's report and the merged one agree)
  const site = inventory.website ? readSite(inventory.website, options.http) : null;
  // profiles finished before the website was read wait for it, so a streamed profile is the report's
  let website: WebsiteCheck | null | undefined = site ? undefined : null;
  const waiting: ProfileResult[] = [];
  const final = (result: ProfileResult) => {
    if (!options.onProfileFinal) return;
    if (website === undefined) waiting.push(result);
    else options.onProfileFinal(profileWithWebsite(result, website));
  };
  const websiteRead = site
    ? checkWebsite(inventory.website!, site, options.allProfiles ?? inventory.profiles).then((check) => {
        website = run.secrets.deep(check);
        for (const result of waiting.splice(0)) final(result);
        return website;
      })
    : Promise.resolve(null);
  await Promise.all(
    [...byHost].flatMap(([host, queue]) => {
      const lanes = hostLimits(
        host,
        { concurrency: settings.hostConcurrency, intervalMs: settings.hostIntervalMs },
        settings.hosts,
      ).concurrency;
      return Array.from({ length: Math.min(lanes, queue.length) }, () => lane(queue));
    }),
  )
    .then(() => Promise.all(finishing))
    .finally(() => Promise.all([pool?.close(), analysis?.close()]));
  inventory.profiles.forEach((profile, index) => {
    if (results[index]) return;
    const reason = 'interrupted: the run was stopped before this profile was audited';
    results[index] = resultFor(
      profile,
      safePlatformOf(profile),
      { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason } },
      inventory,
      options,
    );
    final(results[index]);
  });
  return buildReport(results, {
    company,
    settings,
    asOf: options.asOf,
    generatedAt: options.generatedAt,
    tool: options.tool,
    failOn: options.failOn ?? null,
    shard: options.shard ?? null,
    interrupted: options.stop?.aborted ?? false,
    networkDown: networkDown(tries),
    website: await websiteRead,
    branding: inventory.branding,
  });
}
