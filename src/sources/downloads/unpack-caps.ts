/**
 * Caps on what an owner's archive or download may unpack to (docs/security.md): every
 * byte is counted as it streams, whatever sizes a zip declares, so a zip bomb is a clear error on its
 * profile, never an exhausted machine. One counter per archive: the total spans all its files.
 */

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export interface ArchiveLimits {
  /** Uncompressed bytes of one file read from the archive. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all the files read from one archive. */
  maxArchiveBytes: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxArchiveBytes: 2 * 1024 * 1024 * 1024,
};

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** Passes each file's bytes through, counting them against the caps; `what` names the archive in messages. */
export function unpackCounter(limits: ArchiveLimits, what: string) {
  let total = 0;
  return async function* counted<T extends Uint8Array>(name: string, source: AsyncIterable<T>): AsyncGenerator<T> {
    let entry = 0;
    for await (const chunk of source) {
      entry += chunk.length;
      total += chunk.length;
      if (entry > limits.maxEntryBytes)
        throw new ArchiveError(`${name} unpacks to more than ${MiB(limits.maxEntryBytes)}: refused (a zip bomb?)`);
      if (total > limits.maxArchiveBytes)
        throw new ArchiveError(`the ${what} unpacks to more than ${MiB(limits.maxArchiveBytes)}: refused`);
      yield chunk;
    }
  };
}
