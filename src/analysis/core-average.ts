/**
 * Templates by average link between cores (the product's linkage; docs/canned-eval.md, "Average link in
 * the product"). The caller has formed cores: single-link components of the distinct texts at a high
 * similarity (CORE_SIMILARITY), where a chain cannot leave a script. Here:
 *  1. each core is represented by up to SAMPLE of its texts, those standing for the most replies first;
 *  2. candidate core pairs are the cores two of whose sampled texts have word-pair Jaccard ≥ `floor`:
 *     found exactly by the prefix-filtered join (exact-join.ts) up to EXACT_LIMIT distinct texts, above it
 *     by MinHash-LSH (CANDIDATE_BANDING; a shared band is a candidate, verified at the floor);
 *  3. a candidate pair's similarity is the mean Jaccard of its sampled texts' pairs, reply by reply
 *     (pairs under the floor count 0), and average link (average-link.ts) merges cores while the mean
 *     over every pair of replies of two groups is at least `threshold`.
 * With cores of at most SAMPLE texts this is exact UPGMA over the cores; a larger core is represented by
 * its most repeated texts.
 */
import { averageLink } from './average-link.js';
import { bandKeys, PERMUTATIONS, signature } from './minhash.js';
import { forEachBucket } from './radix.js';
import { jaccardAt, type PackedSets } from './lsh-join.js';
import { exactJoin } from './exact-join.js';

/** Texts a core is represented by. */
export const SAMPLE = 16;
/**
 * In an LSH bucket, each core is checked against the next BUCKET_WINDOW cores in it (by id), not against
 * all: a bucket of thousands of texts sharing a stock phrase would otherwise cost the square of its size
 * (a real pair shares several bands and is found through one of them; 16 found the same templates as 64
 * on the twcs brands and on the bench corpus, in two thirds of the time at 10⁵).
 */
const BUCKET_WINDOW = 16;
/**
 * The LSH banding candidates between cores are found with: the floor's (64 bands of 2 rows: a pair at
 * 0.25 is a candidate 98% of the time). 42 bands of 3 (the former default similarity's) were twice as
 * fast on the bench corpus, but found a pair at 0.25 only 48% of the time, and on the twcs brands the LSH
 * path then lost a tenth of the exact path's same-template pairs (docs/canned-eval.md).
 */
const CANDIDATE_BANDING = { bands: 64, rows: 2 };

/** Groups of ids in one array: group g is members[starts[g]..starts[g+1]). */
export interface Groups {
  starts: Uint32Array;
  members: Uint32Array;
}

export interface CoreInput {
  /** Each distinct text's shingle set, packed (sorted, distinct). */
  sets: PackedSets;
  /** How many replies each distinct text stands for. */
  counts: ArrayLike<number>;
  /** The cores, as groups of distinct text ids. */
  cores: Groups;
  floor: number;
  threshold: number;
  method: 'exact' | 'lsh';
}

/** Templates as lists of distinct text ids (each core whole inside one). */
export function averageOfCores({ sets, counts, cores, floor, threshold, method }: CoreInput): number[][] {
  const coreCount = cores.starts.length - 1;
  // each core's sample, in one array: its most repeated texts first (ties by id)
  const sampleStarts = new Uint32Array(coreCount + 1);
  const sampled: number[] = [];
  const weight = new Float64Array(coreCount);
  const sampleWeight = new Float64Array(coreCount);
  for (let c = 0; c < coreCount; c++) {
    const members = cores.members.subarray(cores.starts[c]!, cores.starts[c + 1]!);
    for (const i of members) weight[c]! += counts[i]!;
    const chosen =
      members.length <= 1
        ? members
        : Array.from(members)
            .sort((x, y) => counts[y]! - counts[x]! || x - y)
            .slice(0, SAMPLE);
    for (const i of chosen) {
      sampled.push(i);
      sampleWeight[c]! += counts[i]!;
    }
    sampleStarts[c + 1] = sampled.length;
  }
  const sampleIds = Uint32Array.from(sampled);
  const coreOf = new Uint32Array(sampleIds.length);
  for (let c = 0; c < coreCount; c++) coreOf.fill(c, sampleStarts[c]!, sampleStarts[c + 1]!);
  const pairs =
    method === 'exact'
      ? exactCandidates(sets, sampleIds, coreOf, floor, coreCount)
      : lshCandidates(sets, sampleIds, coreOf, floor, coreCount);

  const a: number[] = [];
  const b: number[] = [];
  const mass: number[] = [];
  for (const key of pairs) {
    const x = Math.floor(key / coreCount);
    const y = key - x * coreCount;
    let sum = 0;
    for (let p = sampleStarts[x]!; p < sampleStarts[x + 1]!; p++)
      for (let q = sampleStarts[y]!; q < sampleStarts[y + 1]!; q++) {
        const [i, j] = [sampleIds[p]!, sampleIds[q]!];
        const s = jaccardAt(sets, i, j);
        if (s >= floor) sum += counts[i]! * counts[j]! * s;
      }
    const mean = sum / (sampleWeight[x]! * sampleWeight[y]!);
    if (mean <= 0) continue;
    a.push(x);
    b.push(y);
    mass.push(mean * weight[x]! * weight[y]!);
  }
  const root = averageLink(weight, { a, b, mass }, threshold);
  const groups = new Map<number, number[]>();
  for (let c = 0; c < coreCount; c++) {
    const r = root[c]!;
    let group = groups.get(r);
    if (!group) {
      group = [];
      groups.set(r, group);
    }
    for (let k = cores.starts[c]!; k < cores.starts[c + 1]!; k++) group.push(cores.members[k]!);
  }
  return [...groups.values()];
}

/** Unordered core pairs as sorted, distinct keys x · cores + y (x < y). */
function pairKeys(found: number[]): Float64Array {
  const keys = Float64Array.from(found).sort();
  let m = 0;
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[m - 1]) keys[m++] = keys[k]!;
  return keys.subarray(0, m);
}

const keyOf = (x: number, y: number, cores: number) => Math.min(x, y) * cores + Math.max(x, y);

function exactCandidates(
  packed: PackedSets,
  ids: Uint32Array,
  coreOf: Uint32Array,
  floor: number,
  cores: number,
): Float64Array {
  const sets = Array.from(ids, (i) => packed.flat.subarray(packed.starts[i]!, packed.starts[i + 1]!));
  const found: number[] = [];
  exactJoin(sets, floor, (i, j) => {
    if (coreOf[i] !== coreOf[j]) found.push(keyOf(coreOf[i]!, coreOf[j]!, cores));
  });
  return pairKeys(found);
}

function lshCandidates(
  sets: PackedSets,
  ids: Uint32Array,
  coreOf: Uint32Array,
  floor: number,
  cores: number,
): Float64Array {
  const n = ids.length;
  const { bands, rows } = CANDIDATE_BANDING;
  const keys = new Uint32Array(n * bands);
  const sig = new Uint32Array(PERMUTATIONS);
  for (let k = 0; k < n; k++) {
    const i = ids[k]!;
    bandKeys(signature(sets.flat.subarray(sets.starts[i]!, sets.starts[i + 1]!), sig), bands, rows, keys, k * bands);
  }
  const found: number[] = [];
  // a bucket's texts, one per core: the bucket is in ascending order, and sampled texts are numbered core by
  // core, most repeated first, so a core's first text in the bucket is its best
  const byCore: number[] = [];
  forEachBucket(keys, bands, (order, start, end) => {
    byCore.length = 0;
    for (let k = start; k < end; k++)
      if (byCore.length === 0 || coreOf[order[k]!] !== coreOf[byCore.at(-1)!]) byCore.push(order[k]!);
    const u = byCore.length;
    for (let x = 0; x < u; x++)
      for (let y = x + 1; y < Math.min(u, x + 1 + BUCKET_WINDOW); y++) {
        const [i, j] = [byCore[x]!, byCore[y]!];
        if (jaccardAt(sets, ids[i]!, ids[j]!) >= floor) found.push(keyOf(coreOf[i]!, coreOf[j]!, cores));
      }
  });
  return pairKeys(found);
}
