/**
 * Shingles renamed by how rare they are across all the texts (0 = the rarest; ties by value), each
 * text's renamed shingles sorted ascending: the global order a prefix filter is cut from (two sets with
 * Jaccard ≥ t share a token among the first |x| − ⌈t·|x|⌉ + 1 of each, exact-join.ts). Linear: radix sorts
 * of the packed shingles and of the counts, no Map of millions of tokens.
 */
import { sortByKey } from './radix.js';

/**
 * `flat` (texts' sorted shingles end to end, text i at starts[i]..starts[i+1]) with every shingle replaced by
 * its rank, written into `ranked` (as long as `flat`; shared memory, for one ranking several threads read).
 */
export function rankTokens(
  flat: Uint32Array,
  starts: Uint32Array,
  ranked: Uint32Array = new Uint32Array(flat.length),
): { ranked: Uint32Array; tokens: number } {
  const total = flat.length;
  const order = new Uint32Array(total);
  const sorted = new Uint32Array(total);
  // the sort's scratch becomes the result once the sort is done: one array of every shingle fewer at 10⁶
  sortByKey(flat, order, sorted, ranked);
  // dense ids in value order, and how many texts hold each (a text holds a shingle once)
  const idAt = sorted; // reused: the id of the token at sorted position k
  const counts: number[] = [];
  for (let k = 0; k < total; k++) {
    if (k === 0 || flat[order[k]!] !== flat[order[k - 1]!]) counts.push(0);
    counts[counts.length - 1]!++;
    idAt[k] = counts.length - 1;
  }
  const tokens = counts.length;
  const frequency = Uint32Array.from(counts);
  const byFrequency = new Uint32Array(tokens);
  sortByKey(frequency, byFrequency, new Uint32Array(tokens), new Uint32Array(tokens));
  const rankOf = new Uint32Array(tokens);
  for (let r = 0; r < tokens; r++) rankOf[byFrequency[r]!] = r;
  for (let k = 0; k < total; k++) ranked[order[k]!] = rankOf[idAt[k]!]!;
  for (let i = 0; i + 1 < starts.length; i++) ranked.subarray(starts[i]!, starts[i + 1]!).sort();
  return { ranked, tokens };
}

/** How many of a set's rarest tokens two sets with Jaccard ≥ t must share one of. */
export const prefixLength = (size: number, t: number): number => size - Math.ceil(t * size - 1e-9) + 1;

/**
 * How many of a set's rarest tokens need be indexed when sets are indexed in ascending size and each probes
 * the index with its prefixLength (AllPairs' index reduction, Bayardo et al. 2007): a probing set x and an
 * indexed set y, |y| ≤ |x|, with Jaccard ≥ t share α ≥ t / (1 + t) · (|x| + |y|) ≥ 2t / (1 + t) · |y| tokens,
 * and the first of them in rank order has at least α − 1 shared ones after it in each set: it is among y's
 * first |y| − ⌈2t / (1 + t) · |y|⌉ + 1 and, α being ≥ t · |x|, among x's first prefixLength(|x|, t).
 */
export const indexPrefixLength = (size: number, t: number): number =>
  size - Math.ceil(((2 * t) / (1 + t)) * size - 1e-9) + 1;
