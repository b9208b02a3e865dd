/**
 * Pairwise similarities of one brand's replies, as a dense matrix (a brand has at most a few hundred
 * replies in the samples): the product's word-pair Jaccard, and the clause containment issue 34 item 1
 * asks to try — the share of a reply's clauses found in the other in the same order, each clause weighted
 * by how many brands use it (stock phrases weigh less) and by whether the brand repeats it (an opener
 * written once is a slot, not the script).
 */
import { normaliseReply } from '../../src/analysis/normalise.js';
import { jaccardSorted, shingles } from '../../src/analysis/shingles.js';

/** sim[i * n + j], symmetric, 1 on the diagonal; 64-bit, so a pair at exactly 0.45 stays at 0.45. */
export interface Matrix {
  n: number;
  sim: Float64Array;
}

export function matrixOf(n: number, f: (i: number, j: number) => number): Matrix {
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    sim[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) sim[i * n + j] = sim[j * n + i] = f(i, j);
  }
  return { n, sim };
}

/** The product's pairwise figure: Jaccard of word pairs of the normalised replies (shingles.ts). */
export function wordPairJaccard(texts: readonly string[]): Matrix {
  const sets = texts.map((t) => shingles(normaliseReply(t).text));
  return matrixOf(texts.length, (i, j) => jaccardSorted(sets[i]!, sets[j]!));
}

/** A reply cut into clauses (sentences, and their comma or dash parts), each normalised as a reply is. */
export function clauses(text: string): string[] {
  return text
    .split(/[.!?;:…\n]+|,\s|\s[-–—]\s|\s\(|\)\s/u)
    .map((c) => normaliseReply(c).text)
    .filter(Boolean);
}

const words = (c: string) => c.split(' ');
function wordJaccard(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** How many brands write each clause (exactly, once normalised): the corpus-wide stock-phrase table. */
export function clauseBrandCounts(repliesByBrand: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const texts of repliesByBrand.values()) {
    const seen = new Set(texts.flatMap(clauses));
    for (const c of seen) df.set(c, (df.get(c) ?? 0) + 1);
  }
  return df;
}

export interface ContainmentParams {
  /** Two clauses are one when their word sets have at least this Jaccard (slots inside a clause). */
  clauseMatch: number;
  /** Weight = words × idf^gamma: 0 ignores how many brands use a clause. */
  gamma: number;
  /** Weight factor of a clause the brand writes only once (a personal opener or detail). */
  alpha: number;
  /** Denominator: lambda × the smaller reply's weight + (1 − lambda) × the larger's (1: containment). */
  lambda: number;
}

/**
 * Ordered, weighted clause containment between a brand's replies. Clauses are first grouped within the
 * brand (each joins the first earlier clause it matches), so two replies compare as sequences of group
 * ids, by a weighted longest common subsequence.
 */
export function clauseContainment(
  texts: readonly string[],
  brandCount: ReadonlyMap<string, number>,
  brands: number,
  p: ContainmentParams,
): Matrix {
  const perReply = texts.map(clauses);
  const reps: string[][] = [];
  const repDf: number[] = [];
  const repWords: number[] = [];
  const repReplies: Set<number>[] = [];
  const byExact = new Map<string, number>();
  const seqs = perReply.map((cs, r) =>
    cs.map((c) => {
      let g = byExact.get(c);
      if (g === undefined) {
        const w = words(c);
        g = reps.findIndex((rep) => wordJaccard(rep, w) >= p.clauseMatch);
        if (g < 0) {
          g = reps.push(w) - 1;
          repDf.push(0);
          repWords.push(w.length);
          repReplies.push(new Set());
        }
        byExact.set(c, g);
        // a group is as stock as its most widely used wording
        repDf[g] = Math.max(repDf[g]!, brandCount.get(c) ?? 1);
      }
      repReplies[g]!.add(r);
      return g;
    }),
  );
  const weight = reps.map((_, g) => {
    const idf = Math.max(0, Math.log(brands / repDf[g]!) / Math.log(brands));
    return repWords[g]! * idf ** p.gamma * (repReplies[g]!.size >= 2 ? 1 : p.alpha);
  });
  const totals = seqs.map((s) => s.reduce((sum, g) => sum + weight[g]!, 0));
  return matrixOf(texts.length, (i, j) => {
    const a = seqs[i]!;
    const b = seqs[j]!;
    const lo = Math.min(totals[i]!, totals[j]!);
    const hi = Math.max(totals[i]!, totals[j]!);
    const denominator = p.lambda * lo + (1 - p.lambda) * hi;
    // replies made only of stock phrases have (next to) no script to compare
    if (denominator < 1) return texts[i] === texts[j] ? 1 : 0;
    return Math.min(1, weightedLcs(a, b, weight) / denominator);
  });
}

function weightedLcs(a: readonly number[], b: readonly number[], weight: readonly number[]): number {
  const m = b.length;
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (const x of a) {
    for (let j = 1; j <= m; j++) row[j] = x === b[j - 1] ? prev[j - 1]! + weight[x]! : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[m]!;
}
