/**
 * Pair recall on a sample, for sizes where the exact join of every text is too slow (10⁶ replies: 32 min):
 * every pair (s, y) with Jaccard ≥ t between a sampled text s and any other text y is found by an exact
 * search (a prefix-filtered index of every text, token-rank.ts, every candidate verified), and the share
 * of those pairs `found(s, y)` says were found is the recall (`found` answers null for a pair that is not
 * counted). For a clustering, found = in one cluster: direct pairs, not pairs joined through others
 * (bench:canned also prints it where the full join runs, to compare the two).
 */
import { jaccardAt, packLists } from '../dist/analysis/lsh-join.js';
import { prefixLength, rankTokens } from '../dist/analysis/token-rank.js';
import { shingles } from '../dist/analysis/shingles.js';
import { seeded } from './seeded.js';

/** `sample` of the distinct texts, drawn with a fixed seed. */
export function sampledPairRecall(
  distinct: readonly string[],
  found: (s: number, y: number) => boolean | null,
  t: number,
  sample = 10_000,
): { recall: number; pairs: number; sampled: number } {
  const n = distinct.length;
  const sets = packLists(distinct.map((text) => shingles(text)));
  const { flat, starts } = sets;
  const { ranked, tokens } = rankTokens(flat, starts);
  // token → texts whose prefix holds it (CSR layout)
  const prefixOf = (i: number) => prefixLength(starts[i + 1]! - starts[i]!, t);
  const heads = new Uint32Array(tokens + 1);
  for (let i = 0; i < n; i++) for (let p = 0; p < prefixOf(i); p++) heads[ranked[starts[i]! + p]! + 1]!++;
  for (let k = 0; k < tokens; k++) heads[k + 1]! += heads[k]!;
  const fill = heads.slice(0, tokens);
  const lists = new Uint32Array(heads[tokens]!);
  for (let i = 0; i < n; i++) for (let p = 0; p < prefixOf(i); p++) lists[fill[ranked[starts[i]! + p]!]!++] = i;
  const random = seeded(7);
  const seen = new Int32Array(n).fill(-1);
  let pairs = 0;
  let together = 0;
  const count = Math.min(sample, n);
  for (let k = 0; k < count; k++) {
    const s = Math.floor(random() * n);
    const size = starts[s + 1]! - starts[s]!;
    for (let p = 0; p < prefixOf(s); p++) {
      const token = ranked[starts[s]! + p]!;
      for (let e = heads[token]!; e < heads[token + 1]!; e++) {
        const y = lists[e]!;
        if (y === s || seen[y] === k) continue;
        seen[y] = k;
        const other = starts[y + 1]! - starts[y]!;
        if (Math.min(other, size) < t * Math.max(other, size) || jaccardAt(sets, s, y) < t) continue;
        const answer = found(s, y);
        if (answer === null) continue;
        pairs++;
        if (answer) together++;
      }
    }
  }
  return { recall: pairs === 0 ? 1 : together / pairs, pairs, sampled: count };
}
