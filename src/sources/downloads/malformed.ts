/**
 * A file of a download whose content cannot be read — bad JSON, CSV beyond repair. Unlike a cap's
 * refusal (an ArchiveError: a zip bomb, too many elements), which fails the whole download, a
 * malformed file is reported in the note and the download's other files are still read
 * (read-files.ts). It is an ArchiveError too, so where nothing else is readable it fails as before.
 */
import { ArchiveError } from './unpack-caps.js';

export class MalformedFileError extends ArchiveError {
  override name = 'MalformedFileError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
