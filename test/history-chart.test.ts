/** The history page's company score chart: a y axis 0–100 with ticks, dates on x, gaps where a report had no score. */
import { describe, expect, it } from 'vitest';
import { dateLabelIndexes, scoreChart } from '../src/render/history-chart.js';

const ticks = (svg: string) => [...svg.matchAll(/<text class="tick"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);

describe('scoreChart', () => {
  it('labels the y axis 0 to 100 and every date of a short series', () => {
    const svg = scoreChart([
      { asOf: '2026-08-01T00:00:00Z', score: 60 },
      { asOf: '2026-09-01T00:00:00Z', score: null },
      { asOf: '2026-10-01T00:00:00Z', score: 40 },
    ]);
    expect(ticks(svg)).toEqual(['0', '25', '50', '75', '100', '2026-08-01', '2026-09-01', '2026-10-01']);
    // a report without a score is a gap: two segments of one point each, never a line through it
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });

  it('puts score 100 at the top tick and 0 at the bottom one', () => {
    const svg = scoreChart([
      { asOf: '2026-08-01', score: 100 },
      { asOf: '2026-09-01', score: 0 },
    ]);
    const tickY = (t: string) => Number(svg.match(new RegExp(`y="([\\d.]+)" text-anchor="end">${t}<`))![1]) - 3.5;
    const dots = [...svg.matchAll(/<circle class="dot" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(dots).toEqual([tickY('100'), tickY('0')]);
  });

  it('spreads at most 6 dates over a long series, the first and the last always', () => {
    expect(dateLabelIndexes(4)).toEqual([0, 1, 2, 3]);
    expect(dateLabelIndexes(30)).toEqual([0, 6, 12, 17, 23, 29]);
    expect(dateLabelIndexes(1)).toEqual([0]);
  });
});
