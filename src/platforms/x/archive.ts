/**
 * The X/Twitter data archive: `data/tweets.js` (and `tweets-part1.js` … for big accounts; `tweet.js` in
 * archives before 2022), each `window.YTD.tweets.partN = [ {"tweet": {...}}, ... ]`, with `data/account.js`
 * naming the account. Tweets are streamed one at a time; the zip is read entry by entry.
 *
 * Classification from the archive's own fields (the archive's `retweeted` is always false):
 * - `full_text` starting `RT @` is a retweet (repost);
 * - `in_reply_to_status_id_str` set: a reply, or a self-thread when `in_reply_to_user_id_str` is the
 *   account's own id (or `in_reply_to_screen_name` its own name);
 * - otherwise an original, or mention-led when it starts with `@name`.
 * The parent's id is a snowflake, so it dates the tweet replied to (response time).
 */
import type { Post } from '../../model/index.js';
import { isMentionLed, toIso } from '../../sources/text.js';
import { twitterIdTime } from '../../sources/snowflake.js';
import { jsonArrayElements } from '../../sources/downloads/json-array.js';

/** The fields of an archive tweet this reader uses (numbers are strings in real archives). */
export interface ArchiveTweet {
  id_str?: string;
  id?: string;
  created_at?: string;
  full_text?: string;
  text?: string;
  in_reply_to_status_id_str?: string | null;
  in_reply_to_user_id_str?: string | null;
  in_reply_to_screen_name?: string | null;
}

export interface ArchiveAccount {
  accountId: string | null;
  username: string | null;
  displayName: string | null;
  /** When the account was created (ISO), as `account.js` says. */
  createdAt?: string | null;
}

export const TWEETS_FILE = /(^|\/)data\/tweets?(-part\d+)?\.js$/;
export const ACCOUNT_FILE = /(^|\/)data\/account\.js$/;
/** The classic archive X gave before 2018: `tweets.csv` and `data/js/tweets/YYYY_MM.js` (`Grailbird.data.tweets_YYYY_MM = [`). */
export const CLASSIC_FILE = /(^|\/)(tweets\.csv|data\/js\/tweets\/\d{4}_\d{2}\.js)$/;
export const EXPECTED_TWEETS = 'data/tweets.js (or data/tweet.js, tweets-partN.js) of a current archive';
/** What is said of a classic archive: recognised, not read (its layout was not seen in a public sample). */
export const CLASSIC_ARCHIVE = `this is the classic Twitter archive (tweets.csv, data/js/tweets/YYYY_MM.js) of before 2018, which is not read; expected ${EXPECTED_TWEETS}`;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * X stores `full_text` HTML-escaped (`&amp;`, `&lt;`, `&gt;`): decoded in one pass, so each entity is
 * decoded exactly once (`&amp;gt;` is the text "&gt;" as written). Anything else is left as it is.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g, (whole, name, dec, hex) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const MAX_TEXT = 2000;

export function tweetToPost(tweet: ArchiveTweet, account: ArchiveAccount): Post | null {
  const id = tweet.id_str ?? tweet.id;
  if (typeof id !== 'string') return null;
  const text = decodeEntities(tweet.full_text ?? tweet.text ?? '').slice(0, MAX_TEXT);
  const name = account.username;
  const base = {
    id,
    createdAt: toIso(tweet.created_at),
    text,
    url: name ? `https://x.com/${name}/status/${id}` : null,
    inReplyToCreatedAt: null,
  };
  if (text.startsWith('RT @')) return { ...base, kind: 'repost' };
  const parent = tweet.in_reply_to_status_id_str;
  if (parent) {
    const toSelf =
      (account.accountId !== null && tweet.in_reply_to_user_id_str === account.accountId) ||
      (name !== null && tweet.in_reply_to_screen_name?.toLowerCase() === name.toLowerCase());
    if (toSelf) return { ...base, kind: 'thread' };
    return { ...base, kind: 'reply', inReplyToCreatedAt: twitterIdTime(parent) };
  }
  return { ...base, kind: isMentionLed(text) ? 'mention' : 'original' };
}

/** The tweets of one `tweets.js` stream, as raw archive tweets (classified once the account is known). */
export async function* readTweets(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  counted: () => void = () => {},
): AsyncGenerator<ArchiveTweet> {
  for await (const { value } of jsonArrayElements(source)) {
    // every element, a tweet or not: a file of a million `{}` costs as much as a million tweets
    counted();
    const tweet = (value as { tweet?: ArchiveTweet } | null)?.tweet ?? value;
    if (tweet && typeof tweet === 'object') yield tweet as ArchiveTweet;
  }
}

/** `data/account.js`: the account's id, @name and display name. */
export async function readAccount(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<ArchiveAccount> {
  for await (const { value } of jsonArrayElements(source)) {
    const a = (value as { account?: Record<string, unknown> } | null)?.account;
    if (a) {
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
      return {
        accountId: str(a.accountId),
        username: str(a.username),
        displayName: str(a.accountDisplayName),
        createdAt: toIso(a.createdAt),
      };
    }
  }
  return { accountId: null, username: null, displayName: null };
}
