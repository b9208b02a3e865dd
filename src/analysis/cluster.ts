/**
 * Near-duplicate clustering of normalised replies, linear in practice:
 *  1. exact duplicates are collapsed first (most canned replies normalise to the same text);
 *  2. each distinct text is shingled (shingles.ts) and, for LSH, sketched (sketch.ts: on every core);
 *  3. up to EXACT_LIMIT distinct texts, the exact prefix-filtered join (exact-join.ts) finds every
 *     pair; larger inputs go through MinHash-LSH (minhash.ts): texts that share a band are candidates;
 *  4. every candidate pair is verified with exact Jaccard before it is merged (union-find), so every
 *     merge is real and only recall can suffer.
 * Distinct texts are processed in a canonical order and the hash functions are fixed: the result does
 * not depend on the input order or on the run.
 */
import { exactJoin } from './exact-join.js';
import { bandsFor } from './minhash.js';
import { lshJoin } from './lsh-join.js';
import { sortByKey } from './radix.js';
import { skeletonClustersAtScale } from './skeleton-scale.js';
import { sketchAll } from './sketch.js';
import { hash32, shingles } from './shingles.js';

/**
 * Up to this many distinct texts the exact prefix-filtered join (exact-join.ts) is used; above,
 * MinHash-LSH. Measured on the bench corpus at the default similarity (bench/crossover.ts): the exact
 * join is as fast or faster through 6,978 distinct texts (163 vs 166 ms) and at 10,333, LSH faster at
 * 8,670 and from 12,829 (448 vs 253 ms): the switch sits between, at 10,000.
 */
export const EXACT_LIMIT = 10_000;
/** The LSH banding of the skeleton linkage: the default similarity's (see clusterTexts). */
const SKELETON_BANDING = 0.45;

class UnionFind {
  private readonly parent: Uint32Array;
  constructor(n: number) {
    this.parent = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface ClusterOptions {
  similarity: number;
  /** 'auto' (exact up to EXACT_LIMIT distinct texts), or force one method (benchmarks, tests). */
  method?: 'auto' | 'exact' | 'lsh';
  /**
   * 'single' (the default, the product's rule): connected components at `similarity`, so templates can
   * chain; 'skeleton': templates formed against a script's skeleton (skeleton.ts, skeleton-scale.ts: cores
   * from the components at `similarity`, then every text to the skeleton it contains most), `similarity` being the
   * core's — measured in docs/canned-eval.md, not yet the default (held-out precision below single link's).
   */
  linkage?: 'skeleton' | 'single';
}

/**
 * Clusters of indices into `texts` (normalised; empty texts are left out), largest first.
 * Texts that are identical are always in one cluster.
 */
export function clusterTexts(
  texts: readonly string[],
  { similarity, method = 'auto', linkage = 'single' }: ClusterOptions,
): number[][] {
  const byText = new Map<string, number[]>();
  texts.forEach((text, i) => {
    if (!text) return;
    const members = byText.get(text);
    if (members) members.push(i);
    else byText.set(text, [i]);
  });
  const distinct = canonicalOrder([...byText.keys()]);
  const uf = new UnionFind(distinct.length);
  const lsh = method === 'lsh' || (method === 'auto' && distinct.length > EXACT_LIMIT);
  const counts = Uint32Array.from(distinct, (text) => byText.get(text)!.length);
  const replies = (groups: number[][]) =>
    groups.map((g) => g.flatMap((i) => byText.get(distinct[i]!)!)).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  if (lsh) {
    // skeleton linkage: candidates from the default similarity's banding (0.45: 42 bands of 3, where 0.3
    // needs 64 of 2 and took 3× as long at 10⁵), verified at the core similarity; skeleton-scale.ts finds
    // the rest by containment
    const banding = bandsFor(linkage === 'skeleton' ? Math.max(similarity, SKELETON_BANDING) : similarity);
    const { flat, starts, keys } = sketchAll(distinct, banding);
    const sets = Array.from({ length: distinct.length }, (_, i) => flat.subarray(starts[i]!, starts[i + 1]!));
    lshJoin(keys, banding, { flat, starts }, similarity, uf);
    // at scale the skeletons are formed from samples of each LSH component, and every text then goes to
    // the skeleton it contains most (skeleton-scale.ts)
    if (linkage === 'skeleton')
      return replies(skeletonClustersAtScale(sets, counts, components(uf, sets.length), similarity));
  } else {
    const sets = distinct.map(shingles);
    exactJoin(
      sets,
      similarity,
      (i, j) => uf.union(i, j),
      (i, j) => uf.find(i) === uf.find(j),
    );
    if (linkage === 'skeleton')
      return replies(skeletonClustersAtScale(sets, counts, components(uf, sets.length), similarity));
  }

  const clusters = new Map<number, number[]>();
  distinct.forEach((text, i) => {
    const root = uf.find(i);
    const members = clusters.get(root);
    // a loop, not push(...): one text repeated 10⁵ times would overflow the call stack
    if (members) for (const index of byText.get(text)!) members.push(index);
    else clusters.set(root, [...byText.get(text)!]);
  });
  return [...clusters.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/** The union-find's components, as lists of indices. */
function components(uf: UnionFind, n: number): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

/**
 * Distinct texts in an order that does not depend on the input's: by a hash of the text, equal hashes by
 * the text itself. Linear (a radix sort of the hashes), where sorting 10⁶ strings took seconds.
 */
function canonicalOrder(texts: readonly string[]): string[] {
  const n = texts.length;
  const hashes = Uint32Array.from(texts, (text) => hash32(text));
  const order = new Uint32Array(n);
  const sorted = new Uint32Array(n);
  sortByKey(hashes, order, sorted, new Uint32Array(n));
  const out = Array.from(order, (i) => texts[i]!);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    if (end - start > 1) {
      for (const [k, text] of out.slice(start, end).sort().entries()) out[start + k] = text;
    }
    start = end;
  }
  return out;
}
