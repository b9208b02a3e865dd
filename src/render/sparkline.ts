/**
 * Posting activity in block characters, one per week, scaled to the profile's own busiest week:
 * `·` a week without posts, ` ` a week the sample does not reach (unknown), `▁`…`█` some posts.
 */
const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(weeks: ReadonlyArray<number | null>): string {
  const max = Math.max(0, ...weeks.map((w) => w ?? 0));
  return weeks
    .map((w) => {
      if (w === null) return ' ';
      if (w === 0) return '·';
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.ceil((w / max) * BLOCKS.length) - 1)]!;
    })
    .join('');
}
