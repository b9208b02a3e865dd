/**
 * An owner's download, zipped or unpacked: the names of the files it holds, and each file's bytes on
 * demand — never more than the caps (docs/security.md), so a zip bomb or a folder of a
 * million files is an error on its profile, not an exhausted machine. Nothing is ever written to disk:
 * entry names are only compared, so `..` or absolute names cannot lead anywhere; symlinks in a folder
 * are not followed, and only regular files with one link are opened (regular-file.ts: a FIFO would hang
 * the run, a hard link may be a file from outside the folder).
 */
import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type yauzl from 'yauzl';
import { looksLikeZip, openRegularZip, regularStream } from './regular-file.js';
import { ARCHIVE_LIMITS, ArchiveError, type ArchiveLimits, unpackCounter } from './unpack-caps.js';

/** Files a folder may hold, and how deep it is walked. */
const MAX_FILES = 100_000;
const MAX_DEPTH = 12;

export interface Download {
  /** Every file's name, `/`-separated, relative to the download's top. */
  names: string[];
  /** A file's bytes (capped). */
  read(name: string): Promise<Buffer>;
  /** A file's bytes as they unpack, chunk by chunk (capped the same way). */
  stream(name: string): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

/** A zip entry that is a symlink (its Unix mode in the external attributes), or a name that climbs out or starts at the root. */
function hostileEntry(entry: yauzl.Entry): string | null {
  const name = entry.fileName;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[/\\]/).includes('..'))
    return `the entry "${name.slice(0, 120)}" names a place outside the download`;
  if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000)
    return `the entry "${name.slice(0, 120)}" is a symlink`;
  return null;
}

/**
 * A single exported file rather than a zip or folder of them: a spreadsheet a page admin downloads, a
 * TikTok `user_data_tiktok.json`, an `outbox.json`. Told by its bytes, not its name: an .xlsx is itself
 * a zip, but of one workbook, and is read as one file.
 */
const SINGLE_FILE = /\.(xlsx|xls)$/i;

export async function openDownload(
  path: string,
  isFolder: boolean,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<Download> {
  const counted = unpackCounter(limits, 'download');
  const whole = async (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> => {
    const all: Uint8Array[] = [];
    for await (const chunk of chunks) all.push(chunk);
    return Buffer.concat(all);
  };
  const download = (
    names: string[],
    open: (name: string) => Promise<AsyncIterable<Uint8Array>>,
    close = async () => {},
  ) => {
    const stream = (name: string) =>
      (async function* () {
        yield* counted(name, await open(name));
      })();
    return { names, stream, read: (name: string) => whole(stream(name)), close };
  };
  if (isFolder) {
    const names: string[] = [];
    const walk = async (dir: string, prefix: string, depth: number) => {
      if (depth > MAX_DEPTH) return;
      for (const entry of (await readdir(dir)).sort()) {
        const info = await lstat(join(dir, entry));
        if (info.isSymbolicLink()) continue;
        if (info.isDirectory()) await walk(join(dir, entry), `${prefix}${entry}/`, depth + 1);
        else if (info.isFile()) {
          names.push(`${prefix}${entry}`);
          if (names.length > MAX_FILES)
            throw new ArchiveError(`the folder holds more than ${MAX_FILES} files: refused`);
        }
      }
    };
    await walk(path, '', 0);
    // a name may have been swapped for a FIFO or a symlink since the walk: the open checks again
    const inFolder = (name: string) =>
      regularStream(join(path, ...name.split('/')), { noFollow: true, singleLink: true, shown: name });
    return download(names, inFolder);
  }
  if (SINGLE_FILE.test(path) || !(await looksLikeZip(path, { singleLink: true, shown: basename(path) }))) {
    return download([basename(path)], () => regularStream(path, { singleLink: true, shown: basename(path) }));
  }
  const zip = await openRegularZip(path, { singleLink: true, shown: basename(path) });
  const close = async () => zip.close();
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const hostile = hostileEntry(entry);
      if (hostile) throw new ArchiveError(`${hostile}: refused`);
      entries.set(entry.fileName, entry);
      if (entries.size > MAX_FILES) throw new ArchiveError(`the zip holds more than ${MAX_FILES} files: refused`);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return download([...entries.keys()], (name) => zip.openReadStreamPromise(entries.get(name)!), close);
}
