/**
 * Caps on how many things an export holds, not only how many bytes (docs/security.md):
 * a file of small valid elements stays under every byte cap and still exhausts memory — 35 MB of
 * `{},` is 12 million objects, 1.2 GB once parsed; a 68 MB X archive of bare tweets ran out of memory.
 * Every element a reader meets (a tweet, a post, a comment, a CSV row, a repository block, an outbox
 * item) is counted against one cap per export, kept or not, and a JSON file parsed whole is first
 * scanned for how many values it holds.
 */
import { ArchiveError } from './unpack-caps.js';

/**
 * Elements of one export. Memory follows it: a post kept costs ~0.5–1 KB with the analysis (a
 * million bare tweets peak at ~890 MB RSS under a 1 GB heap). A brand's whole history is far below:
 * 100 posts and comments a day for 25 years is 913,000.
 */
export const MAX_EXPORT_ELEMENTS = 1_000_000;

/**
 * Values (objects, arrays, and the elements separated by commas) of one JSON file parsed whole
 * (TikTok's user_data.json, a Mastodon outbox): 5 million empty objects take ~320 MB once parsed.
 */
export const MAX_JSON_VALUES = 5_000_000;

const grouped = (n: number) => n.toLocaleString('en-US');

/** One counter per export: `count()` for each element met; throws past the cap. */
export function elementCounter(what: string, limit = MAX_EXPORT_ELEMENTS) {
  let seen = 0;
  return {
    count(n = 1): void {
      seen += n;
      if (seen > limit)
        throw new ArchiveError(
          `the ${what} holds more than ${grouped(limit)} posts, comments, rows and other elements: refused (the reader's limit; an account's whole history is far below it)`,
        );
    },
    get seen(): number {
      return seen;
    },
  };
}
export type ElementCounter = ReturnType<typeof elementCounter>;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const OPEN_ARR = 0x5b;
const COMMA = 0x2c;

/**
 * JSON.parse of a whole file, once a scan has counted its values (every `{`, `[` and `,` outside
 * strings: an upper bound on what the parse allocates) within `limit`. `name` is said in the error.
 */
export function parseJsonCapped(bytes: Buffer, name: string, limit = MAX_JSON_VALUES): unknown {
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJ || b === OPEN_ARR || b === COMMA) {
      if (++values > limit)
        throw new ArchiveError(
          `${name} holds more than ${grouped(limit)} JSON values: refused (the reader's limit for a file read whole)`,
        );
    }
  }
  return JSON.parse(bytes.toString('utf8'));
}
