/**
 * Posting activity in block characters, one per week, scaled to the profile's own busiest week:
 * `·` a week without posts, ` ` a week the sample does not reach (unknown), `▁`…`█` some posts.
 */
const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(weeks: ReadonlyArray<number | null>): string {
  const max = weeks.reduce<number>((most, w) => Math.max(most, w ?? 0), 0);
  return weeks
    .map((w) => {
      if (w === null) return ' ';
      if (w === 0) return '·';
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.ceil((w / max) * BLOCKS.length) - 1)]!;
    })
    .join('');
}

/** Scores (0–100) on one fixed scale, 0 (`▁`) to 100 (`█`), one block per report; a blank where a report had none. */
export function scoreTrend(scores: ReadonlyArray<number | null>): string {
  return scores.map((v) => (v === null ? ' ' : BLOCKS[Math.min(7, Math.floor((v / 100) * 8))]!)).join('');
}
