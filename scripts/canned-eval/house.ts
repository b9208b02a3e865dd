/**
 * House phrases weigh less (issue 34 item 1, third session): the mixed clusters the skeleton variant left
 * are two scripts of one brand sharing the brand's house closer ("… a member of our team will follow up"),
 * whose core skeleton *is* the closer. A word pair is the brand's house style, not a script, when
 *  - 'skeletons': it is in the skeletons of at least two different scripts of a first pass (two skeletons
 *    are one script when their weighted Jaccard is at least SAME_SCRIPT), or
 *  - 'share': at least `houseShare` of the brand's replies write it, whatever their script, or both.
 * House pairs then weigh `houseWeight` (0: the skeleton is the script's distinctive part only, and a
 * follower must contain that part), in the second pass's skeletons and containment, and in its core
 * similarity too when `weighCore`.
 */
import type { Matrix } from './similarity.js';
import { type SkeletonParams, sharedWeight, skeletonClusters, type Weighted, weightedJaccard } from './skeleton.js';

export interface HouseParams {
  mode: 'skeletons' | 'share' | 'both' | 'reject';
  /** mode 'reject': a skeleton of which at least this share of pairs is house is no script. */
  reject?: number;
  /** Two first-pass skeletons are one script at this weighted Jaccard. */
  sameScript?: number;
  houseShare: number;
  houseWeight: number;
  weighCore: boolean;
}

const SAME_SCRIPT = 0.5;

export function houseClusters(m: Matrix, w: Weighted, p: SkeletonParams, h: HouseParams): number[][] {
  const house = housePairs(m, w, p, h);
  if (house.size === 0) return skeletonClusters(m, w, p);
  if (h.mode === 'reject') {
    const follow = (s: number) => w.weight(s) * (house.has(s) ? h.houseWeight : 1);
    const reject = (skeleton: Uint32Array) => {
      let n = 0;
      for (const s of skeleton) if (house.has(s)) n++;
      return n >= (h.reject ?? 1) * skeleton.length;
    };
    return skeletonClusters(m, w, p, undefined, { reject, follow });
  }
  const weight = (s: number) => w.weight(s) * (house.has(s) ? h.houseWeight : 1);
  const w2: Weighted = {
    sets: w.sets,
    weight,
    totals: w.sets.map((set) => set.reduce((sum, s) => sum + weight(s), 0)),
  };
  return skeletonClusters(h.weighCore ? weightedJaccard(w2) : m, w2, p);
}

export function housePairs(m: Matrix, w: Weighted, p: SkeletonParams, h: HouseParams): Set<number> {
  const house = new Set<number>();
  if (h.mode === 'share' || h.mode === 'both') {
    const df = new Map<number, number>();
    for (const set of w.sets) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
    for (const [s, c] of df) if (c >= 3 && c >= h.houseShare * w.sets.length) house.add(s);
  }
  if (h.mode !== 'share') {
    const found: Array<{ skeleton: Uint32Array; heavy: number; core: number[] }> = [];
    skeletonClusters(m, w, p, found);
    // skeletons of one script (cores split by their openers) are grouped first
    const group = found.map((_, k) => k);
    const root = (k: number): number => (group[k] === k ? k : root(group[k]!));
    for (let a = 0; a < found.length; a++)
      for (let b = a + 1; b < found.length; b++) {
        const shared = sharedWeight(found[a]!.skeleton, found[b]!.skeleton, w.weight);
        if (shared / (found[a]!.heavy + found[b]!.heavy - shared) >= (h.sameScript ?? SAME_SCRIPT))
          group[root(b)] = root(a);
      }
    const groupsOf = new Map<number, Set<number>>();
    found.forEach(({ skeleton }, k) => {
      for (const s of skeleton) {
        const g = groupsOf.get(s) ?? new Set<number>();
        g.add(root(k));
        groupsOf.set(s, g);
      }
    });
    for (const [s, g] of groupsOf) if (g.size >= 2) house.add(s);
  }
  return house;
}
