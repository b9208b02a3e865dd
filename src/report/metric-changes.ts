/**
 * The answered rates and canned shares that moved since the baseline, per profile in both reports: what
 * "Better since the last audit" credits (and what got worse, for the same reader). A change is recorded
 * only where both reports measured the metric over the sample its finding needs (a rate from 2 replies
 * moves by chance) and it moved by at least MIN_MOVE, or from none at all: a profile that went from
 * answering no one to answering some is told, however few. Pure.
 */
import type { ComparedMetric, Metrics, MetricChange, ProfileResult } from '../model/index.js';
import { THRESHOLDS } from '../scoring/findings/conversation.js';

/** Five points: less is noise between two samples of the size the findings need. */
export const MIN_MOVE = 0.05;

/** Each compared metric: its value, whether its sample is big enough, and which way is better. */
const COMPARED: Record<
  ComparedMetric,
  { value: (m: Metrics) => number | null; enough: (m: Metrics) => boolean; higherIsBetter: boolean }
> = {
  answeredRate: {
    value: (m) => m.answeredRate ?? null,
    enough: (m) => (m.audienceReplies ?? 0) >= THRESHOLDS.ignoresAudienceMinReplies,
    higherIsBetter: true,
  },
  cannedRatio: {
    value: (m) => m.cannedRatio,
    enough: (m) => (m.repliesAnalyzed ?? 0) >= THRESHOLDS.cannedMinReplies,
    higherIsBetter: false,
  },
};

export function metricChanges(before: readonly ProfileResult[], after: readonly ProfileResult[]): MetricChange[] {
  const old = new Map(before.map((p) => [p.id, p]));
  const changes: MetricChange[] = [];
  for (const p of after) {
    const was = old.get(p.id)?.metrics;
    const now = p.metrics;
    if (!was || !now) continue;
    for (const [metric, c] of Object.entries(COMPARED) as Array<[ComparedMetric, (typeof COMPARED)[ComparedMetric]]>) {
      const from = c.value(was);
      const to = c.value(now);
      if (from === null || to === null || !c.enough(was) || !c.enough(now)) continue;
      // from none at all counts however small the step: the brand started doing it
      const moved = Math.abs(to - from) >= MIN_MOVE || (from === 0) !== (to === 0);
      if (!moved || to === from) continue;
      changes.push({ profileId: p.id, metric, from, to, better: c.higherIsBetter ? to > from : to < from });
    }
  }
  return changes;
}
