/**
 * Templates as scripts (issue 34 items 1 and 2): a group of alike replies is split into templates, each
 * formed against a skeleton, so that no template is a chain of neighbours of neighbours. Measured against
 * the alternatives on the labels in docs/canned-eval.md ("skeleton clusters, best skeleton").
 * On distinct texts, each weighing as many replies as it stands for, greedily:
 *  1. the open text with most open replies at the core similarity (word-pair Jaccard) is a seed;
 *  2. its neighbours join a complete-link core, most alike first, when they are at the core similarity
 *     to every core member already in;
 *  3. the skeleton is the word pairs that at least SKELETON_SHARE of the core's replies write: the script's
 *     fixed part. A skeleton of fewer than two word pairs is no script: the seed is left to others;
 *  4. open texts that contain at least CONTAINMENT of the skeleton's word pairs are closed with it
 *     (containment, not Jaccard: openers, slots and sign-offs are free).
 * Here within one component (a sample of it, skeleton-scale.ts); then every text outside a core goes to
 * the skeleton it contains most (at least CONTAINMENT), not to the first found (skeleton-scale.ts). Every
 * member is in a core (alike to every other core member) or holds the skeleton.
 */
import { exactJoin } from './exact-join.js';
import { jaccardSorted, sharedCount } from './shingles.js';

/** Share of a core's replies that must write a word pair for it to be in the skeleton. */
export const SKELETON_SHARE = 0.6;
/** Share of a skeleton's word pairs a reply must contain to follow the script. */
export const CONTAINMENT = 0.6;
const MIN_SKELETON = 2;

export interface Skeleton {
  pairs: Uint32Array;
  core: number[];
}

/** The skeletons of steps 1–4 (each with its core), in the order found. */
export function skeletonsAmong(
  sets: readonly Uint32Array[],
  counts: ArrayLike<number>,
  core: number,
  postings = invertedIndex(sets),
): Skeleton[] {
  const n = sets.length;
  const near: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  exactJoin(sets, core, (i, j) => {
    const s = jaccardSorted(sets[i]!, sets[j]!);
    near[i]!.push([j, s]);
    near[j]!.push([i, s]);
  });
  const open = new Uint8Array(n).fill(1);
  const tried = new Uint8Array(n);
  // open replies at the core similarity, the text's own copies included
  const degree = Float64Array.from(near, (list, i) => list.reduce((sum, [j]) => sum + counts[j]!, counts[i]! - 1));
  const close = (i: number) => {
    open[i] = 0;
    for (const [j] of near[i]!) degree[j]! -= counts[i]!;
  };
  const skeletons: Skeleton[] = [];
  for (;;) {
    let seed = -1;
    for (let i = 0; i < n; i++)
      if (open[i] && !tried[i] && degree[i]! > 0 && (seed < 0 || degree[i]! > degree[seed]!)) seed = i;
    if (seed < 0) break;
    const members = [seed];
    const candidates = near[seed]!.filter(([j]) => open[j]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [j] of candidates)
      if (members.every((k) => jaccardSorted(sets[j]!, sets[k]!) >= core - 1e-12)) members.push(j);
    const pairs = skeletonOf(members, sets, counts);
    if (pairs.length < MIN_SKELETON) {
      tried[seed] = 1;
      continue;
    }
    const followers = containing(pairs, sets, postings).filter((j) => open[j]);
    for (const j of new Set([...members, ...followers])) close(j);
    skeletons.push({ pairs, core: members });
  }
  return skeletons;
}

function skeletonOf(members: readonly number[], sets: readonly Uint32Array[], counts: ArrayLike<number>): Uint32Array {
  const count = new Map<number, number>();
  let size = 0;
  for (const i of members) {
    size += counts[i]!;
    for (const s of sets[i]!) count.set(s, (count.get(s) ?? 0) + counts[i]!);
  }
  const need = Math.min(size, Math.max(2, Math.ceil(SKELETON_SHARE * size)));
  return Uint32Array.from([...count].filter(([, c]) => c >= need).map(([s]) => s)).sort();
}

export function invertedIndex(sets: readonly Uint32Array[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  return index;
}

/**
 * Texts holding at least CONTAINMENT of a skeleton's word pairs, found exactly: such a text must hold one
 * of the skeleton's k − ⌈CONTAINMENT·k⌉ + 1 rarest pairs (a prefix filter), so only their postings are read.
 */
export function containing(
  pairs: Uint32Array,
  sets: readonly Uint32Array[],
  postings: Map<number, number[]>,
): number[] {
  const need = Math.ceil(CONTAINMENT * pairs.length - 1e-9);
  const rarest = [...pairs].sort((a, b) => postings.get(a)!.length - postings.get(b)!.length || a - b);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const s of rarest.slice(0, pairs.length - need + 1))
    for (const j of postings.get(s)!) {
      if (seen.has(j)) continue;
      seen.add(j);
      if (sharedCount(pairs, sets[j]!) >= need) out.push(j);
    }
  return out;
}
