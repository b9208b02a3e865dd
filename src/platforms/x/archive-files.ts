/**
 * Reads an X/Twitter archive from disk: the `.zip` as downloaded (entries streamed one at a time; the zip is
 * never loaded whole), or an unpacked `data/tweets.js` (`tweet.js` before 2022) with its sibling
 * `tweets-partN.js` and `account.js`.
 * A sibling is read only when it is a regular file with one link whose real path is inside the
 * inventory's folder (a symlink or hard link could be any file of the machine; regular-file.ts).
 */
import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInsideFolder, type Post } from '../../model/index.js';
import { elementCounter } from '../../sources/downloads/element-caps.js';
import { openRegularZip, regularStream } from '../../sources/downloads/regular-file.js';
import {
  ARCHIVE_LIMITS,
  ArchiveError,
  type ArchiveLimits,
  unpackCounter,
} from '../../sources/downloads/unpack-caps.js';
import {
  ACCOUNT_FILE,
  CLASSIC_ARCHIVE,
  CLASSIC_FILE,
  EXPECTED_TWEETS,
  readAccount,
  readTweets,
  TWEETS_FILE,
  tweetToPost,
  type ArchiveAccount,
  type ArchiveTweet,
} from './archive.js';

export { ARCHIVE_LIMITS, ArchiveError, type ArchiveLimits } from '../../sources/downloads/unpack-caps.js';

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

/** Where an unpacked archive's siblings may be: the inventory's real folder, or anywhere (--allow-outside-paths). */
export interface ArchivePlace {
  root: string;
  allowOutside: boolean;
}

/** What an error may say of a file outside the inventory's folder: nothing of its content. */
const UNQUOTED = "its content is not quoted: the file is outside the inventory's folder";

export async function readXArchive(
  path: string,
  usernameFromUrl: string | null,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
  place: ArchivePlace = { root: dirname(path), allowOutside: false },
): Promise<ArchiveContents> {
  const tweets: ArchiveTweet[] = [];
  const files: string[] = [];
  let account: ArchiveAccount | null = null;
  // every byte unpacked is counted as it streams: the caps hold whatever sizes the zip declares
  const counted = unpackCounter(limits, 'archive');
  const elements = elementCounter('archive');
  let classic = false;
  // `tweets` forces a file to be read as tweets (the one given, whatever its name)
  const collect = async (name: string, open: () => Promise<AsyncIterable<Buffer>>, tweetsFile = false) => {
    if (CLASSIC_FILE.test(name)) classic = true;
    if (ACCOUNT_FILE.test(name) && !tweetsFile) account = await readAccount(counted(name, await open()));
    else if (tweetsFile || TWEETS_FILE.test(name)) {
      files.push(name);
      for await (const t of readTweets(counted(name, await open()), () => elements.count())) tweets.push(keep(t));
    }
  };

  if (/\.zip$/i.test(path)) {
    const zip = await openRegularZip(path, { singleLink: true, shown: basename(path) });
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
    // the note names the file as it is (`data/tweet.js` in archives before 2022)
    const ownFile = TWEETS_FILE.test(`data/${given}`);
    await collect(
      ownFile ? `data/${given}` : given,
      () => regularStream(path, { singleLink: true, shown: given }),
      true,
    );
    if (ownFile) {
      const siblings = (await readdir(dir)).filter(
        (f) => f !== given && (f === 'account.js' || TWEETS_FILE.test(`data/${f}`)),
      );
      for (const name of siblings.sort()) {
        const shown = `data/${name}`;
        const real = await realpath(join(dir, name)).catch(() => null);
        if (real === null) continue; // a dangling symlink: nothing to read
        const outside = !isInsideFolder(place.root, real);
        if (outside && !place.allowOutside)
          throw new ArchiveError(
            `${shown} leads outside the inventory's folder (through a symlink): refused; pass --allow-outside-paths to read it`,
          );
        try {
          await collect(shown, () => regularStream(real, { noFollow: true, singleLink: true, shown }));
        } catch (error) {
          if (!outside || error instanceof ArchiveError) throw error;
          throw new ArchiveError(`${shown} is not readable (${UNQUOTED})`);
        }
      }
    }
  }
  if (files.length === 0) {
    throw new ArchiveError(classic ? CLASSIC_ARCHIVE : `no ${EXPECTED_TWEETS} in the archive`);
  }
  const known: ArchiveAccount = account ?? { accountId: null, username: null, displayName: null };
  const who = { ...known, username: known.username ?? usernameFromUrl };
  // each raw tweet is let go as its post is made: the two never all live at once
  const posts: Post[] = [];
  for (let i = 0; i < tweets.length; i++) {
    const post = tweetToPost(tweets[i]!, who);
    if (post) posts.push(post);
    (tweets as Array<ArchiveTweet | undefined>)[i] = undefined;
  }
  return { account: who, posts, files };
}
