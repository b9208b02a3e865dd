/**
 * The X/Twitter data archive in the format of ../shared/real-samples/twitter-archive/: `data/tweets.js`
 * (`window.YTD.tweets.part0 = [ {"tweet" : {...}} ]`, numbers as strings, " : " separators as X writes
 * them) and `data/account.js`.
 */
export interface ArchiveTweetSpec {
  id: string;
  at: string;
  text: string;
  replyTo?: { statusId: string; userId: string; screenName: string };
}

const TWITTER_DATE = (iso: string) => {
  const d = new Date(iso);
  const day = d.toUTCString().slice(0, 3);
  const mon = d.toUTCString().slice(8, 11);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${mon} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
};

/** X's own pretty-printing: two-space indent and " : " between key and value. */
const xJson = (value: unknown) => JSON.stringify(value, null, 2).replace(/"(\w+)": /g, '"$1" : ');

/**
 * How an era writes its tweets file: the global's name (`tweets` from 2022, `tweet` before), the part, and
 * whether each tweet is wrapped in `{"tweet": …}` (2020 on) or bare (2019).
 */
export interface TweetsJsEra {
  global?: 'tweets' | 'tweet';
  part?: number;
  bare?: boolean;
}

export function tweetsJs(tweets: ArchiveTweetSpec[], era: TweetsJsEra = {}): string {
  const { global = 'tweets', part = 0, bare = false } = era;
  const items = tweets.map((t) => {
    const tweet = {
      // edits came in 2022: the `tweet.js` eras have no edit_info
      ...(global === 'tweet'
        ? {}
        : {
            edit_info: {
              initial: {
                editTweetIds: [t.id],
                editableUntil: new Date(Date.parse(t.at) + 3_600_000).toISOString(),
                editsRemaining: '5',
                isEditEligible: true,
              },
            },
          }),
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
      display_text_range: ['0', String(t.text.length)],
      favorite_count: '0',
      ...(t.replyTo
        ? {
            in_reply_to_status_id_str: t.replyTo.statusId,
            in_reply_to_user_id: t.replyTo.userId,
            in_reply_to_status_id: t.replyTo.statusId,
            in_reply_to_screen_name: t.replyTo.screenName,
            in_reply_to_user_id_str: t.replyTo.userId,
          }
        : {}),
      id_str: t.id,
      truncated: false,
      retweet_count: '0',
      id: t.id,
      created_at: TWITTER_DATE(t.at),
      favorited: false,
      full_text: t.text,
      lang: 'en',
    };
    return bare ? tweet : { tweet };
  });
  return `window.YTD.${global}.part${part} = ${xJson(items)}`;
}

export function accountJs(accountId: string, username: string, displayName: string): string {
  return `window.YTD.account.part0 = ${xJson([{ account: { email: null, createdVia: 'web', username, accountId, createdAt: '2012-04-02T09:00:00.000Z', accountDisplayName: displayName } }])}`;
}

/** A snowflake id for a time: milliseconds since the Twitter epoch, shifted left 22 bits. */
export function twitterSnowflake(iso: string, sequence: number): string {
  return String(((BigInt(Date.parse(iso)) - 1_288_834_974_657n) << 22n) + BigInt(sequence % 4096));
}
