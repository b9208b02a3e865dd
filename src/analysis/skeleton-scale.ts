/**
 * Skeleton templates from components (issue 34 item 5): the all-pairs work at the core similarity is what
 * made the skeleton linkage slow at scale (LSH at 0.3 needs 64 bands, and every pair inside a component
 * was compared: 123 s and 2.1 GB at 10⁵ replies), so here:
 *  1. the caller's components say which texts can share a script: exact (exact-join.ts at the core
 *     similarity) up to EXACT_LIMIT distinct texts, above it LSH candidates from the banding of the
 *     default similarity, verified at the core similarity;
 *  2. within each component, skeletons are found (skeleton.ts, steps 1–4) among SAMPLE of its texts at a
 *     time, those standing for the most replies first: a script's fixed part shows in a sample of its
 *     variants, and the texts that contain a skeleton found are not sampled again;
 *  3. every distinct text, in a component or not, goes to the skeleton it contains most (at least
 *     CONTAINMENT of its word pairs), found through an inverted index from skeleton word pairs to
 *     skeletons; core members stay with their core. A short script inside a long opener that reached no
 *     core member at the core similarity is found here by containment, as on the exact path.
 * The cost is linear in the texts' word pairs plus SAMPLE² per component.
 */
import { sharedCount } from './shingles.js';
import { CONTAINMENT, containing, invertedIndex, type Skeleton, skeletonsAmong } from './skeleton.js';

/** Texts of a component that cores are formed from (the most replied first). */
const SAMPLE = 48;

export function skeletonClustersAtScale(
  sets: readonly Uint32Array[],
  counts: ArrayLike<number>,
  components: readonly number[][],
  core: number,
): number[][] {
  const skeletons: Skeleton[] = [];
  for (const members of components) {
    if (members.length < 2) continue;
    // one push each, not push(...): a component's skeletons are as many as its texts at worst
    for (const skeleton of inComponent(members, sets, counts, core)) skeletons.push(skeleton);
  }
  return assign(sets, skeletons);
}

/**
 * Skeletons of one component, a sample at a time: the SAMPLE texts left that stand for the most replies
 * form cores and skeletons, the component's texts that contain one are no longer left, and the next sample
 * is drawn from the rest, until none is left (a component chained at the core similarity holds many
 * scripts; one sample of it would find only the largest).
 */
function inComponent(
  members: readonly number[],
  sets: readonly Uint32Array[],
  counts: ArrayLike<number>,
  core: number,
): Skeleton[] {
  const order = [...members].sort((a, b) => counts[b]! - counts[a]! || a - b);
  const local = order.map((i) => sets[i]!);
  const postings = members.length > SAMPLE ? invertedIndex(local) : new Map<number, number[]>();
  const left = new Uint8Array(order.length).fill(1);
  const out: Skeleton[] = [];
  for (let next = 0; next < order.length; ) {
    const sample: number[] = [];
    for (; next < order.length && sample.length < SAMPLE; next++) if (left[next]) sample.push(next);
    if (sample.length < 2) break;
    const found = skeletonsAmong(
      sample.map((k) => local[k]!),
      Uint32Array.from(sample, (k) => counts[order[k]!]!),
      core,
    );
    for (const k of sample) left[k] = 0;
    for (const { pairs, core: c } of found) {
      out.push({ pairs, core: c.map((k) => order[sample[k]!]!) });
      if (members.length > SAMPLE) for (const k of containing(pairs, local, postings)) left[k] = 0;
    }
  }
  return out;
}

/**
 * Each text to the skeleton it contains most. A text holding ⌈CONTAINMENT·k⌉ of a k-pair skeleton holds
 * at least one of any k − ⌈CONTAINMENT·k⌉ + 1 of its pairs: each skeleton is indexed under that many of
 * its pairs, those fewest skeletons share (house phrases would make long posting lists).
 */
function assign(sets: readonly Uint32Array[], skeletons: readonly Skeleton[]): number[][] {
  const n = sets.length;
  const home = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  skeletons.forEach(({ core }, k) => {
    for (const i of core) [home[i], score[i]] = [k, 2];
  });
  const spread = new Map<number, number>();
  for (const { pairs } of skeletons) for (const s of pairs) spread.set(s, (spread.get(s) ?? 0) + 1);
  const index = new Map<number, number[]>();
  skeletons.forEach(({ pairs }, k) => {
    const need = Math.ceil(CONTAINMENT * pairs.length - 1e-9);
    const keys = [...pairs].sort((a, b) => spread.get(a)! - spread.get(b)! || a - b).slice(0, pairs.length - need + 1);
    for (const s of keys) {
      const list = index.get(s);
      if (list) list.push(k);
      else index.set(s, [k]);
    }
  });
  const seen = new Int32Array(skeletons.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (score[i] === 2) continue;
    const set = sets[i]!;
    for (const s of set) {
      const list = index.get(s);
      if (!list) continue;
      for (const k of list) {
        if (seen[k] === i) continue;
        seen[k] = i;
        const pairs = skeletons[k]!.pairs;
        const c = sharedCount(pairs, set) / pairs.length;
        if (c >= CONTAINMENT - 1e-9 && c > score[i]!) [home[i], score[i]] = [k, c];
      }
    }
  }
  const groups: number[][] = skeletons.map(() => []);
  const alone: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (home[i]! >= 0) groups[home[i]!]!.push(i);
    else alone.push([i]);
  }
  return [...groups.filter((g) => g.length > 0), ...alone];
}
