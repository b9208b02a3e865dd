/** One status per profile, from the fetch outcome and the measured staleness, with what it rests on. */
import { plural, type Basis, type FetchOutcome, type Metrics, type Settings, type Status } from '../model/index.js';

export interface StatusDecision {
  status: Status;
  reason: string | null;
  basis: Basis;
  /** The basis in words, for every format: "from 1 post visible on a partly walled page". */
  basisNote: string | null;
}

const postsWord = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`;

/** What a status from dated posts rests on: how many there are and where they were read. */
function postsBasis(
  outcome: Extract<FetchOutcome, { kind: 'ok' }>,
  metrics: Metrics,
): Pick<StatusDecision, 'basis' | 'basisNote'> {
  const n = metrics.postsAnalyzed;
  const { method, partlyWalled, pageDates } = outcome.timeline;
  if (n === 0) {
    // no dated post: the date is the platform's own (Mastodon's last_status_at, a page's dateModified)
    return pageDates
      ? { basis: 'page-dates', basisNote: 'from the date the page says it was last modified' }
      : { basis: 'platform-fact', basisNote: "from the platform's own last-post date" };
  }
  if (n === 1) {
    return {
      basis: 'single-item',
      basisNote: partlyWalled
        ? 'from 1 post visible on a partly walled page'
        : `from 1 dated ${pageDates ? 'item on the page' : 'post'}`,
    };
  }
  if (pageDates)
    return {
      basis: 'page-dates',
      basisNote: `from ${n} dates printed on ${partlyWalled ? 'a partly walled page' : 'the page'}`,
    };
  const where = {
    api: "the platform's API",
    feed: 'the feed',
    html: "the platform's public page",
    export: "the owner's export",
  }[method];
  // the span is named, so the card's sample ("150 in 180 d") and this count cannot seem to disagree
  const since = metrics.firstPostAt ? ` since ${metrics.firstPostAt.slice(0, 10)}` : '';
  return { basis: 'posts', basisNote: `from ${postsWord(n)}${since} read from ${where}` };
}

export function decideStatus(outcome: FetchOutcome, metrics: Metrics | null, settings: Settings): StatusDecision {
  if (outcome.kind === 'unreachable')
    return {
      status: 'unreachable',
      reason: outcome.reason,
      basis: 'platform-fact',
      basisNote: "from the platform's answer that the profile is gone",
    };
  if (outcome.kind !== 'ok') return { status: outcome.kind, reason: outcome.reason, basis: 'none', basisNote: null };
  if (!metrics) return { status: 'error', reason: 'no metrics', basis: 'none', basisNote: null };
  if (metrics.lastPostAt === null || metrics.daysSinceLastPost === null) {
    const none = { basis: 'none', basisNote: null } as const;
    if (metrics.sample.fetched > 0) {
      const future = metrics.futurePosts;
      // as of that date the profile had not posted yet: empty then, not a failure to re-run
      return future > 0 && future === metrics.sample.fetched
        ? {
            status: 'empty',
            reason: `no posts at or before the as-of date: all ${postsWord(future)} read are dated after it`,
            basis: 'posts',
            basisNote: `from ${postsWord(future)} read, every one after the as-of date`,
          }
        : {
            status: 'error',
            reason: `no dated content: ${postsWord(metrics.sample.fetched)}, none with a usable date at or before the as-of date`,
            ...none,
          };
    }
    const claimed = outcome.timeline.facts.postsCount;
    if (claimed !== null && claimed > 0) {
      return { status: 'error', reason: `the platform counts ${postsWord(claimed)} but shows none`, ...none };
    }
    return claimed === 0
      ? {
          status: 'empty',
          reason: 'the profile exists and has never posted',
          basis: 'platform-fact',
          basisNote: "from the platform's own post count (0)",
        }
      : {
          status: 'empty',
          reason: 'the profile exists and has never posted',
          basis: 'posts',
          basisNote: 'from a source that lists no posts',
        };
  }
  const days = metrics.daysSinceLastPost;
  const basis = postsBasis(outcome, metrics);
  if (days > settings.abandonedAfterDays)
    return { status: 'abandoned', reason: `last post ${plural(days, 'day')} before the as-of date`, ...basis };
  if (days > settings.staleAfterDays)
    return { status: 'stale', reason: `last post ${plural(days, 'day')} before the as-of date`, ...basis };
  return { status: 'active', reason: null, ...basis };
}
