/** An owner's export as a profile's source: its platform's download reader (found through the registry) or a posts file → Timeline, or a typed error. */
import { realpath, stat } from 'node:fs/promises';
import {
  EARLIEST_POST,
  grouped,
  plural,
  isInsideFolder,
  type ExportSpec,
  type FetchOutcome,
  type PlatformId,
  type Post,
  type ProfileSpec,
  type Timeline,
} from '../../model/index.js';
import { JsonArrayError } from '../../sources/downloads/json-array.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';
import type { DownloadRead } from '../../sources/downloads/types.js';
import { PostsFileError, readPostsFile } from '../../sources/posts-file/posts-file.js';
import { platformDefinition } from '../index.js';

const NO_FETCH = { httpStatus: null, finalUrl: null, requests: 0 };

function failed(reason: string, advice?: string): FetchOutcome {
  return { kind: 'error', reason, fetch: { ...NO_FETCH, error: reason }, ...(advice ? { advice } : {}) };
}

/** What helps when a posts file cannot be read. */
const POSTS_FILE_ADVICE =
  'Check the posts file: a CSV or JSON list of the posts, in the columns the manual lists (docs/owner-downloads.md) or mapped to them.';

/** The span of the posts' dates, as the audit reads them: a date before 1990 is a misread one, never shown as the start. */
function span(posts: Post[]): string {
  const floor = Date.parse(EARLIEST_POST);
  const dates = posts
    .flatMap((p) => (p.createdAt && Date.parse(p.createdAt) >= floor ? [p.createdAt.slice(0, 10)] : []))
    .sort();
  return dates.length ? `, ${dates[0]} to ${dates.at(-1)}` : '';
}

/** An export is the complete record: every post, replies and reposts included. */
function exported(
  platform: PlatformId,
  path: string,
  read: DownloadRead,
  rejected?: Timeline['rejected'],
): FetchOutcome {
  const { posts, hidden = {} } = read;
  const facts = read.facts ?? { displayName: null, handle: null, createdAt: null };
  const timeline: Timeline = {
    platform,
    method: 'export',
    facts: { ...facts, postsCount: posts.length, lastPostAt: null },
    posts,
    reachedEnd: true,
    repliesVisible: hidden.replies === undefined,
    repliesHiddenReason: hidden.replies ?? null,
    ...(hidden.responseTime ? { responseTimeHiddenReason: hidden.responseTime } : {}),
    repostsVisible: true,
    sampleNote: `${read.note}${span(posts)}`,
    sourceUrl: path,
    ...(rejected ? { rejected } : {}),
  };
  return { kind: 'ok', timeline, fetch: { ...NO_FETCH, error: null } };
}

/** Filesystems of devices and processes, never read as an export, whatever the flags. */
const SPECIAL = /^\/(proc|sys|dev)(\/|$)/;

/**
 * The export's real path, if it may be read: inside the inventory's folder after every symlink is
 * followed (unless --allow-outside-paths), a regular file, never under /proc, /sys or /dev.
 */
async function checkedPath(
  spec: ExportSpec,
): Promise<{ path: string; root: string; folder?: boolean } | { refused: string }> {
  let real: string;
  try {
    real = await realpath(spec.resolved);
  } catch {
    return { refused: `export file not found: ${spec.path} (resolved to ${spec.resolved})` };
  }
  if (SPECIAL.test(real)) return { refused: `export ${spec.path} is a special file (${real.split('/')[1]}): refused` };
  const root = await realpath(spec.root).catch(() => spec.root);
  if (!spec.allowOutside && !isInsideFolder(root, real)) {
    return {
      refused: `export ${spec.path} leads outside the inventory's folder (through a symlink): refused; pass --allow-outside-paths to read it`,
    };
  }
  const info = await stat(real);
  // an owner's download may be the unpacked folder
  if (spec.kind === 'archive' && info.isDirectory()) return { path: real, root, folder: true };
  if (!info.isFile()) return { refused: `export ${spec.path} is not a regular file` };
  return { path: real, root };
}

/**
 * What a parse error may say about the file: a short excerpt with no control characters, and nothing
 * at all for a file outside the inventory's folder (its real path: a symlink inside may lead out).
 */
function problemText(checked: { path: string; root: string }, message: string): string {
  if (!isInsideFolder(checked.root, checked.path))
    return "its content is not quoted: the file is outside the inventory's folder";
  // eslint-disable-next-line no-control-regex
  const clean = message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  return clean.length > MAX_PROBLEM ? `${clean.slice(0, MAX_PROBLEM - 1)}…` : clean;
}
const MAX_PROBLEM = 200;

/** Why a platform without a download reader cannot take `archive:`, and what it can take. */
function noDownload(id: PlatformId, path: string): string {
  return `export ${path}: ${platformDefinition(id).name} has no owner download this tool reads; give its posts as a posts file (\`posts:\`, docs/owner-downloads.md)`;
}

export interface ExportOptions {
  /** The platform's post ids are Twitter snowflakes: a reply's parent id dates the post replied to. */
  snowflakeIds?: boolean;
  /** The zone of zoneless times in downloads (settings.exportTimeZone): UTC or an offset. */
  timeZone?: string;
}

export async function readExport(
  profile: ProfileSpec,
  platform: PlatformId | null,
  options: ExportOptions = {},
): Promise<FetchOutcome> {
  const spec = profile.export!;
  const checked = await checkedPath(spec);
  if ('refused' in checked) return failed(checked.refused);
  const resolved = checked.path;
  // an `archive:` whose platform the URL does not tell is the X archive, as it always was
  const id = spec.kind === 'archive' ? (platform ?? 'x') : null;
  const download = id === null ? undefined : platformDefinition(id).download;
  const advice = id === null ? POSTS_FILE_ADVICE : download?.request;
  try {
    if (id !== null) {
      if (download === undefined) return failed(noDownload(id, spec.path));
      const read = await (await download.read())({
        path: resolved,
        shown: spec.path,
        folder: checked.folder === true,
        root: checked.root,
        allowOutside: spec.allowOutside === true,
        timeZone: options.timeZone ?? 'UTC',
        profileUrl: profile.url,
      });
      return exported(id, spec.path, read);
    }
    const file = await readPostsFile(resolved, { snowflakes: options.snowflakeIds === true, mapping: spec.mapping });
    const kept = file.skipped > 0 ? ` (${plural(file.skipped, 'other row')} left out by its "where")` : '';
    const note = `the owner's posts file ${spec.path}: ${grouped(file.posts.length)} of ${plural(file.rows, 'row')}${kept}`;
    const problems = file.problems.map((p) => problemText(checked, p));
    const read = { posts: file.posts, note, facts: { displayName: null, handle: null } };
    return exported(platform ?? 'web', spec.path, read, { count: file.rejected, problems });
  } catch (error) {
    if (error instanceof JsonArrayError || error instanceof PostsFileError || error instanceof ArchiveError) {
      return failed(`malformed export ${spec.path}: ${problemText(checked, error.message)}`, advice);
    }
    return failed(`cannot read export ${spec.path}: ${problemText(checked, (error as Error).message)}`, advice);
  }
}
