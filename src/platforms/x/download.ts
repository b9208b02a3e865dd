/** The X archive (zipped or unpacked), as an owner-download reader: the account and every tweet. */
import { join } from 'node:path';
import type { OwnerDownload } from '../../sources/downloads/types.js';
import { readXArchive } from './archive-files.js';

/** The @name in an x.com / twitter.com profile URL, used when the archive has no account.js. */
export function xHandleFromUrl(url: string): string | null {
  const u = new URL(url);
  if (!/(^|\.)(x|twitter)\.com$/i.test(u.hostname)) return null;
  return /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(u.pathname)?.[1] ?? null;
}

export const read: OwnerDownload = async (place) => {
  const tweetsAt = place.folder ? join(place.path, 'data', 'tweets.js') : place.path;
  const { account, posts, files } = await readXArchive(tweetsAt, xHandleFromUrl(place.profileUrl), undefined, {
    root: place.root,
    allowOutside: place.allowOutside,
  });
  return {
    posts,
    facts: {
      displayName: account.displayName,
      handle: account.username === null ? null : `@${account.username}`,
      createdAt: account.createdAt ?? null,
    },
    note: `the owner's X archive (${files.join(', ')}): all ${posts.length} tweets`,
  };
};
