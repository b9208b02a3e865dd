/**
 * Near-duplicate clustering of normalised replies, linear in practice:
 *  1. exact duplicates are collapsed first (most canned replies normalise to the same text);
 *  2. each distinct text is shingled (shingles.ts);
 *  3. small inputs are compared pair by pair (exact); larger ones through MinHash-LSH (minhash.ts):
 *     texts that share a band are candidates;
 *  4. every candidate pair is verified with exact Jaccard before it is merged (union-find), so every
 *     merge is real and only recall can suffer.
 * Distinct texts are processed in sorted order and the hash functions are fixed: the result does not
 * depend on the input order or on the run.
 */
import { bandKeys, bandsFor, PERMUTATIONS, signature } from './minhash.js';
import { jaccardSorted, shingles } from './shingles.js';

/** At most this many distinct texts are compared pair by pair; above, MinHash-LSH. */
export const EXACT_LIMIT = 1500;
/** Per LSH bucket: members kept per cluster for comparison, and clusters kept. */
const MEMBERS_PER_CLUSTER = 8;
const CLUSTERS_PER_BUCKET = 256;

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
}

/**
 * Clusters of indices into `texts` (normalised; empty texts are left out), largest first.
 * Texts that are identical are always in one cluster.
 */
export function clusterTexts(texts: readonly string[], { similarity, method = 'auto' }: ClusterOptions): number[][] {
  const byText = new Map<string, number[]>();
  texts.forEach((text, i) => {
    if (!text) return;
    const members = byText.get(text);
    if (members) members.push(i);
    else byText.set(text, [i]);
  });
  const distinct = [...byText.keys()].sort();
  const sets = distinct.map(shingles);
  const uf = new UnionFind(distinct.length);
  const similar = (i: number, j: number) => {
    const a = sets[i]!;
    const b = sets[j]!;
    // Jaccard is at most min/max of the set sizes: skip pairs that cannot reach the threshold
    return Math.min(a.length, b.length) >= similarity * Math.max(a.length, b.length) && jaccardSorted(a, b) >= similarity;
  };
  const useLsh = method === 'lsh' || (method === 'auto' && distinct.length > EXACT_LIMIT);
  if (useLsh) lshJoin(sets, similarity, uf, similar);
  else for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (uf.find(i) !== uf.find(j) && similar(i, j)) uf.union(i, j);

  const clusters = new Map<number, number[]>();
  distinct.forEach((text, i) => {
    const root = uf.find(i);
    const members = clusters.get(root);
    if (members) members.push(...byText.get(text)!);
    else clusters.set(root, [...byText.get(text)!]);
  });
  return [...clusters.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function lshJoin(sets: Uint32Array[], similarity: number, uf: UnionFind, similar: (i: number, j: number) => boolean): void {
  const n = sets.length;
  const { bands, rows } = bandsFor(similarity);
  const keys = new Uint32Array(n * bands);
  const sig = new Uint32Array(PERMUTATIONS);
  for (let i = 0; i < n; i++) bandKeys(signature(sets[i]!, sig), bands, rows, keys, i * bands);
  // per band: items sorted by key (key · 2^21 + index fits a double exactly), then runs of equal keys
  const order = new Float64Array(n);
  for (let band = 0; band < bands; band++) {
    for (let i = 0; i < n; i++) order[i] = keys[i * bands + band]! * 2_097_152 + i;
    order.sort();
    for (let start = 0; start < n; ) {
      const key = Math.floor(order[start]! / 2_097_152);
      let end = start + 1;
      while (end < n && Math.floor(order[end]! / 2_097_152) === key) end++;
      if (end - start > 1) joinBucket(order, start, end, uf, similar);
      start = end;
    }
  }
}

/**
 * Within one bucket, each text is verified against up to 8 members of every other cluster already in
 * the bucket (a text already in the same cluster costs one union-find lookup, not a comparison).
 */
function joinBucket(order: Float64Array, start: number, end: number, uf: UnionFind, similar: (i: number, j: number) => boolean): void {
  if (end - start === 2) {
    // most buckets hold a pair
    const a = order[start]! % 2_097_152;
    const b = order[start + 1]! % 2_097_152;
    if (uf.find(a) !== uf.find(b) && similar(a, b)) uf.union(a, b);
    return;
  }
  const groups: number[][] = [];
  const visited: number[] = [];
  for (let k = start; k < end; k++) {
    const i = order[k]! % 2_097_152;
    visited.length = 0;
    let own: number[] | null = null;
    for (const members of groups) {
      const root = uf.find(members[0]!);
      if (root === uf.find(i)) {
        own ??= members;
        continue;
      }
      if (visited.includes(root)) continue;
      visited.push(root);
      if (members.some((m) => similar(m, i))) {
        uf.union(members[0]!, i);
        own ??= members;
      }
    }
    if (own) {
      if (own.length < MEMBERS_PER_CLUSTER) own.push(i);
    } else if (groups.length < CLUSTERS_PER_BUCKET) groups.push([i]);
  }
}
