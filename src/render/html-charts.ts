/** Inline SVG charts for the HTML report: the status overview and a profile's weekly activity. */
import { plural, STATUSES, type Report, type Status } from '../model/index.js';
import { escapeHtml as h } from './escape.js';
import { statusCounts } from './format.js';

export const STATUS_COLOURS: Record<Status, string> = {
  active: '#2e7d32',
  stale: '#f9a825',
  abandoned: '#c62828',
  empty: '#ad1457',
  unreachable: '#4a148c',
  blocked: '#6d4c41',
  error: '#757575',
};

/** One stacked bar of profiles by status, with a legend. */
export function statusChart(report: Report): string {
  const total = report.summary.profiles;
  const width = 640;
  const present = STATUSES.filter((s) => report.summary.byStatus[s] > 0);
  let x = 0;
  const bars = present.map((s) => {
    const count = report.summary.byStatus[s];
    const w = total === 0 ? 0 : (count / total) * width;
    const rect = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="28" fill="${STATUS_COLOURS[s]}"><title>${count} ${s}</title></rect>`;
    x += w;
    return rect;
  });
  const legend = present.map((s, i) => {
    const lx = (i % 4) * 160;
    const ly = 48 + Math.floor(i / 4) * 22;
    return `<rect x="${lx}" y="${ly - 11}" width="12" height="12" fill="${STATUS_COLOURS[s]}"/><text x="${lx + 18}" y="${ly}">${report.summary.byStatus[s]} ${s}</text>`;
  });
  const height = 48 + Math.ceil(present.length / 4) * 22;
  const label = statusCounts(report, STATUSES)
    .map((c) => c.text)
    .join(', ');
  return `<svg class="status-chart" role="img" aria-label="Profiles by status: ${h(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}${legend.join('')}</svg>`;
}

/**
 * Posts per week as bars, oldest week on the left. A week the sample does not reach is drawn as an
 * outlined "unknown" box, not as an empty week.
 */
export function activityChart(weeks: ReadonlyArray<number | null>, firstWeek: string, lastWeek: string): string {
  const barW = 10;
  const gap = 2;
  const plotH = 48;
  const width = weeks.length * (barW + gap);
  const max = weeks.reduce<number>((most, w) => Math.max(most, w ?? 0), 0);
  const bars = weeks.map((w, i) => {
    const x = i * (barW + gap);
    if (w === null)
      return `<rect class="unknown" x="${x}" y="${plotH - 12}" width="${barW}" height="12"><title>not in the sample</title></rect>`;
    const height = max === 0 || w === 0 ? 1 : Math.max(2, (w / max) * plotH);
    return `<rect class="${w === 0 ? 'zero' : 'bar'}" x="${x}" y="${(plotH - height).toFixed(1)}" width="${barW}" height="${height.toFixed(1)}"><title>${plural(w, 'post')}</title></rect>`;
  });
  const known = weeks.filter((w) => w !== null).length;
  const label = `Posts per week, ${firstWeek} to ${lastWeek}: ${known === 0 ? 'no week in the sample' : `at most ${max} a week`}`;
  return [
    `<svg class="activity" role="img" aria-label="${h(label)}" viewBox="0 -16 ${width} ${plotH + 36}" width="${width}" height="${plotH + 36}" xmlns="http://www.w3.org/2000/svg">`,
    ...bars,
    `<text x="0" y="${plotH + 16}">${h(firstWeek)}</text>`,
    `<text x="${width}" y="${plotH + 16}" text-anchor="end">${h(lastWeek)}</text>`,
    max > 0 ? `<text class="max" x="${width}" y="-5" text-anchor="end">max ${max}/wk</text>` : '',
    '</svg>',
  ].join('');
}
