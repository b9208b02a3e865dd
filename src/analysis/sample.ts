/**
 * Which of a timeline's posts are counted, by the definition in model/sample.ts. Pure: the same posts
 * give the same sample whatever order they came in and however many extra the source sent.
 */
import {
  dateOf,
  reachStart,
  spanReadCap,
  windowStart,
  type Post,
  type SampleSettings,
  type Timeline,
} from '../model/index.js';

export interface DatedPost {
  post: Post;
  /** ms since the epoch. */
  t: number;
}

export interface SelectedSample {
  /**
   * Dated posts at or before as-of that are counted by any metric, newest first: the reach and the
   * sample. Every one the source gave for those spans: `maxPosts` caps the sample, never the spans.
   */
  counted: DatedPost[];
  /** The posts the conversation, promo, canned and response-time metrics are computed over, newest first. */
  sample: DatedPost[];
  /** The window held fewer than minSamplePosts posts and older posts were added. */
  extended: boolean;
  /** The source showed everything the definition asks for (the reach, the window and the extension). */
  complete: boolean;
  /** The reading stopped at its ceiling (pagingDone) before the source ended: why, in words; else null. */
  readStopped: string | null;
  /** Why it is not complete, in a few words; null when complete. */
  incompleteBecause: string | null;
  /**
   * From when on every post of the source is known to be counted (ms): -Infinity when the source was
   * read to its end. Before it the counts are unknown, not zero.
   */
  coveredFrom: number;
  undated: number;
  future: number;
  fetched: number;
}

/**
 * Newest first; ties by what the metrics read (kind, text, the replied-to date), then by id, so input
 * order never matters, not even for an export whose ids are row numbers.
 */
function newestFirst(a: DatedPost, b: DatedPost): number {
  return (
    b.t - a.t ||
    cmp(a.post.kind, b.post.kind) ||
    cmp(a.post.text, b.post.text) ||
    cmp(a.post.inReplyToCreatedAt ?? '', b.post.inReplyToCreatedAt ?? '') ||
    cmp(a.post.id, b.post.id)
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function selectSample(
  timeline: Pick<Timeline, 'posts' | 'reachedEnd' | 'facts' | 'readStopped'>,
  asOf: Date,
  settings: SampleSettings,
): SelectedSample {
  let undated = 0;
  let future = 0;
  const dated: DatedPost[] = [];
  for (const post of timeline.posts) {
    const { t, kind } = dateOf(post, asOf);
    if (kind === 'unreadable') undated++;
    else if (kind === 'future') future++;
    else dated.push({ post, t });
  }
  dated.sort(newestFirst);

  const { postsCount } = timeline.facts;
  const readToEnd = timeline.reachedEnd === true || (postsCount !== null && postsCount <= timeline.posts.length);
  // the reading itself stopped at its ceiling (pagingDone): what lies before it is unknown
  const stoppedAtCeiling = timeline.posts.length >= spanReadCap(settings);

  // the sample: the window's posts, never more than maxPosts (the newest), or the newest minSamplePosts
  // where the window holds fewer; a pinned post is kept where its date puts it. Whether it is cut
  // depends on the window alone, never on how far past it a page happened to reach
  const windowFrom = windowStart(asOf, settings);
  const inWindow = dated.filter((d) => d.t >= windowFrom);
  const cut = inWindow.length > settings.maxPosts;
  const extended = inWindow.length < settings.minSamplePosts && dated.length > inWindow.length;
  const sample = cut
    ? inWindow.slice(0, settings.maxPosts)
    : extended
      ? dated.slice(0, Math.min(settings.minSamplePosts, settings.maxPosts))
      : inWindow;

  // the spans (last post, 30/90 days, the 26 weeks) count every dated post the source gave for them,
  // however many: an export with 1,000 posts in a month is counted whole, not its newest maxPosts
  const needFrom = Math.min(reachStart(asOf, settings), sample.at(-1)?.t ?? Infinity);
  const counted = dated.filter((d) => d.t >= needFrom);
  // the oldest post the source was read back to (pinned posts are shown out of order: they prove nothing)
  let oldestRead = Infinity;
  for (const d of dated) if (!d.post.pinned && d.t < oldestRead) oldestRead = d.t;
  // the source is read newest first: every post from the oldest one read on is known
  const coveredAll = readToEnd || oldestRead <= needFrom;
  const enoughPosts = readToEnd || sample.length >= settings.minSamplePosts;
  // the sample holds the newest maxPosts of a window with more: its metrics see only part of the window
  const complete = coveredAll && enoughPosts && !cut;
  const readStopped = stoppedAtCeiling
    ? `reading stopped after ${spanReadCap(settings).toLocaleString('en-US')} posts, the most read for one profile`
    : (timeline.readStopped ?? null);
  // what stopped the reading decides the wording, never how many extra posts a page happened to bring
  const incompleteBecause = complete
    ? null
    : (readStopped ??
      (cut
        ? `only the newest ${settings.maxPosts} posts were read`
        : !coveredAll
          ? 'the source does not reach back far enough'
          : `the platform shows fewer than the ${settings.minSamplePosts} posts a sample needs`));
  return {
    counted,
    sample,
    extended,
    complete,
    incompleteBecause,
    readStopped,
    coveredFrom: readToEnd ? -Infinity : coveredAll ? needFrom : oldestRead,
    undated,
    future,
    fetched: timeline.posts.length,
  };
}
