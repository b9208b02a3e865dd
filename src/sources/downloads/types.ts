/** An owner's download as a platform reads it: where it is, and what the reader found in it. */
import type { Post, ProfileFacts } from '../../model/index.js';

/** The download on disk, after the checks of src/platforms/kit/owner-download.ts. */
export interface DownloadPlace {
  /** Its real path (every symlink followed). */
  path: string;
  /** The path as the inventory writes it, for notes and errors. */
  shown: string;
  /** The unpacked folder, not a file. */
  folder: boolean;
  /** The inventory's folder: files of the download must stay inside it unless `allowOutside`. */
  root: string;
  allowOutside: boolean;
  /** The zone of zoneless times (settings.exportTimeZone): UTC or an offset. */
  timeZone: string;
  /** The profile's URL: the account's name in it tells its own posts from others'. */
  profileUrl: string;
}

export interface DownloadRead {
  posts: Post[];
  /** What was read, for the report's sample note ("the owner's X archive (data/tweets.js): all 212 tweets"). */
  note: string;
  /** What the download says of the account itself, where it says it. */
  facts?: Pick<ProfileFacts, 'displayName' | 'handle' | 'createdAt'>;
  /** What the download cannot show, and why: the account's replies, or when what they answer was written. */
  hidden?: { replies?: string; responseTime?: string };
}

/** A platform's owner-download reader (its `download.ts`), loaded when a profile gives `archive:`. */
export type OwnerDownload = (place: DownloadPlace) => Promise<DownloadRead>;
