/** The validated inventory: what the user asked to audit, and how. */
import type { ReportBranding } from './report.js';

// the platform ids, API platforms and endpoint settings, written from the registry by `npm run generate`
export { API_PLATFORMS, type ApiPlatform, type Endpoints, PLATFORMS, type PlatformId } from './platforms.generated.js';
import type { ApiPlatform, Endpoints, PlatformId } from './platforms.generated.js';

/**
 * A credential, by reference: the name of the environment variable that holds it, read at run time.
 * The value is never written in the inventory, and never appears in a report, recording, cache or log.
 */
export interface AuthRef {
  env: string;
  /** At most this many API calls (YouTube: quota units) per run for this credential; null: no cap. */
  budget: number | null;
  /**
   * The one origin (`https://host[:port]`) the credential is sent to, named in the inventory; null:
   * the documented origin of its platform's API (the default of its endpoint setting).
   */
  origin: string | null;
}

export interface Weights {
  freshness: number;
  conversation: number;
  authenticity: number;
}

export interface Settings {
  /** A profile whose last post is older than this is `stale`. */
  staleAfterDays: number;
  /** A profile whose last post is older than this is `abandoned`. */
  abandonedAfterDays: number;
  /** How many replies in one group make a template. */
  cannedMinClusterSize: number;
  /**
   * How alike a template's replies are on average (0..1): the mean, over every pair of its replies, of the
   * Jaccard similarity of their word pairs; groups of replies merge while it is at least this (average link).
   * A reply left out then follows a template it matches on average at CANNED_FOLLOW_SHARE of it, by its
   * content words (analysis/stragglers.ts).
   */
  cannedSimilarity: number;
  /** The audit window: conversation, promo, canned and response-time metrics count the posts of the last this many days ... */
  windowDays: number;
  /** ... or, when the window holds fewer, the newest this many posts (see model/sample.ts). */
  minSamplePosts: number;
  /** At most this many posts (the newest) are read and counted per profile. */
  maxPosts: number;
  /** Score weights; a score that is not available weighs 0. */
  weights: Weights;
  endpoints: Endpoints;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Time one profile may take to read, all its requests together, in milliseconds. */
  profileTimeoutMs: number;
  /** Requests in flight at once across all hosts (and profiles audited at the same time). */
  concurrency: number;
  /** Requests in flight at once to one host, and the least time between their starts. */
  hostConcurrency: number;
  hostIntervalMs: number;
  /** Added to hostIntervalMs so the gap a host sees holds on a busy machine; null: 2% or 5 ms, whichever is larger. */
  hostIntervalMarginMs: number | null;
  /** Per-host overrides of hostConcurrency / hostIntervalMs, by host name. */
  hosts: Record<string, { concurrency?: number; intervalMs?: number }>;
  /** A 429/503 Retry-After longer than this is not waited for: the profile is reported as rate limited. */
  maxRetryAfterSeconds: number;
  /** The User-Agent header; null: channel-audit's own, naming its version and home page. */
  userAgent: string | null;
  /** Follow redirects from public addresses into private ones (loopback, 10/8, 169.254/16, …): for intranet audits only. */
  allowPrivateRedirects: boolean;
  /** The zone of local times in owner exports that write none (TikTok, LinkedIn): `UTC` or an offset such as `+02:00`. */
  exportTimeZone: string;
  /** Threads under the profile's own posts read per profile to see who answers its audience; 0 turns listening off. */
  listenBudget: number;
  /** API credentials per platform, by environment variable (a profile's own `auth` overrides its platform's). */
  auth: Partial<Record<ApiPlatform, AuthRef>>;
}

/** Thresholds the inventory asserts (Lighthouse CI style), each turning into a finding when broken. */
export const ASSERTIONS = [
  'maxDaysSinceLastPost',
  'minPostsPerWeek',
  'minConversationRatio',
  'maxPromoRatio',
  'maxCannedRatio',
  'maxMedianResponseMinutes',
  'minAnsweredRate',
  'maxMedianAnswerMinutes',
  'minScore',
] as const;
export type AssertionName = (typeof ASSERTIONS)[number];

/** `error` findings are critical, `warn` findings are warnings; `off` switches off what a wider level asserted. */
export interface Assertion {
  level: 'warn' | 'error';
  limit: number;
}
export type AssertLayer = Partial<Record<AssertionName, Assertion | 'off'>>;

/** Assertions for the profiles with any of these tags and/or on one of these platforms (null: any). */
export interface AssertFor {
  tags: string[] | null;
  platforms: PlatformId[] | null;
  assert: AssertLayer;
}

export interface ProfileSpec {
  /** Stable id, derived from the URL (or given): used to key findings and baselines. */
  id: string;
  url: string;
  /** Forced platform; otherwise detected from the URL. */
  platform: PlatformId | null;
  name: string | null;
  owner: string | null;
  tags: string[];
  /** Per-profile endpoint overrides, merged over the settings' endpoints. */
  endpoints: Partial<Endpoints>;
  /** The owner's export to read instead of the live profile (paths resolved against the inventory's folder). */
  export: ExportSpec | null;
  /** The profile's own assertions, over the inventory's `assert` and matching `assertFor` entries. */
  assert: AssertLayer;
  /** The profile's own API credential, over `settings.auth` for its platform; none: the platform's, if any. */
  auth?: AuthRef | null;
}

/** The columns of a posts file (sources/posts-file/rows.ts documents each). */
export const POST_COLUMNS = [
  'date',
  'text',
  'isReply',
  'inReplyToDate',
  'inReplyToId',
  'isRepost',
  'id',
  'author',
] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];

/** A yes/no column made from the file's own: true where a column has a value, or where it has one of these values. */
export type BooleanRule = { present: string } | { column: string; equals: string[] };

/** How dates are written in a mapped posts file: `auto` reads every form of sources/dates.ts. */
export const DATE_FORMATS = [
  'auto',
  'epoch-seconds',
  'epoch-ms',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD.MM.YYYY',
  'YYYY/MM/DD',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A posts file in someone else's columns (`posts: {file, columns, where, dateFormat}`). */
export interface PostsMapping {
  /** Each of our columns, from one of the file's (a name) or made by a rule. */
  columns: Partial<Record<PostColumn, string | BooleanRule>>;
  /** Only rows whose column has one of the values are read (one brand's rows of a many-brand log). */
  where: Record<string, string[]>;
  dateFormat: DateFormat;
  /** Local times without a zone are in this zone (an offset such as +02:00); null: UTC. */
  timeZone: string | null;
}

/** An owner-supplied export: the X/Twitter data archive (tweets.js or the .zip), or a generic posts file. */
export interface ExportSpec {
  kind: 'archive' | 'posts';
  /** As written in the inventory, for messages. */
  path: string;
  /** Resolved against the inventory file's folder. */
  resolved: string;
  /** The inventory file's folder: an export must stay inside it (symlinks included) unless `allowOutside`. */
  root: string;
  /** `--allow-outside-paths`: read exports anywhere. Their content is then never quoted in a report. */
  allowOutside: boolean;
  /** For a posts file in someone else's columns: how to read them; none: our documented columns. */
  mapping?: PostsMapping | null;
}

export interface Inventory {
  /** Path of the inventory file, as given. */
  file: string;
  company: string;
  /** The company's website: the audit checks which profiles it links to. */
  website: string | null;
  settings: Settings;
  /** Assertions for every profile, and for profiles by tag or platform. */
  assert: AssertLayer;
  assertFor: AssertFor[];
  profiles: ProfileSpec[];
  /** The consultant's branding; null without a `report:` section. Its logo is read by loadInventory. */
  branding: ReportBranding | null;
  /** The `report.logo` file, resolved against the inventory's folder; read into `branding.logo` by loadInventory. */
  logo: { path: string; resolved: string; root: string } | null;
  /** Where the file was read other than as written (a platform alias such as `rss`), as `file:line:col: message`. */
  notes: string[];
}

/**
 * The mean similarity, by content words (word pairs with the stop words dropped), a reply left out of every
 * template needs to a template to follow it, as a share of cannedSimilarity: 0.25 at the default 0.275, where it
 * was chosen on the tune half of issue 34's labels; a stricter setting asks as much more of a follower.
 */
export const CANNED_FOLLOW_SHARE = 0.25 / 0.275;
