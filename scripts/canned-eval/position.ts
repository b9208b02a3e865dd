/**
 * Position and distinctive clauses (issue 34 items 1 and 2, fourth session; docs/canned-eval.md,
 * "Position, distinctive asks and clause scripts"). The mixed clusters the skeleton linkage leaves are two
 * scripts of one brand ending with one house closer: the core's skeleton becomes the closer. Three ideas:
 *  1. position: a reply is cut into clauses; its first clause (opener) and last (closer) are slots, and
 *     the skeleton is made of the middle clauses' word pairs (the ask); a reply of one clause (or of two,
 *     when `two` is 'whole') is all middle;
 *  2. distinctive: once skeletons are found, a skeleton's distinctive part is what no other skeleton of the
 *     brand holds; a skeleton without one is no script, and a follower must hold `distinct` of it;
 *  3. clause units: the units are a brand's clauses grouped when their word sets have Jaccard ≥ 0.6 or one
 *     contains the other (a slot inside a clause), each weighing its words; the skeleton is a set of them.
 * Cores, skeletons and followers are those of skeleton.ts (best skeleton), on these units.
 */
import { extractSignature, normaliseReply } from '../../src/analysis/normalise.js';
import { shingles } from '../../src/analysis/shingles.js';
import { type Matrix, matrixOf } from './similarity.js';
import { type SkeletonParams, sharedWeight, skeletonClusters, type Weighted, weightedJaccard } from './skeleton.js';

export interface PositionParams {
  /** 'pairs': word pairs of the kept clauses; 'clauses': slot-tolerant clause groups (idea 3). */
  unit: 'pairs' | 'clauses';
  /** Cut at sentences only, or at commas and dashes too. */
  cut: 'sentence' | 'clause';
  /** Idea 1: opener and closer are slots (false: every clause is kept). */
  middle: boolean;
  /** A two-clause reply: keep both ('whole') or drop its opener only ('second'); 'closer': only the last
   *  clause of a reply of two or more is a slot, the opener is kept (containment already frees it). */
  two: 'whole' | 'second' | 'closer';
  /** Core similarity: Jaccard of the kept units, or containment of the smaller in the larger. */
  coreBy: 'jaccard' | 'containment';
  /** Idea 2: a follower must hold this share of its skeleton's distinctive part (0: idea 2 off). */
  distinct: number;
  /** Idea 2b: skeletons of which one holds `group` of the other's weight are one script (several cores of
   *  one script, split by their openers), and a part is distinctive when no other script holds it (0: off). */
  group?: number;
  /** Idea 1c, position inside the script: a follower may miss the skeleton's first and last pairs (opener and
   *  closer slots) and short runs inside, but not a run of `gap` or more consecutive pairs inside it (a
   *  different ask in the same frame); 0: off. Word pairs, every clause kept. */
  gap?: number;
  /** Idea 1c in the cores too: two replies are not alike when either misses such a run of the other's. */
  coreGap?: boolean;
}

const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const CUTS = {
  sentence: /[.!?;…\n]+(?=\s|$)|\n/u,
  clause: /[.!?;…\n]+(?=\s|$)|\n|,\s|\s[-–—]\s/u,
};

/** A reply's clauses, normalised, its signature and links taken out first (a link does not end a clause). */
export function cutClauses(text: string, cut: PositionParams['cut']): string[] {
  const body = extractSignature(text).body.replace(URL, ' ');
  return body
    .split(CUTS[cut])
    .map((c) => normaliseReply(c).text)
    .filter(Boolean);
}

/** The clauses that may hold the script: all but the opener and the closer (idea 1). */
export function middleOf(cs: readonly string[], p: Pick<PositionParams, 'middle' | 'two'>): readonly string[] {
  if (!p.middle || cs.length <= 1) return cs;
  if (p.two === 'closer') return cs.slice(0, -1);
  if (cs.length === 2) return p.two === 'whole' ? cs : cs.slice(1);
  return cs.slice(1, -1);
}

const wordSet = (c: string) => new Set(c.split(' '));
function clauseAlike(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= Math.min(a.size, b.size) || shared / (a.size + b.size - shared) >= 0.6;
}

/** Each reply's units (sorted ids) and their weights, for skeleton.ts. */
export function unitsOf(texts: readonly string[], p: PositionParams): Weighted {
  const kept = texts.map((t) => middleOf(cutClauses(t, p.cut), p));
  if (p.unit === 'pairs') {
    const sets = kept.map((cs) => Uint32Array.from(new Set(cs.flatMap((c) => [...shingles(c)]))).sort());
    return { sets, weight: () => 1, totals: sets.map((s) => s.length) };
  }
  // a clause joins the first group whose first wording it matches; a one-word clause ("hey") only its own
  const reps: Array<Set<string>> = [];
  const size: number[] = [];
  const byText = new Map<string, number>();
  const sets = kept.map((cs) => {
    const ids = cs.map((c) => {
      let g = byText.get(c);
      if (g === undefined) {
        const w = wordSet(c);
        g = w.size < 2 ? -1 : reps.findIndex((r) => r.size >= 2 && clauseAlike(r, w));
        if (g < 0) g = reps.push(w) - 1;
        size[g] = Math.max(size[g] ?? 0, w.size);
        byText.set(c, g);
      }
      return g;
    });
    return Uint32Array.from(new Set(ids)).sort();
  });
  const weight = (g: number) => size[g]!;
  return { sets, weight, totals: sets.map((s) => s.reduce((sum, g) => sum + weight(g), 0)) };
}

export function coreMatrix(w: Weighted, by: PositionParams['coreBy']): Matrix {
  if (by === 'jaccard') return weightedJaccard(w);
  return matrixOf(w.sets.length, (i, j) => {
    const lo = Math.min(w.totals[i]!, w.totals[j]!);
    return lo === 0 ? 0 : sharedWeight(w.sets[i]!, w.sets[j]!, w.weight) / lo;
  });
}

type Found = { skeleton: Uint32Array; heavy: number; core: number[] };

export function positionClusters(
  m: Matrix,
  w: Weighted,
  s: SkeletonParams,
  p: PositionParams,
  texts: readonly string[] = [],
): number[][] {
  if (p.gap) {
    const found: Found[] = [];
    skeletonClusters(m, w, { ...s, best: true }, found);
    return gapClusters(w, s, found, orderedPairs(texts, p), p.gap);
  }
  if (p.distinct <= 0) return skeletonClusters(m, w, { ...s, best: true });
  const found: Found[] = [];
  skeletonClusters(m, w, { ...s, best: true }, found);
  return distinctClusters(w, s, found, p.distinct, p.group ?? 0);
}

/**
 * Idea 2: a skeleton's distinctive part is what no other skeleton of the brand holds. A skeleton without
 * one is no script (its core is released); every reply outside a kept core goes to the kept skeleton it
 * contains most (≥ contain of the whole) provided it also holds `distinct` of that skeleton's distinctive
 * part: two scripts that share a house closer are told apart by their asks.
 */
function distinctClusters(
  w: Weighted,
  s: SkeletonParams,
  found: readonly Found[],
  distinct: number,
  group: number,
): number[][] {
  const n = w.sets.length;
  const root = found.map((_, k) => k);
  const find = (k: number): number => (root[k] === k ? k : find(root[k]!));
  if (group > 0)
    for (let a = 0; a < found.length; a++)
      for (let b = a + 1; b < found.length; b++) {
        const shared = sharedWeight(found[a]!.skeleton, found[b]!.skeleton, w.weight);
        if (shared >= group * Math.min(found[a]!.heavy, found[b]!.heavy)) root[find(b)] = find(a);
      }
  const holders = new Map<number, Set<number>>();
  found.forEach((f, k) => {
    for (const u of f.skeleton) holders.set(u, (holders.get(u) ?? new Set()).add(find(k)));
  });
  const kept = found
    .map((f) => {
      const own = f.skeleton.filter((u) => holders.get(u)!.size === 1);
      return { ...f, own, ownHeavy: own.reduce((sum, u) => sum + w.weight(u), 0) };
    })
    .filter((f) => f.ownHeavy > 0);
  const home = new Int32Array(n).fill(-1);
  kept.forEach(({ core }, k) => {
    for (const i of core) home[i] = k;
  });
  const clusters = kept.map(({ core }) => [...core]);
  for (let i = 0; i < n; i++) {
    if (home[i]! >= 0) continue;
    let best = -1;
    let score = s.contain;
    kept.forEach(({ skeleton, heavy, own, ownHeavy }, k) => {
      if (heavy === 0) return;
      const c = sharedWeight(skeleton, w.sets[i]!, w.weight) / heavy;
      if (c < score || sharedWeight(own, w.sets[i]!, w.weight) < distinct * ownHeavy) return;
      if (best < 0 || c > score) [best, score] = [k, c];
    });
    if (best >= 0) clusters[best]!.push(i);
    else clusters.push([i]);
  }
  return clusters;
}

/** Each reply's word pairs in the order written, clause by clause (the units of `unitsOf`, in order). */
export function orderedPairs(texts: readonly string[], p: PositionParams): number[][] {
  return texts.map((t) =>
    middleOf(cutClauses(t, p.cut), p).flatMap((c) => {
      const words = c.split(' ');
      if (words.length < 2) return [...shingles(c)];
      return words.slice(1).map((x, i) => shingles(`${words[i]} ${x}`)[0]!);
    }),
  );
}

/** The longest run of the skeleton's pairs (in its seed's order) a reply misses, its first and last runs free. */
function innerGap(order: readonly number[], has: ReadonlySet<number>): number {
  const first = order.findIndex((u) => has.has(u));
  if (first < 0) return order.length;
  let longest = 0;
  let run = 0;
  for (let k = first + 1; k < order.length; k++) {
    if (has.has(order[k]!)) {
      longest = Math.max(longest, run);
      run = 0;
    } else run++;
  }
  return longest;
}

function gapClusters(
  w: Weighted,
  s: SkeletonParams,
  found: readonly Found[],
  ordered: readonly number[][],
  gap: number,
): number[][] {
  const n = w.sets.length;
  // a skeleton's order: its pairs as its seed (the core's first member) writes them
  const orders = found.map(({ skeleton, core }) => {
    const inSkeleton = new Set(skeleton);
    return [...new Set(ordered[core[0]!]!.filter((u) => inSkeleton.has(u)))];
  });
  const home = new Int32Array(n).fill(-1);
  found.forEach(({ core }, k) => {
    for (const i of core) home[i] = k;
  });
  const clusters = found.map(({ core }) => [...core]);
  for (let i = 0; i < n; i++) {
    if (home[i]! >= 0) continue;
    const has = new Set(w.sets[i]!);
    let best = -1;
    let score = s.contain;
    found.forEach(({ skeleton, heavy }, k) => {
      if (heavy === 0) return;
      const c = sharedWeight(skeleton, w.sets[i]!, w.weight) / heavy;
      if (c < score || innerGap(orders[k]!, has) >= gap) return;
      if (best < 0 || c > score) [best, score] = [k, c];
    });
    if (best >= 0) clusters[best]!.push(i);
    else clusters.push([i]);
  }
  return clusters;
}

/**
 * Idea 1c in the cores too: two replies are not alike, whatever their Jaccard, when either misses a run of
 * `gap` or more consecutive pairs inside the other (its ends free). Uber's "Here to help! Send us a note
 * here <link> so we can further assist" is at Jaccard 0.37 from "Here to help! Send us a DM with your email
 * address so we can assist": the two share the frame and differ in the middle.
 */
export function gapMatrix(m: Matrix, w: Weighted, ordered: readonly number[][], gap: number): Matrix {
  const sets = w.sets.map((x) => new Set(x));
  return matrixOf(m.n, (i, j) => {
    const sim = m.sim[i * m.n + j]!;
    if (sim === 0) return 0;
    const inner = Math.max(innerGap(ordered[i]!, sets[j]!), innerGap(ordered[j]!, sets[i]!));
    return inner >= gap ? 0 : sim;
  });
}
