/**
 * Clusters formed against a skeleton (docs/canned-eval.md, "Skeleton clusters"): the proposal of the first
 * session for issue 34 items 1 and 2. Per brand, greedily:
 *  1. the open reply with most open neighbours (weighted word-pair Jaccard ≥ core threshold) is a seed;
 *  2. its neighbours join a complete-link core, most similar first, when they are at the threshold of
 *     every core member already in;
 *  3. the skeleton is the word pairs at least `share` of the core members write (the script's fixed part);
 *     a skeleton lighter than `minSkeleton` is a stock phrase, not a script: the seed is left to others;
 *  4. every open reply that contains at least `contain` of the skeleton's weight joins (containment, not
 *     Jaccard: the opener, slots and sign-off are free), and the template is closed.
 * Every member either is in the core (alike to every other core member) or contains the skeleton: no
 * neighbour-of-neighbour chains. Word pairs weigh idf^gamma, idf = log(brands / brands using the pair) /
 * log(brands), floored at `floor` (a pair every brand writes still counts a little).
 */
import { normaliseReply } from '../../src/analysis/normalise.js';
import { shingles } from '../../src/analysis/shingles.js';
import { type Matrix, matrixOf } from './similarity.js';

export interface SkeletonParams {
  gamma: number;
  floor: number;
  core: number;
  share: number;
  contain: number;
  /** In word pairs of full weight. */
  minSkeleton: number;
  /** After every skeleton is found, each non-core reply goes to the skeleton it contains most (not the first). */
  best?: boolean;
}

/** How many brands write each word pair (hash), over every brand of the samples. */
export function pairBrandCounts(repliesByBrand: ReadonlyMap<string, readonly string[]>): Map<number, number> {
  const df = new Map<number, number>();
  for (const texts of repliesByBrand.values()) {
    const seen = new Set<number>();
    for (const t of texts) for (const s of shingles(normaliseReply(t).text)) seen.add(s);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return df;
}

export interface Weighted {
  sets: Uint32Array[];
  weight: (s: number) => number;
  totals: number[];
}

export function weighted(
  texts: readonly string[],
  df: ReadonlyMap<number, number>,
  brands: number,
  gamma: number,
  floor: number,
): Weighted {
  const sets = texts.map((t) => shingles(normaliseReply(t).text));
  const cache = new Map<number, number>();
  const weight = (s: number) => {
    let w = cache.get(s);
    if (w === undefined) {
      const idf = Math.log(brands / Math.max(1, df.get(s) ?? 1)) / Math.log(brands);
      w = Math.max(floor, idf) ** gamma;
      cache.set(s, w);
    }
    return w;
  };
  const totals = sets.map((set) => set.reduce((sum, s) => sum + weight(s), 0));
  return { sets, weight, totals };
}

export function sharedWeight(a: Uint32Array, b: Uint32Array, weight: (s: number) => number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += weight(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Weighted Jaccard of word-pair sets: the shared pairs' weight over the union's. */
export function weightedJaccard({ sets, weight, totals }: Weighted): Matrix {
  return matrixOf(sets.length, (i, j) => {
    if (sets[i]!.length === 0 && sets[j]!.length === 0) return 1;
    const shared = sharedWeight(sets[i]!, sets[j]!, weight);
    const union = totals[i]! + totals[j]! - shared;
    return union === 0 ? 0 : shared / union;
  });
}

/** `found`, when given, receives every skeleton kept (house.ts reads them for a second pass). */
export function skeletonClusters(
  m: Matrix,
  w: Weighted,
  p: SkeletonParams,
  found?: Array<{ skeleton: Uint32Array; heavy: number; core: number[] }>,
  house?: { reject: (skeleton: Uint32Array) => boolean; follow: (s: number) => number },
): number[][] {
  // followers are measured by `follow` (house pairs weigh less), cores and skeletons by `w.weight`
  const follow = house?.follow ?? w.weight;
  const { n, sim } = m;
  const open = new Uint8Array(n).fill(1);
  const tried = new Uint8Array(n);
  const clusters: number[][] = [];
  const skeletons: Array<{ skeleton: Uint32Array; heavy: number; core: number[] }> = [];
  for (;;) {
    let seed = -1;
    let best = 0;
    for (let i = 0; i < n; i++) {
      if (!open[i] || tried[i]) continue;
      let d = 0;
      for (let j = 0; j < n; j++) if (j !== i && open[j] && sim[i * n + j]! >= p.core) d++;
      if (d > best) [seed, best] = [i, d];
    }
    if (seed < 0) break;
    const near: number[] = [];
    for (let j = 0; j < n; j++) if (j !== seed && open[j] && sim[seed * n + j]! >= p.core) near.push(j);
    near.sort((a, b) => sim[seed * n + b]! - sim[seed * n + a]! || a - b);
    const core = [seed];
    for (const j of near) if (core.every((k) => sim[j * n + k]! >= p.core)) core.push(j);
    const skeleton = skeletonOf(core, w, p.share);
    const heavy = skeleton.reduce((sum, s) => sum + w.weight(s), 0);
    if (heavy < p.minSkeleton || house?.reject(skeleton)) {
      tried[seed] = 1;
      continue;
    }
    const members = new Set(core);
    const followHeavy = skeleton.reduce((sum, s) => sum + follow(s), 0);
    for (let j = 0; j < n; j++)
      if (
        open[j] &&
        !members.has(j) &&
        followHeavy > 0 &&
        sharedWeight(skeleton, w.sets[j]!, follow) >= p.contain * followHeavy
      )
        members.add(j);
    for (const j of members) open[j] = 0;
    clusters.push([...members]);
    skeletons.push({ skeleton, heavy: followHeavy, core });
    found?.push({ skeleton, heavy, core });
  }
  if (p.best) return bestSkeleton(n, { ...w, weight: follow }, p, skeletons);
  for (let i = 0; i < n; i++) if (open[i]) clusters.push([i]);
  return clusters;
}

function skeletonOf(core: readonly number[], w: Weighted, share: number): Uint32Array {
  const count = new Map<number, number>();
  for (const i of core) for (const s of w.sets[i]!) count.set(s, (count.get(s) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(share * core.length));
  return Uint32Array.from([...count].filter(([, c]) => c >= Math.min(need, core.length)).map(([s]) => s)).sort();
}

function bestSkeleton(
  n: number,
  w: Weighted,
  p: SkeletonParams,
  skeletons: ReadonlyArray<{ skeleton: Uint32Array; heavy: number; core: number[] }>,
): number[][] {
  const home = new Int32Array(n).fill(-1);
  skeletons.forEach(({ core }, k) => {
    for (const i of core) home[i] = k;
  });
  const clusters: number[][] = skeletons.map(({ core }) => [...core]);
  for (let i = 0; i < n; i++) {
    if (home[i]! >= 0) continue;
    let best = -1;
    let score = p.contain;
    skeletons.forEach(({ skeleton, heavy }, k) => {
      const c = heavy > 0 ? sharedWeight(skeleton, w.sets[i]!, w.weight) / heavy : 0;
      if (c >= score && (best < 0 || c > score)) [best, score] = [k, c];
    });
    if (best >= 0) clusters[best]!.push(i);
    else clusters.push([i]);
  }
  return clusters;
}
