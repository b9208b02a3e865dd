/**
 * Opening a file of an owner's export or download, and nothing but a regular file. A FIFO named
 * `tweets-part1.js` blocks a plain open() until someone writes to it: the open holds a libuv thread
 * forever, and then even process.exit() hangs (Node joins its threads before exiting), so the audit
 * could not be stopped. The open is non-blocking (O_NONBLOCK: a FIFO opens at once, a device is not
 * waited on) and does not follow a last symlink where the caller walked the folder itself; the opened
 * descriptor is checked with fstat, so what is read is what was checked, whatever was swapped in
 * between (stat and lstat never wait on a FIFO; only open does).
 */
import { close, constants, createReadStream, fstat, open, read, type ReadStream } from 'node:fs';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { ArchiveError } from './unpack-caps.js';

/** O_NONBLOCK only changes how FIFOs and devices open and read; a regular file reads as it always does. */
const FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const openFd = promisify(open);
const fstatFd = promisify(fstat);
const closeFd = promisify(close);
const readFd = promisify(read);

export interface OpenOptions {
  /** Refuse a symlink as the last component (a folder walk has already decided not to follow them). */
  noFollow?: boolean;
  /** The name said in the error (never the full path of a file outside the inventory's folder). */
  shown?: string;
  /** Refuse a file with more than one hard link: the other may be outside the folder (docs/security.md). */
  singleLink?: boolean;
}

/**
 * The file's descriptor, opened for reading; an ArchiveError when it is not a regular file. A plain
 * descriptor, not a FileHandle: yauzl closes the descriptor it is given, and a FileHandle would close
 * it again when collected (maybe another file's by then).
 */
export async function openRegular(path: string, options: OpenOptions = {}): Promise<number> {
  const shown = options.shown ?? path;
  let fd: number;
  try {
    fd = await openFd(path, FLAGS | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ArchiveError(`${shown} is a symlink: refused`);
    if (code === 'ENXIO') throw new ArchiveError(`${shown} is not a regular file (a socket or a FIFO): refused`);
    throw error;
  }
  try {
    const info = await fstatFd(fd);
    if (!info.isFile()) throw new ArchiveError(`${shown} is not a regular file (${kind(info)}): refused`);
    if (options.singleLink && info.nlink > 1)
      throw new ArchiveError(
        `${shown} has ${info.nlink} hard links: refused (one may be a file outside the folder; read a copy instead)`,
      );
    return fd;
  } catch (error) {
    await closeFd(fd);
    throw error;
  }
}

/** A regular file's bytes as a stream; the descriptor is closed when the stream ends or is destroyed. */
export async function regularStream(path: string, options: OpenOptions = {}): Promise<ReadStream> {
  return createReadStream('', { fd: await openRegular(path, options), autoClose: true });
}

/** A zip read from a regular file's descriptor; closing the zip closes the descriptor (yauzl does). */
export async function openRegularZip(path: string, options: OpenOptions = {}): Promise<yauzl.ZipFile> {
  const fd = await openRegular(path, options);
  try {
    return await yauzl.fromFdPromise(fd, { lazyEntries: true, autoClose: false });
  } catch (error) {
    // no ZipFile holds it yet
    await closeFd(fd);
    throw error;
  }
}

/** Whether a regular file starts as a zip does (a local file header, or the end record of an empty zip). */
export async function looksLikeZip(path: string, options: OpenOptions = {}): Promise<boolean> {
  const fd = await openRegular(path, options);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await readFd(fd, head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt16BE(0) === 0x504b && [0x0304, 0x0506].includes(head.readUInt16BE(2));
  } finally {
    await closeFd(fd);
  }
}

function kind(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  return 'a device';
}
