/** A download read file by file through a platform's format (read-files.ts), as an owner-download reader. */
import { type DownloadFormat, readDownloadFiles } from './read-files.js';
import type { OwnerDownload } from './types.js';

/** The account's name in a profile URL's first path segment (`instagram.com/northwind`, `/@northwind`). */
function accountName(url: string): string | null {
  const first = new URL(url).pathname.split('/').filter(Boolean)[0];
  return first ? decodeURIComponent(first).replace(/^@/, '') : null;
}

export function filesDownload(format: DownloadFormat): OwnerDownload {
  return (place) => readDownloadFiles(format, place.path, place.folder, place.timeZone, accountName(place.profileUrl));
}
