/**
 * Templates by average link between cores (the product's linkage; docs/canned-eval.md, "Average link in
 * the product"). The caller has formed cores: single-link components of the distinct texts at a high
 * similarity (CORE_SIMILARITY), where a chain rarely leaves a script. Here:
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
import { averageLink, type WeightedEdges } from './average-link.js';
import {
  CANDIDATE_BANDING,
  type CandidateShare,
  candidatesInBands,
  keyOf,
  pairKeys,
  sortedOnce,
} from './candidate-search.js';
import { exactJoin } from './exact-join.js';
import { fanOut, threadsUsable } from './fan-out.js';
import { expand, type Groups, groupsByRoot } from './groups.js';
import { jaccardFrom, type PackedSets, sharedSets } from './lsh-join.js';
import { bandShare } from './radix.js';

/** Texts a core is represented by. */
export const SAMPLE = 16;
/** Built next to this module (dist/analysis/); absent when running the TypeScript sources directly. */
const WORKER = new URL('./candidate-worker.js', import.meta.url);

export interface CoreInput {
  /** Each distinct text's shingle set, packed (sorted, distinct). */
  sets: PackedSets;
  /** How many replies each distinct text stands for. */
  counts: ArrayLike<number>;
  /** The cores, as groups of distinct text ids. */
  cores: Groups;
  floor: number;
  method: 'exact' | 'lsh';
}

/** The cores, how many replies each stands for, and the similarity mass between candidate pairs. */
export interface CoreGraph {
  cores: Groups;
  weight: Float64Array;
  edges: WeightedEdges;
}

/**
 * Steps 1–3 up to average link: the graph of cores (it holds nothing of the shingle sets, so they can be
 * dropped before average link — at 10⁶ replies, 77 MB off the clustering's peak).
 */
export function coreGraph({ sets, counts, cores, floor, method }: CoreInput): CoreGraph {
  const coreCount = cores.starts.length - 1;
  const samples = samplesOf(cores, counts);
  const { starts: sampleStarts, members: sampleIds } = samples;
  const weight = new Float64Array(coreCount);
  for (let c = 0; c < coreCount; c++)
    for (let k = cores.starts[c]!; k < cores.starts[c + 1]!; k++) weight[c]! += counts[cores.members[k]!]!;
  const coreOf = new Uint32Array(sampleIds.length);
  for (let c = 0; c < coreCount; c++) coreOf.fill(c, sampleStarts[c]!, sampleStarts[c + 1]!);
  const sample = { sets, ids: sampleIds, coreOf, cores: coreCount, floor };
  const pairs = method === 'exact' ? exactCandidates(sample) : lshCandidates(sample);

  const a = new Uint32Array(pairs.length);
  const b = new Uint32Array(pairs.length);
  const mass = new Float64Array(pairs.length);
  let edges = 0;
  for (const key of pairs) {
    const x = Math.floor(key / coreCount);
    const y = key - x * coreCount;
    const mean = sampledMean(sets, counts, samples, x, y, floor);
    if (mean <= 0) continue;
    a[edges] = x;
    b[edges] = y;
    mass[edges++] = mean * weight[x]! * weight[y]!;
  }
  return {
    cores,
    weight,
    edges: { a: a.subarray(0, edges), b: b.subarray(0, edges), mass: mass.subarray(0, edges) },
  };
}

/**
 * Step 3's similarity of cores x and y: the mean Jaccard of their sampled texts' pairs, reply by reply (a
 * text weighs as many replies as it stands for; pairs under the floor count 0).
 */
export function sampledMean(
  sets: PackedSets,
  counts: ArrayLike<number>,
  { starts, members }: Groups,
  x: number,
  y: number,
  floor: number,
): number {
  let [sum, weightX, weightY] = [0, 0, 0];
  for (let p = starts[x]!; p < starts[x + 1]!; p++) weightX += counts[members[p]!]!;
  for (let q = starts[y]!; q < starts[y + 1]!; q++) weightY += counts[members[q]!]!;
  for (let p = starts[x]!; p < starts[x + 1]!; p++)
    for (let q = starts[y]!; q < starts[y + 1]!; q++) {
      const [i, j] = [members[p]!, members[q]!];
      sum += counts[i]! * counts[j]! * jaccardFrom(sets, i, j, floor);
    }
  return sum / (weightX * weightY);
}

/** Each core's sample (step 1): up to SAMPLE of its texts, the most repeated first (ties by id). */
export function samplesOf(cores: Groups, counts: ArrayLike<number>): Groups {
  const coreCount = cores.starts.length - 1;
  const starts = new Uint32Array(coreCount + 1);
  const sampled: number[] = [];
  for (let c = 0; c < coreCount; c++) {
    const members = cores.members.subarray(cores.starts[c]!, cores.starts[c + 1]!);
    const chosen =
      members.length <= 1
        ? members
        : Array.from(members)
            .sort((x, y) => counts[y]! - counts[x]! || x - y)
            .slice(0, SAMPLE);
    for (const i of chosen) sampled.push(i);
    starts[c + 1] = sampled.length;
  }
  return { starts, members: Uint32Array.from(sampled) };
}

/**
 * Templates by average link over the core graph at `threshold`, as groups of distinct text ids (each core
 * whole inside one; a template's cores in id order, templates in order of their lowest core).
 */
export function templatesOf(
  graph: CoreGraph,
  threshold: number,
  follow: (root: Uint32Array) => Uint32Array = (root) => root,
): Groups {
  return expand(groupsByRoot(follow(averageLink(graph.weight, graph.edges, threshold))), graph.cores);
}

/** The sampled texts and their cores: what either candidate search reads. */
type Sample = Omit<CandidateShare, 'from' | 'to'>;

function exactCandidates({ sets: packed, ids, coreOf, cores, floor }: Sample): Float64Array {
  const sets = Array.from(ids, (i) => packed.flat.subarray(packed.starts[i]!, packed.starts[i + 1]!));
  const found: number[] = [];
  exactJoin(sets, floor, (i, j) => {
    if (coreOf[i] !== coreOf[j]) found.push(keyOf(coreOf[i]!, coreOf[j]!, cores));
  });
  return pairKeys(found);
}

/**
 * Candidate core pairs by MinHash-LSH (candidate-search.ts), the bands split over threads when there are
 * many texts (fan-out.ts): the shingle sets are handed over in shared memory.
 */
function lshCandidates(sample: Sample): Float64Array {
  const threads = threadsUsable(sample.ids.length, WORKER);
  const sets = threads > 1 ? sharedSets(sample.sets) : sample.sets;
  const { bands } = CANDIDATE_BANDING;
  const shares = Array.from({ length: threads }, (_, k) => ({
    data: { ...sample, sets, ...bandShare(k, threads, bands) },
    size: sample.ids.length,
  }));
  const parts = fanOut(WORKER, shares, (k) => candidatesInBands(shares[k]!.data));
  // the parts' concatenation is this call's own array: sorted in place, not copied again
  return parts.length === 1 ? parts[0]! : sortedOnce(concat(parts));
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
