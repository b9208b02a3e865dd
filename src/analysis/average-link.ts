/**
 * Average-link (UPGMA) agglomerative clustering over a sparse weighted graph: the graph-based average
 * linkage of Bateni et al. (ParHAC, 2021) and Dhulipala et al. (TeraHAC, 2024). Node i stands for
 * `weight[i]` replies; an edge carries the similarity mass between its ends (the sum of every pair's
 * similarity, reply by reply); a missing edge is mass 0. Two clusters' linkage is their mass over the
 * product of their weights — the mean similarity of their replies' pairs — and the two with the highest
 * linkage merge while it is at least `threshold`. A merged cluster's mass to a third is the sum of its
 * parts' (Lance–Williams), so the result is exactly UPGMA on the graph. Unlike single link (one pair
 * suffices, so clusters chain), every merge needs the groups to be close on average.
 *
 * Ties are broken by the smaller node ids, so the result depends only on the graph, not on the order its
 * edges are given in.
 */

export interface WeightedEdges {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  /** Similarity mass between a[k] and b[k]; each unordered pair at most once. */
  mass: ArrayLike<number>;
}

/** A binary max-heap of (linkage, a, b), ties by the smaller a then b. */
class PairHeap {
  private score: number[] = [];
  private left: number[] = [];
  private right: number[] = [];

  get size(): number {
    return this.score.length;
  }

  private above(i: number, j: number): boolean {
    const { score, left, right } = this;
    return (
      score[i]! > score[j]! ||
      (score[i] === score[j] && (left[i]! < left[j]! || (left[i] === left[j] && right[i]! < right[j]!)))
    );
  }

  private swap(i: number, j: number): void {
    for (const xs of [this.score, this.left, this.right]) [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }

  push(score: number, a: number, b: number): void {
    this.score.push(score);
    this.left.push(Math.min(a, b));
    this.right.push(Math.max(a, b));
    for (let i = this.score.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!this.above(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  /** Removes the top entry and returns it. */
  pop(): [number, number, number] {
    const top: [number, number, number] = [this.score[0]!, this.left[0]!, this.right[0]!];
    const last = this.score.length - 1;
    this.swap(0, last);
    this.score.pop();
    this.left.pop();
    this.right.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.above(l, best)) best = l;
      if (r < last && this.above(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
    return top;
  }
}

/**
 * The clusters, as the lowest node id of each node's cluster (`root[i]`), after merging while the best
 * linkage is at least `threshold`.
 */
export function averageLink(weight: ArrayLike<number>, edges: WeightedEdges, threshold: number): Uint32Array {
  const n = weight.length;
  const size = Float64Array.from(weight);
  // a node's links, made for the nodes that have any (most replies at scale have none)
  const links: Array<Map<number, number> | undefined> = new Array(n);
  const linksOf = (i: number) => {
    let m = links[i];
    if (!m) {
      m = new Map();
      links[i] = m;
    }
    return m;
  };
  const heap = new PairHeap();
  const linkage = (a: number, b: number, mass: number) => mass / (size[a]! * size[b]!);
  for (let k = 0; k < edges.a.length; k++) {
    const [a, b, mass] = [edges.a[k]!, edges.b[k]!, edges.mass[k]!];
    if (a === b || mass <= 0) continue;
    linksOf(a).set(b, (linksOf(a).get(b) ?? 0) + mass);
    linksOf(b).set(a, (linksOf(b).get(a) ?? 0) + mass);
  }
  links.forEach((m, a) => {
    for (const [b, mass] of m!) if (a < b && linkage(a, b, mass) >= threshold) heap.push(linkage(a, b, mass), a, b);
  });

  // a cluster is named by its lowest node id; `into[i]` is where node i's cluster went
  const into = new Int32Array(n).fill(-1);
  while (heap.size > 0) {
    const [score, a, b] = heap.pop();
    if (into[a] !== -1 || into[b] !== -1) continue;
    const mass = links[a]!.get(b);
    // stale: the pair's linkage changed since it was pushed (a merge nearby); its current one is queued
    if (mass === undefined || linkage(a, b, mass) !== score) continue;
    // a < b: a keeps the name; the smaller map is folded into the larger one and kept
    const [big, small] = links[a]!.size >= links[b]!.size ? [links[a]!, links[b]!] : [links[b]!, links[a]!];
    big.delete(a);
    big.delete(b);
    small.delete(a);
    small.delete(b);
    for (const [c, m] of small) big.set(c, (big.get(c) ?? 0) + m);
    links[a] = big;
    links[b] = undefined;
    into[b] = a;
    size[a]! += size[b]!;
    for (const [c, m] of big) {
      links[c]!.delete(b);
      links[c]!.set(a, m);
      const l = linkage(a, c, m);
      if (l >= threshold) heap.push(l, a, c);
    }
  }
  // a merged node points to a lower id, whose root is already known
  const root = new Uint32Array(n);
  for (let i = 0; i < n; i++) root[i] = into[i] === -1 ? i : root[into[i]!]!;
  return root;
}
