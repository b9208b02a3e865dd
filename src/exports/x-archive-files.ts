/**
 * Reads an X/Twitter archive from disk: the `.zip` as downloaded (entries streamed one at a time; the zip is
 * never loaded whole), or an unpacked `data/tweets.js` with its sibling `tweets-partN.js` and `account.js`.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import yauzl from 'yauzl';
import type { Post } from '../model/index.js';
import { ARCHIVE_LIMITS, ArchiveError, type ArchiveLimits, unpackCounter } from './unpack-caps.js';
import {
  ACCOUNT_FILE,
  readAccount,
  readTweets,
  TWEETS_FILE,
  tweetToPost,
  type ArchiveAccount,
  type ArchiveTweet,
} from './x-archive.js';

export { ARCHIVE_LIMITS, ArchiveError, type ArchiveLimits } from './unpack-caps.js';

export interface ArchiveContents {
  account: ArchiveAccount;
  posts: Post[];
  /** The tweet files read, in order. */
  files: string[];
}

/** Only the fields classification needs are kept while streaming, so memory follows the tweet count. */
function keep(t: ArchiveTweet): ArchiveTweet {
  return {
    id_str: t.id_str ?? t.id,
    created_at: t.created_at,
    full_text: (t.full_text ?? t.text ?? '').slice(0, 2000),
    in_reply_to_status_id_str: t.in_reply_to_status_id_str ?? null,
    in_reply_to_user_id_str: t.in_reply_to_user_id_str ?? null,
    in_reply_to_screen_name: t.in_reply_to_screen_name ?? null,
  };
}

export async function readXArchive(
  path: string,
  usernameFromUrl: string | null,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ArchiveContents> {
  const tweets: ArchiveTweet[] = [];
  const files: string[] = [];
  let account: ArchiveAccount | null = null;
  // every byte unpacked is counted as it streams: the caps hold whatever sizes the zip declares
  const counted = unpackCounter(limits, 'archive');
  const collect = async (name: string, open: () => Promise<AsyncIterable<Buffer>>) => {
    if (ACCOUNT_FILE.test(name)) account = await readAccount(counted(name, await open()));
    else if (TWEETS_FILE.test(name)) {
      files.push(name);
      for await (const t of readTweets(counted(name, await open()))) tweets.push(keep(t));
    }
  };

  if (/\.zip$/i.test(path)) {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      for await (const entry of zip.eachEntry()) {
        await collect(entry.fileName, () => zip.openReadStreamPromise(entry));
      }
    } finally {
      zip.close();
    }
  } else {
    // an unpacked archive: the file given, and (when it is the archive's own tweets.js) its siblings
    const dir = dirname(path);
    const given = basename(path);
    const open = (name: string) => async () => createReadStream(join(dir, name));
    await collect('data/tweets.js', open(given));
    if (TWEETS_FILE.test(`data/${given}`)) {
      const siblings = (await readdir(dir)).filter(
        (f) => f !== given && (f === 'account.js' || TWEETS_FILE.test(`data/${f}`)),
      );
      for (const name of siblings.sort()) await collect(`data/${name}`, open(name));
    }
  }
  if (files.length === 0) {
    throw new ArchiveError('no data/tweets.js (or tweets-partN.js) in the archive');
  }
  const known: ArchiveAccount = account ?? { accountId: null, username: null, displayName: null };
  const who = { ...known, username: known.username ?? usernameFromUrl };
  const posts = tweets.flatMap((t) => tweetToPost(t, who) ?? []);
  return { account: who, posts, files };
}
