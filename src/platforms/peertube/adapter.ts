/**
 * PeerTube (any server), from its public REST API on the profile URL's origin:
 *   GET /api/v1/accounts/NAME            or  /api/v1/video-channels/NAME      → the actor (404: gone)
 *   GET /api/v1/accounts/NAME/videos?sort=-publishedAt&start=N&count=25   → {total, data: Video[]}
 * paged by `start` until the sample is covered (model/sample.ts) or `total` is reached.
 */
import { firstWebLink } from '../../sources/bio-link.js';
import { bioText } from '../../sources/bio-text.js';
import {
  pagingDone,
  tryDecodeURIComponent,
  type FetchOutcome,
  type Post,
  type ProfileSpec,
} from '../../model/index.js';
import { htmlToText, toIso } from '../../sources/text.js';
import { judgeStatus, parseError, parseJson, trackedFetch } from '../kit/outcomes.js';
import type { TrackedHttp } from '../kit/tracked-http.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { PEERTUBE_PATH } from './index.js';

export interface PeerTubeVideo {
  uuid?: string;
  id?: number;
  name?: string;
  description?: string | null;
  url?: string;
  publishedAt?: string;
  originallyPublishedAt?: string | null;
}

interface PeerTubeActor {
  name?: string;
  displayName?: string;
  host?: string;
  followersCount?: number;
  createdAt?: string;
  description?: string | null;
  support?: string | null;
}

const PAGE = 25;

/** The actor a PeerTube URL names: an account or a video channel, and its name (`name` or `name@host`). */
export function peertubeActor(url: URL): { kind: 'accounts' | 'video-channels'; name: string } | null {
  const m = PEERTUBE_PATH.exec(url.pathname);
  if (!m) return null;
  const short = m[1];
  const name = tryDecodeURIComponent((m[2] ?? m[4])!);
  if (name === null) return null;
  const kind = short ? (short === 'a' ? 'accounts' : 'video-channels') : (m[3] as 'accounts' | 'video-channels');
  return { kind, name };
}

export function videoToPost(v: PeerTubeVideo): Post {
  const text = [v.name ?? '', htmlToText(v.description ?? '')].filter(Boolean).join(' — ');
  return {
    id: String(v.uuid ?? v.id ?? v.url ?? ''),
    createdAt: toIso(v.publishedAt ?? v.originallyPublishedAt ?? undefined),
    text,
    kind: 'original',
    url: v.url ?? null,
    inReplyToCreatedAt: null,
  };
}

async function readPeerTube(profile: ProfileSpec, ctx: AdapterContext, http: TrackedHttp): Promise<FetchOutcome> {
  const url = new URL(profile.url);
  const actor = peertubeActor(url);
  if (!actor)
    return http.fail('error', `not a PeerTube account or channel URL (expected ${url.origin}/a/NAME or /c/NAME)`);
  const base = `${url.origin}/api/v1/${actor.kind}/${encodeURIComponent(actor.name)}`;
  const what = `PeerTube ${actor.kind === 'accounts' ? 'account' : 'channel'} ${actor.name}`;
  const res = await http.get(base, { accept: 'application/json' });
  const failed = judgeStatus(res, http, what);
  if (failed) return failed;
  let info: PeerTubeActor;
  try {
    info = parseJson(res) as PeerTubeActor;
    if (!info || typeof info !== 'object' || typeof info.name !== 'string') throw new Error('no "name" in the actor');
  } catch (error) {
    return parseError(http, `${what} response`, (error as Error).message);
  }

  const posts: Post[] = [];
  let total: number | null = null;
  let reachedEnd = false;
  while (!pagingDone(posts, ctx.asOf, ctx.settings)) {
    ctx.budget?.read(posts.length);
    const page = await http.get(`${base}/videos?sort=-publishedAt&start=${posts.length}&count=${PAGE}`, {
      accept: 'application/json',
    });
    const pageFailed = judgeStatus(page, http, `videos of ${what}`);
    if (pageFailed) return pageFailed;
    let body: { total?: number; data?: PeerTubeVideo[] };
    try {
      body = parseJson(page) as typeof body;
      if (!Array.isArray(body?.data)) throw new Error('expected {"total": …, "data": [...]}');
    } catch (error) {
      return parseError(http, `${what} video list`, (error as Error).message);
    }
    total = typeof body.total === 'number' ? body.total : total;
    for (const video of body.data) posts.push(videoToPost(video));
    if (body.data.length === 0 || (total !== null && posts.length >= total)) {
      reachedEnd = true;
      break;
    }
  }

  return {
    kind: 'ok',
    fetch: http.fetchInfo(),
    timeline: {
      platform: 'peertube',
      method: 'api',
      facts: {
        displayName: info.displayName || null,
        handle: `${info.name}@${info.host ?? url.host}`,
        postsCount: total,
        lastPostAt: null,
        followers: typeof info.followersCount === 'number' ? info.followersCount : null,
        createdAt: toIso(info.createdAt),
        bioLink: firstWebLink(info.description, info.support),
        bio: bioText(info.description ?? ''),
      },
      posts,
      reachedEnd,
      repliesVisible: false,
      repliesHiddenReason:
        "PeerTube's video list shows videos; replies live in per-video comment threads, which are not read",
      repostsVisible: false,
      sampleNote: null,
      sourceUrl: `${base}/videos`,
    },
  };
}

export const peertube: PlatformAdapter = {
  id: 'peertube',
  fetch: trackedFetch(readPeerTube),
};
