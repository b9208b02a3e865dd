/** The X archive (zipped or unpacked), as an owner-download reader: the account and every tweet. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OwnerDownload } from '../../sources/downloads/types.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';
import { CLASSIC_ARCHIVE, CLASSIC_FILE, EXPECTED_TWEETS, TWEETS_FILE } from './archive.js';
import { readXArchive } from './archive-files.js';

/** The @name in an x.com / twitter.com profile URL, used when the archive has no account.js. */
export function xHandleFromUrl(url: string): string | null {
  const u = new URL(url);
  if (!/(^|\.)(x|twitter)\.com$/i.test(u.hostname)) return null;
  return /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(u.pathname)?.[1] ?? null;
}

/**
 * An unpacked archive's first tweets file, as the zip's would be found: `data/tweets.js` (2022 on),
 * `data/tweet.js` (before), or a part alone; its siblings are read beside it (archive-files.ts).
 */
async function tweetsFileIn(folder: string): Promise<string> {
  const data = await readdir(join(folder, 'data')).catch(() => [] as string[]);
  const first = ['tweets.js', 'tweet.js', ...data.filter((f) => TWEETS_FILE.test(`data/${f}`)).sort()].find((f) =>
    data.includes(f),
  );
  if (first) return join(folder, 'data', first);
  const top = await readdir(folder).catch(() => [] as string[]);
  const classic =
    top.includes('tweets.csv') ||
    (await readdir(join(folder, 'data', 'js', 'tweets')).catch(() => [] as string[])).some((f) =>
      CLASSIC_FILE.test(`data/js/tweets/${f}`),
    );
  throw new ArchiveError(classic ? CLASSIC_ARCHIVE : `no ${EXPECTED_TWEETS} in the folder`);
}

export const read: OwnerDownload = async (place) => {
  const tweetsAt = place.folder ? await tweetsFileIn(place.path) : place.path;
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
