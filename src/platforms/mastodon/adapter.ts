/**
 * Mastodon (and other Mastodon-API servers, any origin):
 *   GET /api/v1/accounts/lookup?acct=NAME → account
 *   GET /api/v1/accounts/:id/statuses?limit=40, paged by the Link header until the sample is covered (model/sample.ts).
 * A reblog is a repost; in_reply_to_account_id equal to the account's own id is a self-thread.
 */
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import { pagingDone, type AudienceThread, type FetchOutcome, type Post, type ProfileSpec } from '../../model/index.js';
import { linkRel } from '../kit/link-header.js';
import { judgeStatus, parseError, parseJson, trackedFetch } from '../kit/outcomes.js';
import { htmlToText, isMentionLed, toIso } from '../../sources/text.js';
import { mastodonIdTime } from '../../sources/snowflake.js';
import { listen, stopIfRateLimited } from '../kit/listen.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { acctFromUrl } from './urls.js';

export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name?: string;
  statuses_count?: number;
  last_status_at?: string | null;
  suspended?: boolean;
  /** The account's profile page, as thread replies name their authors. */
  url?: string;
  followers_count?: number;
  created_at?: string;
  note?: string;
  /** Profile fields; a verified one (`verified_at`) is a link the owner proved is theirs. */
  fields?: Array<{ name?: string; value?: string; verified_at?: string | null }>;
}

export interface MastodonStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  reblog: MastodonStatus | null;
  content: string;
  spoiler_text?: string;
  url: string | null;
  pinned?: boolean;
  replies_count?: number;
  account?: { url?: string };
}

/** `GET /api/v1/statuses/:id/context`: the statuses above and below one. */
interface MastodonContext {
  ancestors: MastodonStatus[];
  descendants: MastodonStatus[];
}

/** The thread under one of the account's statuses, from its context (descendants in reply order). */
async function readThread(origin: string, status: MastodonStatus, http: TrackedHttp): Promise<AudienceThread> {
  const res = await http.get(`${origin}/api/v1/statuses/${encodeURIComponent(status.id)}/context`, {
    accept: 'application/json',
    retries: 0, // one request per thread: the budget is the cost
  });
  stopIfRateLimited(res);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for the thread of status ${status.id}`);
  const context = parseJson(res) as MastodonContext;
  if (!Array.isArray(context?.descendants)) throw new Error(`no descendants in the thread of status ${status.id}`);
  return {
    rootId: String(status.id),
    rootUrl: status.url ?? null,
    replies: context.descendants.flatMap((d) =>
      d === null ||
      typeof d !== 'object' ||
      d.in_reply_to_id === null ||
      d.in_reply_to_id === undefined ||
      typeof d.account?.url !== 'string'
        ? []
        : [
            {
              id: String(d.id),
              parentId: String(d.in_reply_to_id),
              author: d.account.url,
              createdAt: toIso(d.created_at),
              text: htmlToText(d.content ?? ''),
              url: d.url ?? null,
            },
          ],
    ),
  };
}

/** The first status of a page that cannot be read ("status 3 is null"), or null: each must be an object with an id. */
export function malformedStatus(statuses: readonly unknown[]): string | null {
  for (const [i, s] of statuses.entries()) {
    if (s === null || typeof s !== 'object' || Array.isArray(s))
      return `status ${i + 1} is ${s === null ? 'null' : Array.isArray(s) ? 'an array' : `a ${typeof s}`}, expected an object`;
    const id = (s as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') return `status ${i + 1} has no id`;
  }
  return null;
}

export function statusToPost(status: MastodonStatus, accountId: string): Post {
  // servers before 2.0 (2017) send numeric ids: compare and keep them as strings
  const id = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  const base = {
    id: String(status.id),
    createdAt: toIso(status.created_at),
    url: status.url ?? null,
    pinned: status.pinned === true,
  };
  if (status.reblog) {
    return { ...base, text: htmlToText(status.reblog.content ?? ''), kind: 'repost', inReplyToCreatedAt: null };
  }
  const text = [status.spoiler_text, htmlToText(status.content ?? '')].filter(Boolean).join('\n');
  const repliedTo = id(status.in_reply_to_account_id);
  const parentId = id(status.in_reply_to_id);
  if (repliedTo === null) {
    if (parentId) return { ...base, text, kind: 'reply', inReplyToCreatedAt: mastodonIdTime(parentId) };
    return { ...base, text, kind: isMentionLed(text) ? 'mention' : 'original', inReplyToCreatedAt: null };
  }
  if (repliedTo === String(accountId)) return { ...base, text, kind: 'thread', inReplyToCreatedAt: null };
  return { ...base, text, kind: 'reply', inReplyToCreatedAt: mastodonIdTime(parentId) };
}

async function readMastodon(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const url = new URL(profile.url);
  const acct = acctFromUrl(url);
  if (!acct) {
    return http.fail('error', `not a Mastodon profile URL (expected ${url.origin}/@name)`);
  }
  const lookup = await http.get(`${url.origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`, {
    accept: 'application/json',
  });
  const failed = judgeStatus(lookup, http, `Mastodon account @${acct}`);
  if (failed) return failed;
  let account: MastodonAccount;
  try {
    account = parseJson(lookup) as MastodonAccount;
    if (typeof account?.id !== 'string' && typeof account?.id !== 'number')
      throw new Error('no account id in the lookup response');
    account.id = String(account.id);
  } catch (error) {
    return parseError(http, 'Mastodon account', (error as Error).message);
  }
  if (account.suspended) {
    return http.fail('unreachable', `Mastodon account @${acct} is suspended`);
  }

  const posts: Post[] = [];
  const own: MastodonStatus[] = [];
  const seenPages = new Set<string>();
  let next: string | null = `${url.origin}/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?limit=40`;
  // the page whose Link header named `next`: a next page at a private address is refused from a public one
  let from: string | undefined;
  let reachedEnd = false;
  while (next && !seenPages.has(next) && !pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    seenPages.add(next);
    const page = await http.get(next, { accept: 'application/json', from });
    const pageFailed = judgeStatus(page, http, `statuses of @${acct}`);
    if (pageFailed) return pageFailed;
    let statuses: MastodonStatus[];
    try {
      statuses = parseJson(page) as MastodonStatus[];
      if (!Array.isArray(statuses)) throw new Error('expected an array of statuses');
      const bad = malformedStatus(statuses);
      if (bad !== null) throw new Error(bad);
    } catch (error) {
      return parseError(http, 'Mastodon statuses page', (error as Error).message);
    }
    for (const s of statuses) {
      posts.push(statusToPost(s, account.id));
      // a thread is one of its top-level statuses: a reply of its own (to itself or to someone) is inside one
      if (!s.reblog && (s.in_reply_to_id === null || s.in_reply_to_id === undefined)) own.push(s);
    }
    next = statuses.length === 0 ? null : linkRel(page.headers.link, 'next', page.finalUrl);
    from = page.finalUrl;
    reachedEnd = next === null;
  }

  const self = typeof account.url === 'string' ? account.url : profile.url;
  const listening = await listen(
    self,
    own.map((s) => ({ status: s, id: String(s.id), createdAt: toIso(s.created_at), replies: s.replies_count ?? 0 })),
    ctx,
    http,
    (c) => readThread(url.origin, c.status, http),
  );
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'mastodon',
      method: 'api',
      facts: {
        displayName: account.display_name || null,
        handle: `@${account.acct}`,
        postsCount: typeof account.statuses_count === 'number' ? account.statuses_count : null,
        lastPostAt: toIso(account.last_status_at),
        followers: typeof account.followers_count === 'number' ? account.followers_count : null,
        createdAt: toIso(account.created_at),
        bioLink: bioLinkOf(account),
        bio: bioText(typeof account.note === 'string' ? account.note : '', true),
      },
      posts,
      reachedEnd,
      repliesVisible: true,
      repliesHiddenReason: null,
      repostsVisible: true,
      sampleNote: null,
      sourceUrl: `${url.origin}/api/v1/accounts/${account.id}/statuses`,
    },
  };
}

export const mastodon: PlatformAdapter = {
  id: 'mastodon',
  fetch: trackedFetch(readMastodon),
};

/** The first web link of the profile: a verified field first, then any field, then the bio. */
function bioLinkOf(account: MastodonAccount): string | null {
  const fields = Array.isArray(account.fields) ? account.fields : [];
  const verified = fields.filter((f) => f?.verified_at).map((f) => f.value);
  return firstWebLink(...verified, ...fields.map((f) => f?.value), account.note);
}
