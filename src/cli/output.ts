/**
 * Writing results: stdout, or a file. Every target is checked before the work starts (a typo or a
 * read-only folder must not cost a whole audit):
 * - a new path in an existing, writable folder, or an existing regular file: written atomically
 *   (a temp file created exclusively beside it, never through a symlink, then renamed over it);
 * - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written directly, never
 *   replaced (renaming over a device node would turn it into a file);
 * - a symlink is followed to what it names, and that is judged as above;
 * - anything else (a folder, a socket, a block device) is refused.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { RunError, UsageError } from './errors.js';
import type { CliIo } from './io.js';

export interface OutputTarget {
  /** The path written (a symlink resolved). */
  path: string;
  mode: 'replace' | 'direct';
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

async function writableFolder(option: string, dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new UsageError(`${option}: the folder ${dir} does not exist`);
  if (!info.isDirectory()) throw new UsageError(`${option}: ${dir} is not a folder`);
  await access(dir, constants.W_OK | constants.X_OK).catch(() => {
    throw new UsageError(`${option}: the folder ${dir} is not writable`);
  });
}

/** Where and how `-o FILE` will be written; a UsageError (exit 2) when it cannot be. */
export async function checkOutputFile(option: string, file: string): Promise<OutputTarget> {
  const link = await lstat(file).catch((error: unknown) => (code(error) === 'ENOENT' ? null : Promise.reject(error)));
  if (!link) {
    await writableFolder(option, dirname(resolve(file)));
    return { path: file, mode: 'replace' };
  }
  const info = await stat(file).catch(() => null);
  if (!info) throw new UsageError(`${option}: ${file} is a symlink to nothing`);
  // a device or a pipe is written as it is, through its name (/dev/stdout is a symlink to one)
  if (info.isCharacterDevice() || info.isFIFO()) return { path: file, mode: 'direct' };
  if (!info.isFile())
    throw new UsageError(
      `${option}: ${file} is ${info.isDirectory() ? 'a folder' : 'not a regular file'}; expected a file to write`,
    );
  const path = link.isSymbolicLink() ? await realpath(file) : file;
  await writableFolder(option, dirname(resolve(path)));
  return { path, mode: 'replace' };
}

/** A folder the run will write into (`--record`, `--cache`): an existing writable folder, or one that can be made (it is made when first written). */
export async function checkOutputFolder(option: string, dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new UsageError(`${option}: ${dir} is not a folder`);
  if (info) return writableFolder(option, dir);
  // a new folder: its nearest existing ancestor must be a writable folder
  let parent = dirname(resolve(dir));
  while (!(await stat(parent).catch(() => null))) parent = dirname(parent);
  await writableFolder(option, parent);
}

/** Writes the content (text, or a PDF's bytes) to a checked target; a failure (disk full, a vanished folder) is a RunError, with no temp file left behind. */
export async function writeOutput(target: OutputTarget, content: string | Uint8Array): Promise<void> {
  try {
    if (target.mode === 'direct') {
      const handle = await open(target.path, constants.O_WRONLY);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return;
    }
    const temp = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
    // O_EXCL: never opens an existing file, nor follows a symlink planted at the temp path
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(content);
      await handle.close();
      await rename(temp, target.path);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw new RunError(`cannot write ${target.path}: ${(error as Error).message}`);
  }
}

/** Writes to stdout; a reader that stopped early (EPIPE) is fine, any other failure (ENOSPC, EIO) is a RunError. */
export function writeStdout(io: Pick<CliIo, 'stdout'>, content: string): Promise<void> {
  return new Promise((resolve, reject) =>
    io.stdout.write(content, (error) => {
      const failure = error as NodeJS.ErrnoException | null | undefined;
      if (!failure || failure.code === 'EPIPE') resolve();
      else reject(new RunError(`cannot write to stdout: ${failure.message}`));
    }),
  );
}
