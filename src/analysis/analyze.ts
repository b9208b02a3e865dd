/** Timeline → Metrics: the three measurements, with a reason for every metric that cannot be had. */
import { LISTENING_OFF, plural, type Metrics, type Settings, type Timeline } from '../model/index.js';
import { canned, NO_CANNED } from './canned.js';
import { listeningGaps, listeningMetrics, listeningUnread, NO_LISTENING, type Siblings } from './listening.js';
import { conversation } from './conversation.js';
import { NO_RESPONSE_TIMES, responseTimes } from './response.js';
import { selectSample } from './sample.js';
import { staleness } from './staleness.js';

/** What the analysis of one profile may know of the others: who may answer for it (listening). */
export interface AnalysisContext {
  siblings: Siblings;
}

export function analyzeTimeline(
  timeline: Timeline,
  asOf: Date,
  settings: Settings,
  context: AnalysisContext = { siblings: new Map() },
): Metrics {
  const selected = selectSample(timeline, asOf, settings);
  // oldest first, as a timeline reads
  const posts = selected.sample.map((d) => d.post).reverse();

  const stale = staleness({
    selected,
    asOf,
    platformLastPostAt: timeline.facts.lastPostAt,
    repliesVisible: timeline.repliesVisible,
    repostsVisible: timeline.repostsVisible,
  });
  const talk = conversation({ posts, repliesVisible: timeline.repliesVisible });
  const replies = posts.filter((p) => p.kind === 'reply');
  const templates = timeline.repliesVisible
    ? canned({ replies, similarity: settings.cannedSimilarity, minClusterSize: settings.cannedMinClusterSize })
    : NO_CANNED;
  const response = timeline.repliesVisible ? responseTimes(replies) : NO_RESPONSE_TIMES;

  const unavailable: Record<string, string> = {};
  const hidden = timeline.repliesHiddenReason ?? 'the source does not show replies';
  if (stale.lastPostAt === null) unavailable.daysSinceLastPost = 'no dated post';
  if (stale.medianGapDays === null) unavailable.medianGapDays = 'fewer than two dated posts';
  if (stale.goneQuiet === null) unavailable.goneQuiet = `fewer than 5 dated posts`;
  if (stale.postsPrev90d === null) unavailable.postsPrev90d = 'the source was not read back 180 days';
  if (stale.collapsing === null) unavailable.collapsing = unavailable.postsPrev90d ?? 'no dated post';
  if (stale.postsPerWeek30d !== null && !timeline.repliesVisible) unavailable.repliesPerWeek30d = hidden;
  if (stale.postsPerWeek30d !== null && !timeline.repostsVisible)
    unavailable.repostsPerWeek30d = 'the source does not show reposts';
  if (!timeline.repliesVisible) {
    unavailable.conversationRatio = hidden;
    unavailable.cannedRatio = hidden;
    unavailable.medianResponseMinutes = hidden;
    unavailable.p90ResponseMinutes = hidden;
  } else {
    if (talk.conversationRatio === null) unavailable.conversationRatio = 'no own posts or replies in the sample';
    if (templates.cannedRatio === null) unavailable.cannedRatio = 'no replies to analyse';
    if (response.medianResponseMinutes === null) {
      unavailable.medianResponseMinutes =
        replies.length === 0
          ? 'no replies to analyse'
          : (timeline.responseTimeHiddenReason ?? 'the source does not show when the replied-to posts were written');
      unavailable.p90ResponseMinutes = unavailable.medianResponseMinutes;
    }
  }
  if (talk.promoRatio === null) unavailable.promoRatio = 'no original posts in the sample';
  const listening = timeline.listening ? listeningMetrics(timeline.listening, context.siblings, asOf) : NO_LISTENING;
  // not read is not zero: no thread read (a budget or a rate limit stopped it, or each failed) is a reason, not 0 replies
  const listeningOff = timeline.listening
    ? listeningUnread(timeline.listening)
    : (timeline.listeningOff ?? "the source does not show the replies people write under the profile's posts");
  Object.assign(unavailable, listeningGaps(listening, listeningOff));

  return {
    ...stale,
    ...talk,
    ...templates,
    ...response,
    ...listening,
    sample: {
      method: timeline.method,
      size: timeline.posts.length,
      posts: selected.sample.length,
      fetched: selected.fetched,
      from: iso(selected.sample.at(-1)?.t),
      to: iso(selected.sample[0]?.t),
      extended: selected.extended,
      complete: selected.complete,
      incompleteReason: selected.incompleteBecause,
      note: sampleNote(timeline, selected.undated, settings),
      rejectedRows: timeline.rejected?.count ?? 0,
      problems: timeline.rejected?.problems ?? [],
    },
    unavailable,
  };
}

/**
 * The source's own note, how many of its posts had no readable date ("3 items without a readable
 * date"), and what listening left unread ("3 of 5 threads with replies not read: …").
 */
function sampleNote(timeline: Timeline, undated: number, settings: Settings): string | null {
  const unreadable =
    undated > 0 ? `${plural(undated, timeline.method === 'feed' ? 'item' : 'post')} without a readable date` : null;
  const l = timeline.listening;
  const unread = l?.unread
    ? `${l.unread.count} of ${plural(l.withReplies, 'thread')} with replies not read: ${l.unread.reason}`
    : !l && settings.listenBudget <= 0 && timeline.listeningOff === LISTENING_OFF
      ? `the threads under its posts were not read: ${LISTENING_OFF}`
      : null;
  return [timeline.sampleNote, unreadable, unread].filter((n) => n !== null && n !== '').join('; ') || null;
}

const iso = (t: number | undefined): string | null => (t === undefined ? null : new Date(t).toISOString());
