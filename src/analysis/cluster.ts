/**
 * Near-duplicate clustering of normalised replies into templates, linear in practice:
 *  1. exact duplicates are collapsed first (most canned replies normalise to the same text);
 *  2. each distinct text is shingled (shingles.ts; for LSH on every core, sketch.ts);
 *  3. up to EXACT_LIMIT distinct texts, the exact prefix-filtered join (exact-join.ts) finds every
 *     pair above a similarity; larger inputs go through MinHash-LSH (minhash.ts): texts that share a band
 *     are candidates, and every candidate is verified with exact Jaccard, so only recall can suffer;
 *  4. by the default, average linkage: the texts at CORE_SIMILARITY are cores (single link, where a chain
 *     mostly stays inside one script), and cores merge by average link while the mean Jaccard over every pair of
 *     their replies is at least the threshold (core-average.ts, average-link.ts) — one close pair cannot
 *     chain two scripts; then each group of fewer than three replies follows the template it is most like on
 *     average in its content words (stragglers.ts). Single link (connected components at the threshold)
 *     remains as an option.
 * Distinct texts are processed in a canonical order and the hash functions are fixed: the result does
 * not depend on the input order or on the run.
 */
import { CANNED_FOLLOW_SHARE } from '../model/inventory.js';
import { type CoreGraph, coreGraph, templatesOf } from './core-average.js';
import { exactJoin } from './exact-join.js';
import { type Groups, groupsByRoot, listsOf } from './groups.js';
import { type Banding, bandsFor } from './minhash.js';
import { lshJoin, type PackedSets, packLists } from './lsh-join.js';
import { sortByKey } from './radix.js';
import { skeletonClustersAtScale } from './skeleton-scale.js';
import { sketchAll } from './sketch.js';
import { followTemplates, MIN_TEMPLATE } from './stragglers.js';
import { hash32, shingles } from './shingles.js';
import { UnionFind } from './union-find.js';

/**
 * Up to this many distinct texts the exact path (exact-join.ts's prefix-filtered join) is used; above,
 * MinHash-LSH. Measured on the bench corpus (bench/crossover.ts): single link at 0.45 crossed between 8,670
 * and 12,829 distinct texts; the average linkage at 0.275, since the exact join's index reduction and positional
 * filter (issue 34, fifteenth session), between 4,442 and 8,670 (97 vs 115 ms; 248 vs 228 ms at 8,670; 757 vs
 * 603 ms at 16,955). Below the limit the exact path costs at most about a quarter of a second, and it finds every
 * pair (the LSH path's canned ratio is 0.2 points lower at 10⁴ replies).
 */
export const EXACT_LIMIT = 10_000;
/** The LSH banding of the skeleton linkage: the former default similarity's (see clusterTexts). */
const SKELETON_BANDING = 0.45;
/**
 * Average linkage: texts this similar are one core before average link (single link: a chain at this
 * similarity stays inside a script — Uber's two scripts met at 0.450), and pairs under FLOOR count 0.
 * Measured on the tune half of issue 34's labels (docs/canned-eval.md): cores from 0.45 to 0.8 and floors
 * from 0 to 0.25 give the same templates.
 */
const CORE_SIMILARITY = 0.5;
const FLOOR = 0.25;

export interface ClusterOptions {
  similarity: number;
  /** 'auto' (exact up to EXACT_LIMIT distinct texts), or force one method (benchmarks, tests). */
  method?: 'auto' | 'exact' | 'lsh';
  /**
   * 'average' (the default, the product's rule since issue 34): cores at CORE_SIMILARITY, merged by average
   * link while the mean Jaccard of their replies' pairs is at least `similarity` (core-average.ts);
   * 'single': connected components at `similarity`, so templates can chain (the default until then);
   * 'skeleton': templates formed against a script's skeleton (skeleton.ts, skeleton-scale.ts: cores from the
   * components at `similarity`, then every text to the skeleton it contains most), `similarity` being the
   * core's. All three are measured in docs/canned-eval.md.
   */
  linkage?: 'average' | 'skeleton' | 'single';
  /**
   * Average linkage: after average link, each group of fewer than `minTemplate` replies joins the template it is
   * most like on average (stragglers.ts). On by default; off to measure average link alone.
   */
  followers?: boolean;
  /** The replies a template has at least (cannedMinClusterSize; 3 unless said): what the stragglers can follow. */
  minTemplate?: number;
}

/**
 * Clusters of indices into `texts` (normalised; empty texts are left out), largest first.
 * Texts that are identical are always in one cluster.
 */
export function clusterTexts(
  texts: readonly string[],
  { similarity, method = 'auto', linkage = 'average', followers = true, minTemplate = MIN_TEMPLATE }: ClusterOptions,
): number[][] {
  const { distinct, counts, repliesOf } = collapse(texts);
  const lsh = usesLsh(method, distinct.length);
  if (linkage === 'average') {
    const graph = averageGraph(distinct, counts, similarity, lsh);
    const bar = similarity * CANNED_FOLLOW_SHARE;
    const follow = followers
      ? (root: Uint32Array) => followTemplates(root, graph, distinct, counts, { bar, minTemplate })
      : undefined;
    return repliesOf(templatesOf(graph, similarity, follow));
  }
  // skeleton linkage at scale: candidates from the former default similarity's banding (0.45: 42 bands of 3,
  // where 0.3 needs 64 of 2 and took 3× as long at 10⁵), verified at the core similarity; skeleton-scale.ts
  // finds the rest by containment
  const banding = lsh ? bandsFor(linkage === 'skeleton' ? Math.max(similarity, SKELETON_BANDING) : similarity) : null;
  const { uf, sets } = componentsAt(distinct, similarity, banding);
  if (linkage === 'skeleton') {
    // skeletons are formed from samples of each component, and every text then goes to the skeleton it
    // contains most (skeleton-scale.ts); a view per text only for them (10⁶ views are ~100 MB)
    const views = Array.from({ length: distinct.length }, (_, i) =>
      sets.flat.subarray(sets.starts[i]!, sets.starts[i + 1]!),
    );
    const lists = skeletonClustersAtScale(views, counts, listsOf(groupsOf(uf)), similarity);
    return repliesOf(groupsOfLists(lists));
  }
  return repliesOf(groupsOf(uf));
}

/**
 * Average linkage up to average link (core-average.ts): cores at CORE_SIMILARITY (or the threshold, if
 * higher), their candidate pairs and means. The shingle sets live in this call only, so they are gone
 * before average link runs.
 */
function averageGraph(distinct: readonly string[], counts: Uint32Array, similarity: number, lsh: boolean): CoreGraph {
  const { core, floor } = averageLevels(similarity);
  const { uf, sets } = componentsAt(distinct, core, lsh ? bandsFor(core) : null);
  return coreGraph({ sets, counts, cores: groupsOf(uf), floor, method: lsh ? 'lsh' : 'exact' });
}

/** The average linkage's core similarity and floor at a threshold. */
const averageLevels = (similarity: number) => ({
  core: Math.max(CORE_SIMILARITY, similarity),
  floor: Math.min(FLOOR, similarity),
});

/**
 * The average linkage's graph of `texts` before average link, for measurement (bench:canned's sampled
 * recalls of the core join and the candidate search): the distinct texts in clusterTexts's order, how many
 * replies each stands for, the graph (its edges are the candidate core pairs), and the levels it was built at.
 */
export function averageCoreGraph(texts: readonly string[], { similarity, method = 'auto' }: ClusterOptions) {
  const { distinct, counts } = collapse(texts);
  const graph = averageGraph(distinct, counts, similarity, usesLsh(method, distinct.length));
  return { distinct, counts, graph, ...averageLevels(similarity) };
}

/** Whether `n` distinct texts go through MinHash-LSH rather than the exact path. */
const usesLsh = (method: ClusterOptions['method'], n: number) =>
  method === 'lsh' || (method !== 'exact' && n > EXACT_LIMIT);

/**
 * The single-link components of the distinct texts at `threshold` (a union-find) and their shingle sets,
 * packed: by MinHash-LSH with `banding` (every candidate verified), or by the exact join when it is null.
 */
function componentsAt(
  distinct: readonly string[],
  threshold: number,
  banding: Banding | null,
): { uf: UnionFind; sets: PackedSets } {
  const uf = new UnionFind(distinct.length);
  if (banding) {
    const sets = sketchAll(distinct);
    lshJoin(banding, sets, threshold, uf);
    return { uf, sets };
  }
  const each = distinct.map(shingles);
  exactJoin(
    each,
    threshold,
    (i, j) => uf.union(i, j),
    (i, j) => uf.find(i) === uf.find(j),
  );
  return { uf, sets: packLists(each) };
}

/**
 * The distinct non-empty texts in canonical order (by a hash of the text, equal hashes by the text itself: an
 * order that does not depend on the input's), how many replies each stands for, and a way to turn groups of
 * distinct texts back into clusters of replies. Found by one radix sort of every reply's hash, not a map of texts: at 10⁶
 * replies a map of 740,000 texts, each with its array of replies, took ~150 MB at the clustering's peak; and
 * sorting 10⁶ strings took seconds.
 */
function collapse(texts: readonly string[]) {
  let n = 0;
  const kept = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) if (texts[i]) kept[n++] = i;
  const hashes = Uint32Array.from(kept.subarray(0, n), (i) => hash32(texts[i]!));
  const slot = new Uint32Array(n);
  const sorted = new Uint32Array(n);
  sortByKey(hashes, slot, sorted, new Uint32Array(n));
  // reply indices by (hash, text, index): the radix sort is stable, and so is the sort of a run of equal
  // hashes by text
  const order = Uint32Array.from(slot, (k) => kept[k]!);
  const starts: number[] = [];
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    starts.push(start);
    // a run of one hash is nearly always one text repeated; only a collision needs sorting and splitting
    const first = texts[order[start]!]!;
    let same = true;
    for (let k = start + 1; same && k < end; k++) same = texts[order[k]!] === first;
    if (!same) {
      const tied = Array.from(order.subarray(start, end)).sort((a, b) =>
        texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0,
      );
      order.set(tied, start);
      for (let k = start + 1; k < end; k++) if (texts[order[k]!] !== texts[order[k - 1]!]) starts.push(k);
    }
    start = end;
  }
  starts.push(n);
  const groupStart = Uint32Array.from(starts);
  const count = groupStart.length - 1;
  const counts = Uint32Array.from({ length: count }, (_, d) => groupStart[d + 1]! - groupStart[d]!);
  return {
    distinct: Array.from({ length: count }, (_, d) => texts[order[groupStart[d]!]!]!),
    counts,
    /**
     * Clusters of reply indices, largest first (ties by first index), from groups of distinct texts: each
     * group's texts in order, each text's replies in input order. An array of exactly its length each (most
     * clusters are one or two replies, and an array grown by push keeps room for 17).
     */
    repliesOf({ starts: from, members }: Groups): number[][] {
      const clusters: number[][] = [];
      for (let g = 0; g + 1 < from.length; g++) {
        let size = 0;
        for (let k = from[g]!; k < from[g + 1]!; k++) size += counts[members[k]!]!;
        // V8 makes a large preallocated array a dictionary: a large cluster grows instead
        const out: number[] = size <= PREALLOCATED_UP_TO ? new Array(size) : [];
        let at = 0;
        for (let k = from[g]!; k < from[g + 1]!; k++) {
          const d = members[k]!;
          for (let r = groupStart[d]!; r < groupStart[d + 1]!; r++) out[at++] = order[r]!;
        }
        clusters.push(out);
      }
      return clusters.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
    },
  };
}

/** Clusters up to this size are allocated at their length (repliesOf). */
const PREALLOCATED_UP_TO = 1024;

/** The union-find's components in one array, in order of their lowest member. */
const groupsOf = (uf: UnionFind): Groups => groupsByRoot(uf.roots());

/** Lists of ids as Groups, in order. */
function groupsOfLists(lists: readonly number[][]): Groups {
  const { flat, starts } = packLists(lists);
  return { starts, members: flat };
}
