/**
 * Reddit users (/user/NAME, /u/NAME) and subreddits (/r/NAME), from the public JSON listings:
 * `about.json` (exists? suspended? banned? private?), then `overview.json` for a user (submissions and
 * comments together, newest first) or `new.json` for a subreddit, paged by `after` until the sample is
 * covered (model/sample.ts). Reddit often refuses anonymous readers (403 "blocked by network security", or an HTML page
 * instead of JSON): that is `blocked`, never `unreachable`. Endpoints come from `endpoints.reddit`.
 */
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import { toIso } from '../../sources/text.js';
import type { HttpResponse } from '../../http/types.js';
import { pagingDone, type FetchOutcome, type Post, type ProfileSpec } from '../../model/index.js';
import { judgeStatus, parseError, parseJson, trackedFetch } from '../kit/outcomes.js';
import { commentTree, type Listing, ListingError, parseListing } from './listing.js';
import { listen, stopIfRateLimited } from '../kit/listen.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { REDDIT_PROFILE } from './urls.js';

type Failure = Exclude<FetchOutcome, { kind: 'ok' }>;

/** Reddit's ways of refusing an anonymous reader, as `blocked` with the evidence. */
function refused(res: HttpResponse, http: TrackedHttp): Failure | null {
  const body = res.body.subarray(0, 4096).toString('utf8');
  const html = /^\s*</.test(body);
  // only Reddit's own refusal page, never a comment in a JSON listing that happens to say the words
  const network = res.status === 403 || html ? /blocked by network security/i.exec(body) : null;
  if (network)
    return http.blocked(
      'Reddit refused the anonymous request',
      `reddit-network-security: HTTP ${res.status} "${network[0]}"`,
    );
  if (res.status === 403 && /"reason"\s*:\s*"(private|quarantined|gold_only)"/.test(body)) {
    const reason = /"reason"\s*:\s*"([a-z_]+)"/.exec(body)![1];
    return http.blocked(`the subreddit is ${reason}: its posts are not public`, `reddit-${reason}: HTTP 403`);
  }
  if (res.status === 200 && html) {
    const title = /<title>([^<]{0,80})/i.exec(body)?.[1]?.trim() ?? 'an HTML page';
    return http.blocked('Reddit answered with an HTML page instead of JSON', `reddit-html-instead-of-json: "${title}"`);
  }
  return null;
}

async function getJson(http: TrackedHttp, url: string, what: string): Promise<{ json: unknown } | Failure> {
  const res = await http.get(url, { accept: 'application/json' });
  const wall = refused(res, http);
  if (wall) return wall;
  const failed = judgeStatus(res, http, what);
  if (failed) return failed;
  try {
    return { json: parseJson(res) };
  } catch (error) {
    return parseError(http, `${what} JSON`, (error as Error).message);
  }
}

async function readReddit(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const match = REDDIT_PROFILE.exec(new URL(profile.url).pathname);
  if (!match) return http.fail('error', 'not a Reddit user or subreddit URL (expected /user/NAME or /r/NAME)');
  const isUser = match[1] !== 'r';
  const name = match[2]!;
  const base = ctx.endpoints.reddit.replace(/\/+$/, '');
  const prefix = isUser ? `/user/${name}` : `/r/${name}`;
  const what = isUser ? `Reddit user u/${name}` : `subreddit r/${name}`;
  const about = await getJson(http, `${base}${prefix}/about.json?raw_json=1`, what);
  if (!('json' in about)) return about;
  const data = (about.json as { data?: Record<string, unknown> } | null)?.data ?? {};
  if (data.is_suspended === true) return http.fail('unreachable', `${what} is suspended`);

  const posts: Post[] = [];
  const submissions: Listing['submissions'] = [];
  const seenAfter = new Set<string>();
  let after: string | null = null;
  let reachedEnd = false;
  while (!pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    const listingUrl = `${base}${prefix}/${isUser ? 'overview' : 'new'}.json?limit=100&sort=new&raw_json=1${after ? `&after=${after}` : ''}`;
    const got = await getJson(http, listingUrl, what);
    if (!('json' in got)) return got;
    let listing: ReturnType<typeof parseListing>;
    try {
      listing = parseListing(got.json, 'https://www.reddit.com');
    } catch (error) {
      if (error instanceof ListingError) return parseError(http, `${what} listing`, error.message);
      throw error;
    }
    for (const post of listing.posts) posts.push(post);
    for (const s of listing.submissions) submissions.push(s);
    after = listing.after;
    if (!after || listing.posts.length === 0 || seenAfter.has(after)) {
      reachedEnd = !after || listing.posts.length === 0;
      break;
    }
    seenAfter.add(after);
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const publicDescription =
    str(data.public_description) ?? str((data.subreddit as Record<string, unknown> | undefined)?.public_description);
  // an empty description is a bio shown empty; no description field at all is no bio shown
  const hasDescription =
    typeof data.public_description === 'string' ||
    typeof (data.subreddit as Record<string, unknown> | undefined)?.public_description === 'string';
  const listening = isUser
    ? await listen(`https://www.reddit.com/user/${name}`, submissions, ctx, http, async (s) => {
        const res = await http.get(`${base}/comments/${encodeURIComponent(s.id)}.json?raw_json=1&depth=6&limit=200`, {
          accept: 'application/json',
          retries: 0, // one request per thread: the budget is the cost
        });
        stopIfRateLimited(res);
        if (res.status !== 200 || refused(res, http)) throw new Error(`HTTP ${res.status} for the comments of ${s.id}`);
        return { ...commentTree(parseJson(res), s.id, 'https://www.reddit.com'), rootUrl: s.url };
      })
    : { listeningOff: "a subreddit's submissions are by anyone: whose audience a reply is cannot be told" };
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      ...listening,
      platform: 'reddit',
      method: 'api',
      facts: {
        displayName: isUser ? `u/${str(data.name) ?? name}` : (str(data.title) ?? `r/${name}`),
        handle: isUser ? `u/${name}` : `r/${name}`,
        postsCount: null,
        lastPostAt: null,
        // a subreddit's subscribers are its followers; a user's followers are not public
        followers: !isUser && typeof data.subscribers === 'number' ? data.subscribers : null,
        createdAt: typeof data.created_utc === 'number' ? toIso(data.created_utc * 1000) : null,
        bioLink: firstWebLink(publicDescription),
        bio: hasDescription ? bioText(publicDescription ?? '') : null,
      },
      posts: isUser ? posts : posts.map((p) => ({ ...p, kind: p.kind === 'repost' ? 'repost' : 'original' })),
      reachedEnd,
      repliesVisible: isUser,
      repliesHiddenReason: isUser ? null : "a subreddit listing shows submissions by anyone, not the brand's replies",
      repostsVisible: true,
      sampleNote: isUser
        ? 'the public overview listing (submissions and comments)'
        : "the subreddit's newest submissions, by any member",
      sourceUrl: `${base}${prefix}`,
    },
  };
}

export const reddit: PlatformAdapter = {
  id: 'reddit',
  fetch: trackedFetch(readReddit),
};
