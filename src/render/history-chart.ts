/**
 * The history page's score lines as inline SVG: the small multiples' bare line, and the company's
 * chart with axes — scores on a fixed 0–100 scale with ticks, the reports' dates along the bottom —
 * so a reader sees how high the line is, not only that it moved. Scores are 0–100; a report without
 * one leaves a gap.
 */
import { escapeHtml as h } from './escape.js';

const Y_TICKS = [0, 25, 50, 75, 100];
/** At most this many dates along the x axis (first and last always): more would overlap. */
const MAX_DATE_LABELS = 6;

/** The line's segments (a gap where a report has no score) and dots, in the plot's coordinates. */
function plotted(scores: ReadonlyArray<number | null>, x: (i: number) => number, y: (v: number) => number): string {
  const segments: string[] = [];
  let current: string[] = [];
  scores.forEach((v, i) => {
    if (v === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  const dots = scores
    .map((v, i) => (v === null ? '' : `<circle class="dot" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2"/>`))
    .join('');
  return `${segments.map((pts) => `<polyline class="score-line" points="${pts}" fill="none" stroke-width="1.5"/>`).join('')}${dots}`;
}

/** A bare line of scores, for a small panel: the dashed line is 50. */
export function scoreLine(scores: ReadonlyArray<number | null>, width: number, height: number): string {
  const n = scores.length;
  const x = (i: number) => (n === 1 ? width / 2 : 4 + (i * (width - 8)) / (n - 1));
  const y = (v: number) => height - 4 - (v / 100) * (height - 8);
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="score over ${n} reports" xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="${y(50)}" x2="${width}" y2="${y(50)}" stroke="#d1d9e0" stroke-dasharray="2 2"/>${plotted(scores, x, y)}</svg>`;
}

/** Which reports get a date under the x axis: evenly spread, the first and the last always. */
export function dateLabelIndexes(n: number, most = MAX_DATE_LABELS): number[] {
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  return [...new Set(Array.from({ length: most }, (_, k) => Math.round((k * (n - 1)) / (most - 1))))];
}

/** The company's scores with a y axis (0–100, ticks every 25) and the reports' dates (YYYY-MM-DD) on x. */
export function scoreChart(
  points: ReadonlyArray<{ asOf: string; score: number | null }>,
  width = 640,
  height = 160,
): string {
  const left = 34;
  const right = 12;
  const top = 8;
  const bottom = 24;
  const n = points.length;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number) => top + plotH - (v / 100) * plotH;
  const yAxis = Y_TICKS.map(
    (t) =>
      `<line class="grid" x1="${left}" y1="${y(t)}" x2="${width - right}" y2="${y(t)}"/><text class="tick" x="${left - 6}" y="${y(t) + 3.5}" text-anchor="end">${t}</text>`,
  ).join('');
  const xAxis = dateLabelIndexes(n)
    .map((i) => {
      // the first date starts at the axis and the last ends at the edge, so neither is cut off
      const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
      return `<line class="axis" x1="${x(i).toFixed(1)}" y1="${top + plotH}" x2="${x(i).toFixed(1)}" y2="${top + plotH + 4}"/><text class="tick" x="${x(i).toFixed(1)}" y="${height - 6}" text-anchor="${anchor}">${h(points[i]!.asOf.slice(0, 10))}</text>`;
    })
    .join('');
  const axes = `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}"/><line class="axis" x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}"/>`;
  return `<svg class="score-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="company score (0 to 100) over ${n} reports" xmlns="http://www.w3.org/2000/svg">${yAxis}${axes}${xAxis}${plotted(
    points.map((p) => p.score),
    x,
    y,
  )}</svg>`;
}
