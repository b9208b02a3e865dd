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
 * The mass between node pairs: open addressing over typed arrays (a pair is a < b), where a Map per node
 * took 234 MB for the 2 million links at 10⁶ replies. Pairs are only removed (a tombstone) or added in
 * place of a removed one's, so a table of four slots per initial link never fills past half.
 */
class PairMasses {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly mass: Float64Array;
  private readonly mask: number;

  constructor(links: number) {
    let capacity = 16;
    while (capacity < 4 * links) capacity *= 2;
    this.left = new Int32Array(capacity).fill(EMPTY);
    this.right = new Int32Array(capacity);
    this.mass = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** The slot holding the pair, or −1. */
  private slotOf(a: number, b: number): number {
    const [x, y] = a < b ? [a, b] : [b, a];
    for (let s = this.hash(x, y); ; s = (s + 1) & this.mask) {
      if (this.left[s] === EMPTY) return -1;
      if (this.left[s] === x && this.right[s] === y) return s;
    }
  }

  private hash(x: number, y: number): number {
    return (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) & this.mask;
  }

  get(a: number, b: number): number | undefined {
    const s = this.slotOf(a, b);
    return s === -1 ? undefined : this.mass[s];
  }

  /** Adds `mass` to the pair's (0 when absent); true when the pair is new. */
  add(a: number, b: number, mass: number): boolean {
    const s = this.slotOf(a, b);
    if (s !== -1) {
      this.mass[s]! += mass;
      return false;
    }
    const [x, y] = a < b ? [a, b] : [b, a];
    let free = this.hash(x, y);
    while (this.left[free] !== EMPTY && this.left[free] !== GONE) free = (free + 1) & this.mask;
    this.left[free] = x;
    this.right[free] = y;
    this.mass[free] = mass;
    return true;
  }

  /** Removes the pair and returns its mass (undefined when absent). */
  take(a: number, b: number): number | undefined {
    const s = this.slotOf(a, b);
    if (s === -1) return undefined;
    this.left[s] = GONE;
    this.right[s] = -1;
    return this.mass[s];
  }
}
const EMPTY = -1;
const GONE = -2;

/**
 * Each node's neighbours as linked cells in typed arrays. A list may hold stale cells (a neighbour merged
 * away, or listed twice), which readers skip; a merged node's list is rewritten without them.
 */
class Neighbours {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private next: Int32Array;
  private node: Int32Array;
  private used = 0;

  constructor(n: number, cells: number) {
    this.head = new Int32Array(n).fill(-1);
    this.tail = new Int32Array(n).fill(-1);
    this.next = new Int32Array(Math.max(cells, 16));
    this.node = new Int32Array(Math.max(cells, 16));
  }

  push(of: number, neighbour: number): void {
    if (this.used === this.next.length) {
      const [next, node] = [new Int32Array(this.used * 2), new Int32Array(this.used * 2)];
      next.set(this.next);
      node.set(this.node);
      [this.next, this.node] = [next, node];
    }
    const cell = this.used++;
    this.node[cell] = neighbour;
    this.next[cell] = -1;
    if (this.head[of] === -1) this.head[of] = cell;
    else this.next[this.tail[of]!] = cell;
    this.tail[of] = cell;
  }

  /** Calls `visit` for each listed neighbour, keeping in the list only those it returns true for. */
  filter(of: number, visit: (neighbour: number) => boolean): void {
    let last = -1;
    for (let cell = this.head[of]!; cell !== -1; cell = this.next[cell]!) {
      if (!visit(this.node[cell]!)) continue;
      if (last === -1) this.head[of] = cell;
      else this.next[last] = cell;
      last = cell;
    }
    if (last === -1) this.head[of] = -1;
    else this.next[last] = -1;
    this.tail[of] = last;
  }
}

/**
 * The clusters, as the lowest node id of each node's cluster (`root[i]`), after merging while the best
 * linkage is at least `threshold`.
 */
export function averageLink(weight: ArrayLike<number>, edges: WeightedEdges, threshold: number): Uint32Array {
  const n = weight.length;
  const size = Float64Array.from(weight);
  const masses = new PairMasses(edges.a.length);
  const neighbours = new Neighbours(n, 2 * edges.a.length);
  const heap = new PairHeap();
  const linkage = (a: number, b: number, mass: number) => mass / (size[a]! * size[b]!);
  for (let k = 0; k < edges.a.length; k++) {
    const [a, b, mass] = [edges.a[k]!, edges.b[k]!, edges.mass[k]!];
    if (a === b || mass <= 0) continue;
    if (masses.add(a, b, mass)) {
      neighbours.push(a, b);
      neighbours.push(b, a);
    }
  }
  for (let a = 0; a < n; a++)
    neighbours.filter(a, (b) => {
      const mass = masses.get(a, b)!;
      if (a < b && linkage(a, b, mass) >= threshold) heap.push(linkage(a, b, mass), a, b);
      return true;
    });

  // a cluster is named by its lowest node id; `into[i]` is where node i's cluster went
  const into = new Int32Array(n).fill(-1);
  // the merge a neighbour was last listed in (a neighbour listed twice is visited once)
  const seen = new Int32Array(n).fill(-1);
  let merges = 0;
  while (heap.size > 0) {
    const [score, a, b] = heap.pop();
    if (into[a] !== -1 || into[b] !== -1) continue;
    const mass = masses.get(a, b);
    // stale: the pair's linkage changed since it was pushed (a merge nearby); its current one is queued
    if (mass === undefined || linkage(a, b, mass) !== score) continue;
    // a < b: a keeps the name and takes b's links (a pair's masses add: Lance–Williams)
    masses.take(a, b);
    neighbours.filter(b, (c) => {
      const moved = c === a || into[c] !== -1 ? undefined : masses.take(b, c);
      if (moved !== undefined && masses.add(a, c, moved)) {
        neighbours.push(a, c);
        neighbours.push(c, a);
      }
      return false;
    });
    into[b] = a;
    size[a]! += size[b]!;
    const merge = merges++;
    neighbours.filter(a, (c) => {
      if (into[c] !== -1 || seen[c] === merge) return false;
      const m = masses.get(a, c);
      if (m === undefined) return false;
      seen[c] = merge;
      const l = linkage(a, c, m);
      if (l >= threshold) heap.push(l, a, c);
      return true;
    });
  }
  // a merged node points to a lower id, whose root is already known
  const root = new Uint32Array(n);
  for (let i = 0; i < n; i++) root[i] = into[i] === -1 ? i : root[into[i]!]!;
  return root;
}
