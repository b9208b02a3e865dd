/**
 * Files of HTTP exchanges on disk, shared by the evidence (`--record`/`--replay`) and the cache
 * (`--cache`). Both folders may hold hostile names (a server picks the URLs) and may be shared by two
 * runs at once, so:
 * - a URL's files are DIR/<host>/<hash>.json and .body: the file name is only the hash of the URL,
 *   and the host folder is the host with every character outside [A-Za-z0-9.-] replaced and never
 *   `.` or `..`; a path that would still leave DIR is refused;
 * - each file is written to a temp file created exclusively (never through a symlink) and renamed into
 *   place, the body first and the metadata (with the body's length and sha256) last;
 * - the host folder must be a real folder of DIR: a symlink planted there (DIR/<host> → /elsewhere)
 *   sent every write of that host outside DIR, so an entry whose folder resolves anywhere but
 *   DIR/<host> is neither written nor read;
 * - on reading, the body must be a regular file (a symlink is refused) whose length and sha256 match
 *   the metadata; anything else is a bad entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** A store file that cannot be used: outside its folder, a symlink, torn or corrupt. */
export class BadEntryError extends Error {
  override name = 'BadEntryError';
}

export const urlHash = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 16);
const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

/** The file stem (no extension) of a URL's entry in DIR. */
export function entryStem(dir: string, url: string): string {
  let host = 'invalid-url';
  try {
    host = new URL(url).host;
  } catch {
    // a URL that does not parse still gets a confined entry, under its hash
  }
  // at most 100 characters: a file system allows 255 per name, and a host name can be longer than that
  const folder =
    host
      .replace(/[^A-Za-z0-9.-]/g, '_')
      .replace(/^\.+$/, (dots) => '_'.repeat(dots.length))
      .slice(0, 100) || '_';
  const stem = join(dir, folder, urlHash(url));
  const root = resolve(dir);
  if (!resolve(stem).startsWith(root + sep)) throw new BadEntryError(`refusing a path outside ${dir}: ${stem}`);
  return stem;
}

/**
 * Throws BadEntryError unless the entry's folder is DIR/<host> itself: no component under DIR is a
 * symlink (DIR may be one: the user named it). Checked before each file is created, so a link planted
 * while a run writes is refused from its next file on.
 */
async function checkConfined(stem: string): Promise<void> {
  const folder = dirname(stem);
  const [real, root] = await Promise.all([realpath(folder), realpath(dirname(folder))]);
  if (real !== join(root, basename(folder)))
    throw new BadEntryError(`refusing ${folder}: it is a symlink or leads outside ${dirname(folder)} (to ${real})`);
}

async function writeExclusive(path: string, content: Buffer | string): Promise<void> {
  await checkConfined(path);
  const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    await handle.writeFile(content);
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The integrity fields the metadata carries for its body. */
export interface BodySeal {
  bodyBytes: number;
  bodySha256: string;
}

/** Writes the body (if any) and then the metadata, each atomically; the metadata is sealed with the body's length and hash. */
export async function writeEntry<M extends object>(stem: string, meta: M, body: Buffer | null): Promise<void> {
  await mkdir(dirname(stem), { recursive: true });
  const sealed = body ? { ...meta, bodyBytes: body.length, bodySha256: sha256(body) } : meta;
  if (body) await writeExclusive(`${stem}.body`, body);
  await writeExclusive(`${stem}.json`, `${JSON.stringify(sealed, null, 2)}\n`);
}

async function readRegular(path: string): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new BadEntryError(`${path} is a symlink`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new BadEntryError(`${path} is not a regular file`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The metadata, or null when there is none; a BadEntryError when it cannot be trusted. */
export async function readMeta<M>(stem: string): Promise<M | null> {
  let text: Buffer;
  try {
    await checkConfined(stem);
    text = await readRegular(`${stem}.json`);
  } catch (error) {
    if (error instanceof BadEntryError) throw error;
    return null;
  }
  try {
    return JSON.parse(text.toString('utf8')) as M;
  } catch {
    throw new BadEntryError(`${stem}.json is not valid JSON (a torn or edited entry)`);
  }
}

/** The body, checked against the seal in the metadata when it has one (`required`: it must). */
export async function readBody(stem: string, seal: Partial<BodySeal>, required: boolean): Promise<Buffer> {
  if (seal.bodyBytes === undefined || seal.bodySha256 === undefined) {
    if (required) throw new BadEntryError(`${stem}.json carries no body length and hash`);
    return readRegular(`${stem}.body`).catch((error: unknown) => {
      if (error instanceof BadEntryError) throw error;
      return Buffer.alloc(0);
    });
  }
  const body = await readRegular(`${stem}.body`).catch((error: unknown) => {
    if (error instanceof BadEntryError) throw error;
    throw new BadEntryError(`${stem}.body is missing`);
  });
  if (body.length !== seal.bodyBytes || sha256(body) !== seal.bodySha256) {
    throw new BadEntryError(
      `${stem}.body does not match its metadata (${body.length} bytes, expected ${seal.bodyBytes}): a torn or edited entry`,
    );
  }
  return body;
}
