/** An owner's export as a profile's source: the X archive or a posts file → Timeline, or a typed error. */
import { stat } from 'node:fs/promises';
import type { FetchOutcome, PlatformId, Post, ProfileFacts, ProfileSpec, Timeline } from '../model/index.js';
import { JsonArrayError } from './json-array.js';
import { PostsFileError, readPostsFile } from './posts-file.js';
import { ArchiveError, readXArchive } from './x-archive-files.js';

const NO_FETCH = { httpStatus: null, finalUrl: null, requests: 0 };

function failed(reason: string): FetchOutcome {
  return { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason } };
}

/** The @name in an x.com / twitter.com profile URL, used when the archive has no account.js. */
export function xHandleFromUrl(url: string): string | null {
  const u = new URL(url);
  if (!/(^|\.)(x|twitter)\.com$/i.test(u.hostname)) return null;
  return /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(u.pathname)?.[1] ?? null;
}

function span(posts: Post[]): string {
  const dates = posts.flatMap((p) => (p.createdAt ? [p.createdAt.slice(0, 10)] : [])).sort();
  return dates.length ? `, ${dates[0]} to ${dates.at(-1)}` : '';
}

/** An export is the complete record: every post, replies and reposts included. */
function exported(platform: PlatformId, path: string, posts: Post[], facts: Pick<ProfileFacts, 'displayName' | 'handle'>, note: string, rejected?: Timeline['rejected']): FetchOutcome {
  const timeline: Timeline = {
    platform,
    method: 'export',
    facts: { ...facts, postsCount: posts.length, lastPostAt: null },
    posts,
    reachedEnd: true,
    repliesVisible: true,
    repliesHiddenReason: null,
    repostsVisible: true,
    sampleNote: `${note}${span(posts)}`,
    sourceUrl: path,
    ...(rejected ? { rejected } : {}),
  };
  return { kind: 'ok', timeline, fetch: { ...NO_FETCH, error: null } };
}

export async function readExport(profile: ProfileSpec, platform: PlatformId | null): Promise<FetchOutcome> {
  const spec = profile.export!;
  try {
    const info = await stat(spec.resolved);
    if (!info.isFile()) return failed(`export ${spec.path} is not a file`);
  } catch {
    return failed(`export file not found: ${spec.path} (resolved to ${spec.resolved})`);
  }
  try {
    if (spec.kind === 'archive') {
      const { account, posts, files } = await readXArchive(spec.resolved, xHandleFromUrl(profile.url));
      const facts = { displayName: account.displayName, handle: account.username };
      return exported(platform ?? 'x', spec.path, posts, facts, `the owner's X archive (${files.join(', ')}): all ${posts.length} tweets`);
    }
    const file = await readPostsFile(spec.resolved, { snowflakes: platform === 'x' });
    const note = `the owner's posts file ${spec.path}: ${file.posts.length} of ${file.rows} rows`;
    return exported(platform ?? 'web', spec.path, file.posts, { displayName: null, handle: null }, note, { count: file.rejected, problems: file.problems });
  } catch (error) {
    if (error instanceof JsonArrayError || error instanceof PostsFileError || error instanceof ArchiveError) {
      return failed(`malformed export ${spec.path}: ${error.message}`);
    }
    return failed(`cannot read export ${spec.path}: ${(error as Error).message}`);
  }
}
