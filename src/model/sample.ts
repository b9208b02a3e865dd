/**
 * The definition of a profile's sample, shared by the adapters (how far to page) and the analysis
 * (which posts count). Written once so that what is fetched and what is counted cannot drift apart:
 *
 * - posts dated after the as-of date, undated posts and pinned posts never decide coverage;
 * - the **window** is `[asOf − windowDays, asOf]`; conversation, promo, canned and response-time
 *   metrics are computed over the posts in it, or, when it holds fewer than `minSamplePosts`, over
 *   the newest `minSamplePosts` posts the source shows (older ones included: the sample is *extended*);
 * - staleness rates (30/90 days, the 90 days before those, 26 weekly counts) need the last
 *   STALENESS_DAYS days, so the **reach** is `max(windowDays, STALENESS_DAYS)` days back;
 * - the sample holds at most `maxPosts` posts (the newest dated ones); the staleness spans count every
 *   dated post the source gives for them, however many (issue 31, item 3).
 *
 * A source is read newest first until the reach and the sample are covered (a post older than both
 * has been seen) or the source ends, or SPAN_READ_FACTOR × `maxPosts` posts have been read (then the
 * spans it did not reach are lower bounds); whatever was read beyond the reach is not counted, so the
 * page size of an API never changes a number.
 */
import type { Settings } from './inventory.js';
import type { Post } from './timeline.js';

const DAY_MS = 86_400_000;

/** A ratio over fewer items than this is shown as its counts ("2 of 3 replies canned"), not as a bare percentage. */
export const SMALL_SAMPLE = 5;

/** Weeks of posting activity in the report (the sparkline and the HTML timeline), ending at as-of. */
export const ACTIVITY_WEEKS = 26;

/** Days of history the staleness metrics need: the 26 weeks of activity, which hold 2 × 90 days. */
export const STALENESS_DAYS = ACTIVITY_WEEKS * 7;

export type SampleSettings = Pick<Settings, 'windowDays' | 'minSamplePosts' | 'maxPosts'>;

/** How many times `maxPosts` a paged source is read at most to cover the staleness spans (a busy account). */
export const SPAN_READ_FACTOR = 10;

/** Posts read at most from a paged source: past it, reading stops and the spans not reached are lower bounds. */
export const spanReadCap = (s: SampleSettings): number => SPAN_READ_FACTOR * s.maxPosts;

/** Start of the audit window (ms). */
export const windowStart = (asOf: Date, s: SampleSettings): number => asOf.getTime() - s.windowDays * DAY_MS;

/** How far back the staleness metrics and the window need posts (ms). */
export const reachStart = (asOf: Date, s: SampleSettings): number =>
  asOf.getTime() - Math.max(s.windowDays, STALENESS_DAYS) * DAY_MS;

/** No post of a social profile or a blog is older than this: an earlier date is a misread one. */
export const EARLIEST_POST = '1990-01-01T00:00:00Z';
/** A date more than this many days after as-of is a misread one too; a nearer one is a post after as-of. */
export const LATEST_AHEAD_DAYS = 366;

/**
 * What a post's date is to the sample: `dated` (at or before as-of, from 1990 on), `future` (after
 * as-of, within a year of it), or `unreadable` (none, or outside 1990 … as-of + 1 year: counted with
 * the undated and said in the sample note, never used for staleness).
 */
export function dateOf(
  post: Pick<Post, 'createdAt'>,
  asOf: Date,
): { t: number; kind: 'dated' | 'future' | 'unreadable' } {
  const t = post.createdAt ? Date.parse(post.createdAt) : Number.NaN;
  if (!Number.isFinite(t) || t < Date.parse(EARLIEST_POST) || t > asOf.getTime() + LATEST_AHEAD_DAYS * DAY_MS)
    return { t, kind: 'unreadable' };
  return { t, kind: t > asOf.getTime() ? 'future' : 'dated' };
}

/** The time of a post that can tell how far back a source has been read: dated, at or before as-of, not pinned. */
export function coverageTime(post: Post, asOf: Date): number | null {
  if (post.pinned) return null;
  const { t, kind } = dateOf(post, asOf);
  return kind === 'dated' ? t : null;
}

/**
 * The adapters' stop rule: true when the posts read so far (newest first, any page size) cover what
 * the sample definition needs, or reach `maxPosts`. The caller also stops when the source ends.
 */
export function pagingDone(posts: readonly Post[], asOf: Date, s: SampleSettings): boolean {
  // a busy account, or a source that keeps sending posts dated after as-of (or undated), cannot page forever
  if (posts.length >= spanReadCap(s)) return true;
  let dated = 0;
  let oldest = Infinity;
  for (const post of posts) {
    const t = coverageTime(post, asOf);
    if (t === null) continue;
    dated++;
    if (t < oldest) oldest = t;
  }
  // maxPosts caps the sample, not the reading: the spans are read back over their dates (issue 31, item 3)
  return oldest < reachStart(asOf, s) && dated >= s.minSamplePosts;
}
