/**
 * The exact set-similarity self-join of the AllPairs / PPJoin family (Bayardo et al. 2007; Xiao et al.
 * 2008): every pair of sets whose Jaccard similarity is at least `t`, found without comparing every
 * pair. Tokens are ranked by how rare they are across all the sets (rarest first); two sets with
 * Jaccard ≥ t must share a token among the first |x| − ⌈t·|x|⌉ + 1 of each (the prefix filter), and
 * their sizes must be within a factor t of each other (the length filter). Sets are visited smallest
 * first; each probes an inverted index of the prefixes seen so far (each indexed by the shorter prefix that
 * suffices against larger sets, token-rank.ts's indexPrefixLength); a candidate is dropped only where its
 * sizes or the positions of their first shared token rule the threshold out (PPJoin's positional filter), and
 * every other is verified with exact Jaccard, so the result is exact: recall 1 by construction.
 */
import { jaccardAtLeast, overlapFor } from './shingles.js';
import { indexPrefixLength, prefixLength } from './token-rank.js';

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
  // token → sets (by id) whose index prefix holds it, in visit order, so smallest first; `front` skips the
  // ones too small for every set still to come
  const index = new Map<number, { ids: number[]; at: number[]; front: number }>();
  // every bound below is taken at the floor the verification compares with, so none is tighter than it
  const floor = t - 1e-12;
  const seenBy = new Int32Array(n).fill(-1); // candidate already taken for this probe
  for (const x of visit) {
    const size = sets[x]!.length;
    if (size === 0) continue;
    const prefix = prefixLength(size, floor);
    const minSize = floor * size - 1e-9;
    const tokens = ordered[x]!;
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]!);
      if (!list) continue;
      const { ids, at } = list;
      while (list.front < ids.length && sets[ids[list.front]!]!.length < minSize) list.front++;
      for (let k = list.front; k < ids.length; k++) {
        const y = ids[k]!;
        if (seenBy[y] === x) continue;
        seenBy[y] = x;
        // the first token they share (none before it, or y would have been met already: y's indexed tokens are
        // the start of its rank order, x's probing ones of its own): the rest of the shorter remainder is the most
        // they can still share (PPJoin's positional filter)
        const other = sets[y]!.length;
        if (1 + Math.min(size - p - 1, other - at[k]! - 1) < overlapFor(size, other, floor)) continue;
        if (!known(y, x) && jaccardAtLeast(sets[x]!, 0, size, sets[y]!, 0, other, floor) >= floor) pair(y, x);
      }
    }
    // a set visited later is at least as large, so this one need only be found by a shorter prefix
    const indexed = indexPrefixLength(size, floor);
    for (let p = 0; p < indexed; p++) {
      const token = tokens[p]!;
      const list = index.get(token);
      if (list) {
        list.ids.push(x);
        list.at.push(p);
      } else index.set(token, { ids: [x], at: [p], front: 0 });
    }
  }
}
