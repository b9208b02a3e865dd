/**
 * The exact set-similarity self-join of the AllPairs / PPJoin family (Bayardo et al. 2007; Xiao et al.
 * 2008): every pair of sets whose Jaccard similarity is at least `t`, found without comparing every
 * pair. Tokens are ranked by how rare they are across all the sets (rarest first); two sets with
 * Jaccard ≥ t must share a token among the first |x| − ⌈t·|x|⌉ + 1 of each (the prefix filter), and
 * their sizes must be within a factor t of each other (the length filter). Sets are visited smallest
 * first; each probes an inverted index of the prefixes seen so far, and every candidate is verified
 * with exact Jaccard, so the result is exact: recall 1 by construction.
 */
import { jaccardSorted } from './shingles.js';

/**
 * Calls `pair(i, j)` (i < j by visit order, in no particular numeric order) for every pair with Jaccard ≥ t
 * — except a candidate pair `known(i, j)` says needs no check (clustering: two sets already connected
 * through others), which is skipped unverified: the connected components are the same, and template-heavy
 * replies, where most candidates are already connected, cost a fraction of the verifications.
 */
export function exactJoin(
  sets: readonly Uint32Array[],
  t: number,
  pair: (i: number, j: number) => void,
  known: (i: number, j: number) => boolean = () => false,
): void {
  const n = sets.length;
  // token → how many sets hold it (sets are distinct-valued, so one count per set)
  const frequency = new Map<number, number>();
  for (const set of sets) for (const token of set) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const rank = (token: number) => frequency.get(token)!;
  // each set's tokens, rarest first (ties by value): the global order every prefix is cut from
  const ordered = sets.map((set) => Array.from(set).sort((a, b) => rank(a) - rank(b) || a - b));
  const visit = Array.from({ length: n }, (_, i) => i).sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  const index = new Map<number, number[]>(); // token → sets (by id) whose prefix holds it, in visit order
  const seenBy = new Int32Array(n).fill(-1); // candidate already taken for this probe
  for (const x of visit) {
    const size = sets[x]!.length;
    if (size === 0) continue;
    const prefix = size - Math.ceil(t * size - 1e-9) + 1;
    const minSize = t * size - 1e-9;
    const tokens = ordered[x]!;
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]!);
      if (!list) continue;
      for (const y of list) {
        if (seenBy[y] === x || sets[y]!.length < minSize) continue;
        seenBy[y] = x;
        if (!known(y, x) && jaccardSorted(sets[x]!, sets[y]!) >= t - 1e-12) pair(y, x);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const token = tokens[p]!;
      const list = index.get(token);
      if (list) list.push(x);
      else index.set(token, [x]);
    }
  }
}
