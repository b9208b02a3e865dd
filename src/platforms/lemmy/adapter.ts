/**
 * Lemmy (any server), from its public JSON API on the community URL's origin, no login:
 *   GET /api/v3/community?name=NAME → {community_view: {community, counts}, moderators, …}
 *   GET /api/v3/post/list?community_name=NAME&sort=New&limit=50&page=N → {posts: PostView[], next_page?}
 * paged until the sample is covered (model/sample.ts) or a page comes back short.
 * Versions: 0.19 writes `published` with a zone (`…Z`); 0.18 wrote it without one, meaning UTC, which
 * is how the date reader takes a zoneless date-time. 0.19 also answers a `next_page` cursor; `page`
 * still works there and is the one both versions know. A community's pinned posts (`featured_community`)
 * come first on page 1 whatever their age: they are kept, marked pinned, and do not count as coverage.
 * A community that does not exist is Lemmy's own `{"error":"couldnt_find_community"}` (HTTP 404, or
 * 400 when the lookup failed otherwise); any other answer that is not Lemmy's JSON is an error — the
 * server may not be Lemmy at all — never "gone".
 */
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import { pagingDone, type FetchOutcome, type Post, type ProfileSpec } from '../../model/index.js';
import type { HttpResponse } from '../../http/types.js';
import { toIso } from '../../sources/text.js';
import { judgeStatus, parseError, parseJson, trackedFetch } from '../kit/outcomes.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { NO_COMMENTS } from './index.js';
import { communityFromUrl } from './urls.js';

export interface LemmyCommunity {
  name?: string;
  title?: string;
  description?: string | null;
  published?: string;
  actor_id?: string;
}

export interface LemmyPostView {
  post?: {
    id?: number;
    name?: string;
    body?: string | null;
    url?: string | null;
    published?: string;
    ap_id?: string;
    featured_community?: boolean;
  };
  counts?: { comments?: number };
}

interface CommunityResponse {
  community_view?: { community?: LemmyCommunity; counts?: { posts?: number; subscribers?: number } };
}

/** Lemmy's largest page (`limit` above 50 is refused). */
const PAGE = 50;

export function postViewToPost(view: LemmyPostView): Post {
  const p = view.post ?? {};
  const text = [p.name ?? '', p.body ?? '', p.url ?? ''].filter(Boolean).join(' — ');
  return {
    id: String(p.id ?? p.ap_id ?? ''),
    createdAt: toIso(p.published),
    text,
    kind: 'original',
    url: p.ap_id ?? null,
    inReplyToCreatedAt: null,
    ...(p.featured_community === true ? { pinned: true } : {}),
  };
}

/** Lemmy's error name in a JSON answer (`{"error":"couldnt_find_community"}`), or null for any other body. */
function lemmyError(res: HttpResponse): string | null {
  try {
    const body = parseJson(res) as { error?: unknown };
    return typeof body?.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

/** A failed answer judged: only Lemmy's own "no such community" is gone; a 404 page of another kind of server is an error. */
function judge(res: HttpResponse, http: TrackedHttp, what: string, origin: string) {
  if (res.status === 404 || res.status === 400) {
    const error = lemmyError(res);
    if (error === 'couldnt_find_community')
      return http.fail('unreachable', `${what} not found (Lemmy answered couldnt_find_community, HTTP ${res.status})`);
    if (error === null) return notLemmy(http, origin, `HTTP ${res.status} from ${res.finalUrl}`);
    return http.fail('error', `${what}: Lemmy answered ${error} (HTTP ${res.status} from ${res.finalUrl})`);
  }
  return judgeStatus(res, http, what);
}

function hostOf(actorId: string | undefined): string | null {
  try {
    return actorId ? new URL(actorId).host : null;
  } catch {
    return null;
  }
}

const notLemmy = (http: TrackedHttp, origin: string, detail: string) =>
  http.fail(
    'error',
    `${origin} did not answer as a Lemmy server (${detail}); a PeerTube channel's /c/NAME needs platform: peertube`,
  );

async function readLemmy(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const url = new URL(profile.url);
  const name = communityFromUrl(url);
  if (!name) return http.fail('error', `not a Lemmy community URL (expected ${url.origin}/c/NAME)`);
  const what = `Lemmy community ${name}`;
  const api = `${url.origin}/api/v3`;
  const res = await http.get(`${api}/community?name=${encodeURIComponent(name)}`, { accept: 'application/json' });
  const failed = judge(res, http, what, url.origin);
  if (failed) return failed;
  let view: NonNullable<CommunityResponse['community_view']>;
  try {
    const body = parseJson(res) as CommunityResponse;
    if (typeof body?.community_view?.community?.name !== 'string')
      return notLemmy(http, url.origin, 'its answer has no community_view.community.name');
    view = body.community_view;
  } catch {
    return notLemmy(http, url.origin, `its answer is not JSON (${res.headers['content-type'] ?? 'no content type'})`);
  }
  const community = view.community!;

  const posts: Post[] = [];
  let reachedEnd = false;
  for (let page = 1; !pagingDone(posts, ctx.asOf, ctx.settings); page++) {
    ctx.budget?.read(posts.length);
    const list = await http.get(
      `${api}/post/list?community_name=${encodeURIComponent(name)}&sort=New&limit=${PAGE}&page=${page}`,
      { accept: 'application/json' },
    );
    const pageFailed = judge(list, http, `posts of ${what}`, url.origin);
    if (pageFailed) return pageFailed;
    let views: unknown[];
    try {
      const body = parseJson(list) as { posts?: unknown };
      if (!Array.isArray(body?.posts)) throw new Error('expected {"posts": [...]}');
      views = body.posts;
      const bad = views.findIndex(
        (v) => v === null || typeof v !== 'object' || typeof (v as LemmyPostView).post !== 'object',
      );
      if (bad >= 0) throw new Error(`post ${bad + 1} has no "post" object`);
    } catch (error) {
      return parseError(http, `${what} post list`, (error as Error).message);
    }
    for (const v of views) posts.push(postViewToPost(v as LemmyPostView));
    if (views.length < PAGE) {
      reachedEnd = true;
      break;
    }
  }

  const counts = view.counts ?? {};
  const host = hostOf(community.actor_id) ?? url.host; // a remote community's home server
  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      platform: 'lemmy',
      method: 'api',
      facts: {
        displayName: community.title || null,
        handle: `!${community.name}@${host}`,
        postsCount: typeof counts.posts === 'number' ? counts.posts : null,
        lastPostAt: null,
        followers: typeof counts.subscribers === 'number' ? counts.subscribers : null,
        createdAt: toIso(community.published),
        bioLink: firstWebLink(community.description),
        bio: bioText(community.description ?? ''),
      },
      posts,
      reachedEnd,
      repliesVisible: false,
      repliesHiddenReason: `Lemmy: ${NO_COMMENTS}`,
      repostsVisible: false,
      sampleNote: null,
      sourceUrl: `${api}/post/list?community_name=${encodeURIComponent(name)}&sort=New`,
    },
  };
}

export const lemmy: PlatformAdapter = {
  id: 'lemmy',
  fetch: trackedFetch(readLemmy),
};
