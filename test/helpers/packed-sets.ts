/** Texts' shingle sets packed end to end (lsh-join.ts's PackedSets), for the join and candidate-search tests. */
import { shingles } from '../../src/analysis/shingles.js';

export function packedSets(texts: readonly string[]) {
  const parts = texts.map((t) => shingles(t));
  const starts = new Uint32Array(texts.length + 1);
  parts.forEach((p, i) => {
    starts[i + 1] = starts[i]! + p.length;
  });
  const flat = new Uint32Array(starts[texts.length]!);
  parts.forEach((p, i) => {
    flat.set(p, starts[i]!);
  });
  return { flat, starts };
}
