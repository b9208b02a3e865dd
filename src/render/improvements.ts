/**
 * "Better since the last audit", in words, from the report's baseline comparison: profiles revived,
 * people answered more (or at all), fewer canned replies, dead links and other problems gone. Every
 * format shows these AHEAD of what got worse, so effort is credited as plainly as problems are named.
 * Pure: the report in, sentences out (fetched text unescaped: each format escapes it).
 */
import { isBetterStatus, percent, plural, type MetricChange, type Report } from '../model/index.js';
import { profileLabel } from './format.js';

/** Dead links are the change a client sees most plainly: each is named, the other resolved findings counted. */
const DEAD_LINK = 'dead-profile-link';

function metricText(c: MetricChange, name: string): string {
  if (c.metric === 'answeredRate')
    return c.from === 0
      ? `${name} started answering: ${percent(c.to)} of the replies from people answered, none before`
      : `${name} answers more people: ${percent(c.from)} → ${percent(c.to)} of the replies from people answered`;
  return c.to === 0
    ? `${name} writes every reply in person now: canned replies ${percent(c.from)} → none`
    : `${name} writes more in person: canned replies ${percent(c.from)} → ${percent(c.to)}`;
}

/** What got better, one sentence each: revived profiles, then metrics, then problems gone. */
export function improvements(report: Report): string[] {
  const b = report.baseline;
  if (!b) return [];
  const names = new Map(report.profiles.map((p) => [p.id, profileLabel(p)]));
  const name = (id: string) => names.get(id) ?? id;
  const lines = b.statusChanges
    .filter((c) => isBetterStatus(c.from, c.to))
    .map((c) => `${name(c.profileId)} is ${c.to === 'active' ? 'active again' : c.to} (was ${c.from})`);
  for (const c of b.metricChanges ?? []) if (c.better) lines.push(metricText(c, name(c.profileId)));
  const dead = b.resolved.filter((f) => f.code === DEAD_LINK);
  const removed = new Set(b.removedProfiles);
  for (const f of dead)
    lines.push(
      f.profileId && !removed.has(f.profileId)
        ? `${name(f.profileId)} answers at its address again (it was a dead link)`
        : `dead link removed from the list: ${f.profileId ?? 'a profile'}`,
    );
  const other = b.resolved.length - dead.length;
  if (other > 0) lines.push(`${plural(other, 'other problem')} of the last audit resolved`);
  return lines;
}

/** Metrics that moved the wrong way, one sentence each (status changes are listed on their own). */
export function metricSetbacks(report: Report): string[] {
  const b = report.baseline;
  if (!b) return [];
  const names = new Map(report.profiles.map((p) => [p.id, profileLabel(p)]));
  return (b.metricChanges ?? [])
    .filter((c) => !c.better)
    .map((c) => {
      const who = names.get(c.profileId) ?? c.profileId;
      return c.metric === 'answeredRate'
        ? `${who} answers fewer people: ${percent(c.from)} → ${percent(c.to)} of the replies from people answered`
        : `${who} uses more canned replies: ${percent(c.from)} → ${percent(c.to)}`;
    });
}
