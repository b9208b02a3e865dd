/**
 * Snowflake ids encode when a post was written, so a reply's parent id dates the parent without fetching it.
 * - Mastodon: milliseconds since the Unix epoch, shifted left by 16 bits (since Mastodon 2.0, 2017).
 * - X/Twitter: milliseconds since 2010-11-04T01:42:54.657Z, shifted left by 22 bits (ids since late 2010;
 *   older ids are sequential and carry no time).
 * - AT Protocol (Bluesky) record keys are TIDs: 13 characters of base32-sortable, a 64-bit number whose
 *   top 53 bits after the first are microseconds since the Unix epoch (the last 10 a clock id).
 */
const TWITTER_EPOCH = 1_288_834_974_657n;
const FIRST_TWITTER_SNOWFLAKE = 29_700_859_247n;

function plausible(ms: number, from: number): string | null {
  return ms > from && ms < Date.UTC(2100, 0, 1) ? new Date(ms).toISOString() : null;
}

export function mastodonIdTime(id: string | null | undefined): string | null {
  if (!id || !/^\d{15,20}$/.test(id)) return null;
  return plausible(Number(BigInt(id) >> 16n), Date.UTC(2016, 0, 1));
}

export function twitterIdTime(id: string | null | undefined): string | null {
  if (!id || !/^\d{1,20}$/.test(id)) return null;
  const n = BigInt(id);
  if (n < FIRST_TWITTER_SNOWFLAKE) return null;
  return plausible(Number((n >> 22n) + TWITTER_EPOCH), Date.UTC(2010, 10, 4));
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export function tidTime(tid: string | null | undefined): string | null {
  if (!tid || !TID.test(tid)) return null;
  let n = 0n;
  for (const ch of tid) n = n * 32n + BigInt(TID_ALPHABET.indexOf(ch));
  return plausible(Number((n >> 10n) / 1000n), Date.UTC(2022, 0, 1));
}
