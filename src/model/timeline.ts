/** What an adapter produces: a normalised timeline, or a typed reason why there is none. */
import type { ApiUse } from './api-use.js';
import type { BioLinkStatus } from './identity.js';
import type { PlatformId } from './inventory.js';

/**
 * How a post relates to the conversation:
 * - `original`: a post of its own;
 * - `thread`: a reply to the account's own post (a self-thread; counts as original);
 * - `mention`: an original that starts by addressing someone (`@name ...`);
 * - `reply`: a reply to somebody else;
 * - `repost`: a boost / repost / retweet of somebody else's post.
 */
export type PostKind = 'original' | 'thread' | 'mention' | 'reply' | 'repost';

export interface Post {
  id: string;
  /** ISO 8601 UTC; null when the source gives no usable date. */
  createdAt: string | null;
  /** Plain text (HTML stripped), untrusted. */
  text: string;
  kind: PostKind;
  url: string | null;
  /** When the post replied to was written, where the source tells (response time). */
  inReplyToCreatedAt: string | null;
  /** A pinned post: shown first by the platform, dated when it was written. */
  pinned?: boolean;
  /**
   * Whom a reply answered, where an owner's download names them (a display name or handle). Only
   * counted ("answering 12 different people"), never printed: it is someone else's name.
   */
  answered?: string;
  /** A reply written under the profile's own post, where the source tells. */
  onOwnPost?: boolean;
  /** The reply answers someone's comment, though the download does not say whom (YouTube's `Parent Comment ID`). */
  answersSomeone?: boolean;
}

/**
 * A reply in a thread under one of the profile's posts (issue 17): by anyone — the audience, the
 * profile itself, or another profile of the inventory answering for it.
 */
export interface ThreadReply {
  id: string;
  /** The post it answers: the thread's root (the profile's post) or another reply of the thread. */
  parentId: string;
  /** Who wrote it, as a profile URL (matched against the inventory with authorKey). */
  author: string;
  createdAt: string | null;
  /** Plain text, untrusted. */
  text: string;
  url: string | null;
}

/** One of the profile's top-level posts that others replied to, with its thread as read (its own replies inside it). */
export interface AudienceThread {
  rootId: string;
  rootUrl: string | null;
  replies: ThreadReply[];
}

/** Why a profile's threads were not read though its source shows them: listening is off by setting. */
export const LISTENING_OFF = 'listening is off (settings.listenBudget or --listen is 0)';

/** The threads under the profile's own posts, read within the listening budget. */
export interface Listening {
  /** The profile's own author URL, as thread replies name it. */
  self: string;
  /** Own top-level posts in the window that others replied to (replies_count / replyCount > 0): the threads there are. */
  withReplies: number;
  /** The threads read: at most `budget`, newest first. */
  threads: AudienceThread[];
  budget: number;
  /** Requests the threads took. */
  requests: number;
  /** A thread that could not be read: the first reason, and how many. */
  failed: { count: number; reason: string } | null;
  /**
   * Threads within the budget left unread because a budget or a rate limit stopped the reading (not
   * failures: nothing was asked of them), and why; absent or null when nothing stopped it.
   */
  unread?: { count: number; reason: string } | null;
}

/** How the posts were obtained, reported as the metrics' method. */
export type SourceMethod = 'api' | 'feed' | 'html' | 'export';

export interface ProfileFacts {
  displayName: string | null;
  handle: string | null;
  /** The platform's own post count, where it shows one. */
  postsCount: number | null;
  /** The platform's own "last posted" date, where it shows one (ISO). */
  lastPostAt: string | null;
  /** Followers (subscribers of a subreddit), where the source shows them. */
  followers?: number | null;
  /** When the account was created (ISO), where the source shows it. */
  createdAt?: string | null;
  /** The first web link of the profile's bio or profile fields, where there is one (http(s) only). */
  bioLink?: string | null;
  /** The bio as plain text ('' when the platform shows it empty), where the source shows one. */
  bio?: string | null;
}

export interface Timeline {
  platform: PlatformId;
  method: SourceMethod;
  facts: ProfileFacts;
  /** Newest first is not required: analysis sorts. */
  posts: Post[];
  /**
   * The adapter read the source to its end (the API had no further page, or an owner's export holds
   * everything): nothing older exists. False or absent for sources that show only their newest items.
   */
  reachedEnd?: boolean;
  /**
   * Why the reading of the posts stopped before the source ended, where a budget or an API's limit
   * stopped it: the staleness spans it did not reach are lower bounds with this reason.
   */
  readStopped?: string;
  /** The posts were read from a walled platform's page that let some of them through. */
  partlyWalled?: boolean;
  /** The "posts" are dates printed on a web page (JSON-LD, <time>, Open Graph), not a platform's posts. */
  pageDates?: boolean;
  /** Whether the source can show replies (a feed cannot), and why not. */
  repliesVisible: boolean;
  repliesHiddenReason: string | null;
  /** Why reply times cannot be measured though replies are visible (an owner's download without what they answer). */
  responseTimeHiddenReason?: string;
  /** Whether reposts would appear in this source at all. */
  repostsVisible: boolean;
  /** A note on the sample, e.g. "feeds hold only the newest items". */
  sampleNote: string | null;
  /** The URL the posts came from (a discovered feed, an API endpoint), or the export file. */
  sourceUrl: string;
  /** The threads under the profile's posts (where the platform shows them and listening is on). */
  listening?: Listening;
  /** Why the audience's replies cannot be read from this source (when listening is not possible). */
  listeningOff?: string;
  /** Rows of an owner export that could not be read; the good rows are still used. */
  rejected?: { count: number; problems: string[] };
}

/** What the HTTP side of a profile fetch looked like, for the report. */
export interface FetchInfo {
  httpStatus: number | null;
  finalUrl: string | null;
  error: string | null;
  requests: number;
  /** The owner's API, where the profile has a credential for one: what it cost, or why it was not used. */
  api?: ApiUse;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      timeline: Timeline;
      fetch: FetchInfo;
      /** What opening the bio link showed (src/audit.ts, after the read); absent: not opened. */
      bioLinkStatus?: BioLinkStatus | null;
    }
  /** The profile is gone: 404/410, a dead host, a suspended account. */
  | { kind: 'unreachable'; reason: string; fetch: FetchInfo }
  /** A login wall, rate limit or anti-bot page: could not tell. */
  | {
      kind: 'blocked';
      reason: string;
      evidence: string;
      fetch: FetchInfo;
      /** How the owner gets the platform's data to the audit instead (its download or API), in the client's words. */
      advice?: string;
    }
  /** The fetch or parse failed: timeout, 5xx, malformed data, no adapter; `internal` when it was channel-audit's own bug. */
  | {
      kind: 'error';
      reason: string;
      fetch: FetchInfo;
      internal?: boolean;
      network?: NetworkFailure;
      /** What the owner can do about it, where the failure says (an owner download: which one to request, and where). */
      advice?: string;
    };

/**
 * The auditor's own network failed to reach a host (no DNS answer, a refused or reset connection, a
 * timeout): no platform answered, so it never decides a verdict (issue 31, item 6). `selfHosted` marks
 * the profile's own domain, not a platform's, that the resolver says does not exist: that one is gone
 * when this machine resolves other names.
 */
export interface NetworkFailure {
  host: string;
  kind: 'dns' | 'connection' | 'timeout';
  selfHostedNoSuchHost?: boolean;
}
