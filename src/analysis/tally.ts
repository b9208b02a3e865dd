/** Counts of equal values, most frequent first, ties in locale order: how markers, signatures and templates are ranked. */
export function tally(values: Iterable<string>): Array<[value: string, count: number]> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
