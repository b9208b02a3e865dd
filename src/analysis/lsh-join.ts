/**
 * The join step of MinHash-LSH (cluster.ts): texts that share a band's key are candidates, and every
 * candidate is verified by exact Jaccard on the packed shingle sets before it is merged. Per band, the
 * texts are ordered by that band's key (a radix sort) and each run of equal keys — a bucket — is joined.
 */
import { fanOut, inShared, PARALLEL_FROM, threadsUsable } from './fan-out.js';
import { type Banding, bandColumn } from './minhash.js';
import { type BandKeys, bandShare, forEachBucket } from './radix.js';
import { jaccardAtLeast } from './shingles.js';
import { indexPrefixLength, prefixLength, rankTokens } from './token-rank.js';
import { UnionFind } from './union-find.js';

/**
 * Per LSH bucket: members kept per cluster for comparison, and clusters kept. A text is verified only against
 * the members kept, so a cluster chained by single link — each text near one or two others, not near the
 * first few — loses the texts whose one neighbour was not kept: with 8 kept, the bench corpus's free-text
 * cluster (17,040 texts at 3 × 10⁵ replies, chained at 0.5 through a shared opener's bucket) came out in 126
 * pieces, pair recall against the exact path 0.9900; with 32, in 46 and 0.9965 (64: 0.9975), at the same
 * speed at 10⁶ (docs/canned-eval.md, fourteenth session).
 */
const MEMBERS_PER_CLUSTER = 32;
const CLUSTERS_PER_BUCKET = 256;
/**
 * Buckets of at least this many texts are joined through an inverted index of their members' rarest
 * shingles (BucketIndex) instead of a scan of every cluster in the bucket: at 10⁶ replies a bucket can
 * hold a thousand unrelated texts that share a common opener, and the scan cost a comparison per text and
 * cluster (30 s of CPU at 10⁶).
 */
const INDEXED_FROM = 64;

/** The union-find the join merges into. */
export interface Merger {
  find(i: number): number;
  union(a: number, b: number): void;
}

/** Shingle sets packed end to end: text i is flat[starts[i]..starts[i+1]), sorted and distinct. */
export interface PackedSets {
  flat: Uint32Array;
  starts: Uint32Array;
}

/**
 * Exact Jaccard similarity of packed texts i and j when it is at least `floor`, else 0: the same value as
 * jaccardAt where it counts, but the walk stops as soon as the shingles left cannot reach the floor (most
 * LSH candidates at a low floor are far below it).
 */
export const jaccardFrom = ({ flat, starts }: PackedSets, i: number, j: number, floor: number): number =>
  jaccardAtLeast(flat, starts[i]!, starts[i + 1]!, flat, starts[j]!, starts[j + 1]!, floor);

/** The sets in shared memory, for worker threads to read without a copy (fan-out.ts's inShared). */
export const sharedSets = ({ flat, starts }: PackedSets): PackedSets => ({
  flat: inShared(flat),
  starts: inShared(starts),
});

/** Exact Jaccard similarity of packed texts i and j (a merge walk of their sorted shingles). */
export const jaccardAt = (sets: PackedSets, i: number, j: number): number => jaccardFrom(sets, i, j, 0);

/**
 * Joins every bucket of every band into `uf`, each band's keys computed from the shingle sets when it is
 * joined (minhash.ts's bandColumn). Within a bucket, each text is verified against up to 32
 * members of every other cluster already in the bucket (a text already in the same cluster costs one
 * union-find lookup, not a comparison). From PARALLEL_FROM texts on, the bands are joined in
 * JOIN_GROUPS fixed groups, each into a union-find of its own, on threads of their own where there are
 * (lsh-join-worker.ts), and the groups' components are merged: the result depends on the input, never on
 * the machine's cores.
 */
export function lshJoin({ bands, rows }: Banding, sets: PackedSets, similarity: number, uf: Merger): void {
  const n = sets.starts.length - 1;
  if (n < PARALLEL_FROM) {
    joinBuckets(bandColumn(sets, rows), { n, from: 0, to: bands, sets, similarity }, uf);
    return;
  }
  const threads = threadsUsable(n, WORKER);
  const shared = threads > 1 ? sharedSets(sets) : sets;
  // one ranking of the shingles for every group's large buckets (BucketIndex), not one each
  const size = sets.flat.length;
  const ranking = rankTokens(
    shared.flat,
    shared.starts,
    threads > 1 ? new Uint32Array(new SharedArrayBuffer(size * 4)) : new Uint32Array(size),
  );
  const shares = Array.from({ length: JOIN_GROUPS }, (_, g) => ({
    data: { sets: shared, rows, ...bandShare(g, JOIN_GROUPS, bands), similarity, ranking },
    size: n,
  }));
  const here = (g: number) => joinGroup(shares[g]!.data);
  const roots = threads > 1 ? fanOut(WORKER, shares, here) : shares.map((_, g) => here(g));
  for (const root of roots) for (let i = 0; i < n; i++) if (root[i] !== i) uf.union(i, root[i]!);
}

/** Band groups joined apart (see lshJoin): two, for two cores; with more, a group has fewer bands to find a pair in. */
const JOIN_GROUPS = 2;
/** Built next to this module (dist/analysis/); absent when running the TypeScript sources directly. */
const WORKER = new URL('./lsh-join-worker.js', import.meta.url);

/** A group of bands to join: bands from..to of `rows` rows each. */
export interface JoinShare {
  sets: PackedSets;
  rows: number;
  from: number;
  to: number;
  similarity: number;
  /** The shingles ranked by rarity (token-rank.ts), when computed once for several groups. */
  ranking?: Ranking;
}

type Ranking = ReturnType<typeof rankTokens>;

/** A group's components: each text's root in a union-find of the group's own. */
export function joinGroup({ sets, rows, ...share }: JoinShare): Uint32Array {
  const n = sets.starts.length - 1;
  const own = new UnionFind(n);
  joinBuckets(bandColumn(sets, rows), { ...share, n, sets }, own);
  return own.roots();
}

/** Joins the buckets of bands from..to of `n` texts, each band's keys given by `column`, into `uf`. */
export function joinBuckets(
  column: BandKeys,
  { n, from, to, sets, similarity, ranking }: Omit<JoinShare, 'rows'> & { n: number },
  uf: Merger,
): void {
  const bucket = new BucketJoin(sets, similarity, uf, n, ranking);
  forEachBucket(n, column, (order, start, end) => bucket.join(order, start, end), from, to);
}

/**
 * Whether a bucket's texts are all in one cluster already, so joining it can merge nothing: after the
 * first bands, most large buckets are one template's copies (at 10⁶ replies the join spent most of its
 * time probing them).
 */
function oneCluster(uf: Merger, order: Uint32Array, start: number, end: number): boolean {
  const root = uf.find(order[start]!);
  for (let k = start + 1; k < end; k++) if (uf.find(order[k]!) !== root) return false;
  return true;
}

/** A cluster's members kept in one bucket, with each member's Jaccard similarity to the first. */
interface Group {
  members: number[];
  nearFirst: number[];
}

class BucketJoin {
  /** Per cluster root: the stamp of the last text checked against it (no second check in one bucket). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** Jaccard distance 1 − J is a metric: how far the first member may be for another to still match. */
  private readonly reach: number;

  constructor(
    private readonly sets: PackedSets,
    private readonly similarity: number,
    private readonly uf: Merger,
    n: number,
    private readonly ranking?: Ranking,
  ) {
    this.seen = new Uint32Array(n);
    this.reach = 1 - similarity + 1e-9;
  }

  /** Upper bound on J(i, j) from the set sizes alone (J ≤ min/max), or the exact J when that bound passes. */
  private bound(i: number, j: number): number {
    const { starts } = this.sets;
    const a = starts[i + 1]! - starts[i]!;
    const b = starts[j + 1]! - starts[j]!;
    // the size filter exactly as the former check wrote it (so the result is the same to the last pair)
    if (Math.min(a, b) >= this.similarity * Math.max(a, b)) return jaccardAt(this.sets, i, j);
    return a === 0 && b === 0 ? 1 : Math.min(a, b) / Math.max(a, b);
  }

  private index: BucketIndex | null = null;

  join(order: Uint32Array, start: number, end: number): void {
    const { uf, similarity } = this;
    if (oneCluster(uf, order, start, end)) return;
    if (end - start >= INDEXED_FROM) {
      this.index ??= new BucketIndex(this.sets, similarity, uf, this.seen.length, this.ranking);
      this.index.join(order, start, end);
      return;
    }
    if (end - start === 2) {
      // most buckets hold a pair
      const a = order[start]!;
      const b = order[start + 1]!;
      if (uf.find(a) !== uf.find(b) && this.bound(a, b) >= similarity) uf.union(a, b);
      return;
    }
    const groups: Group[] = [];
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      const mark = ++this.stamp;
      let rootOfI = uf.find(i);
      let own: Group | null = null;
      for (const group of groups) {
        const { members } = group;
        const root = uf.find(members[0]!);
        if (root === rootOfI) {
          own ??= group;
          continue;
        }
        if (this.seen[root] === mark) continue;
        this.seen[root] = mark;
        if (this.matches(i, group)) {
          uf.union(members[0]!, i);
          rootOfI = uf.find(i);
          own ??= group;
        }
      }
      if (own) {
        if (own.members.length < MEMBERS_PER_CLUSTER) {
          own.members.push(i);
          own.nearFirst.push(jaccardAt(this.sets, own.members[0]!, i));
        }
      } else if (groups.length < CLUSTERS_PER_BUCKET) groups.push({ members: [i], nearFirst: [1] });
    }
  }

  /**
   * Whether text i is at least `similarity` alike to a member of the group. A member m is skipped when
   * the triangle inequality of Jaccard distance already rules it out: d(i, m) ≥ d(i, first) − d(first, m),
   * so J(i, m) < similarity whenever J(first, m) − J(i, first) > 1 − similarity — the same answer as
   * checking every member, at a fraction of the cost when i is far from a cluster of near-copies.
   */
  private matches(i: number, { members, nearFirst }: Group): boolean {
    const first = this.bound(i, members[0]!);
    if (first >= this.similarity) return true;
    for (let k = 1; k < members.length; k++) {
      if (nearFirst[k]! - first > this.reach) continue;
      if (this.bound(i, members[k]!) >= this.similarity) return true;
    }
    return false;
  }
}

/**
 * A large bucket joined exactly through a prefix filter: texts taken smallest first, each probes with its
 * rarest shingles (token-rank.ts) an inverted index of the texts kept so far — up to 32 per cluster, as in a
 * small bucket, but no cap on clusters — and is verified only against those sharing one; a pair with
 * Jaccard ≥ t always shares one, so nothing a scan of those texts would find is missed. A kept text is
 * indexed by the shorter prefix that suffices against larger texts (indexPrefixLength): at 10⁶ replies a
 * third fewer index entries read and half the verifications, the join 23 → 17 s on one thread, the same
 * components.
 */
class BucketIndex {
  private readonly ranked: Uint32Array;
  /** Per token: the newest index entry in the current bucket (valid when headBucket matches). */
  private readonly head: Int32Array;
  private readonly headBucket: Uint32Array;
  private next = new Int32Array(1 << 12);
  private member = new Uint32Array(1 << 12);
  private used = 0;
  private bucket = 0;
  /** Per text: the probe it was last checked in; per cluster root: texts kept in the current bucket. */
  private readonly checked: Uint32Array;
  private probe = 0;
  private readonly kept: Uint8Array;
  private readonly keptBucket: Uint32Array;

  constructor(
    private readonly sets: PackedSets,
    private readonly similarity: number,
    private readonly uf: Merger,
    n: number,
    ranking?: Ranking,
  ) {
    const { ranked, tokens } = ranking ?? rankTokens(sets.flat, sets.starts);
    this.ranked = ranked;
    this.head = new Int32Array(tokens);
    this.headBucket = new Uint32Array(tokens);
    this.checked = new Uint32Array(n);
    this.kept = new Uint8Array(n);
    this.keptBucket = new Uint32Array(n);
  }

  join(order: Uint32Array, start: number, end: number): void {
    const { uf, similarity: t, ranked, head, headBucket, checked, sets } = this;
    const { starts } = sets;
    const bucket = ++this.bucket;
    this.used = 0;
    // smallest first (ties by position): an entry met in a list is then never larger than the probing
    // text, and a list, newest first, can stop at the first entry too small to reach t
    const bySize = new Float64Array(end - start);
    for (let k = start; k < end; k++)
      bySize[k - start] = (starts[order[k]! + 1]! - starts[order[k]!]!) * 2 ** 32 + order[k]!;
    bySize.sort();
    for (const key of bySize) {
      const i = key % 2 ** 32;
      const probe = ++this.probe;
      let root = uf.find(i);
      const from = starts[i]!;
      const size = starts[i + 1]! - from;
      const prefix = prefixLength(size, t);
      for (let p = 0; p < prefix; p++) {
        const token = ranked[from + p]!;
        if (headBucket[token] !== bucket) continue;
        for (let e = head[token]!; e >= 0; e = this.next[e]!) {
          const r = this.member[e]!;
          const other = starts[r + 1]! - starts[r]!;
          if (other < t * size - 1e-9) break;
          if (checked[r] === probe) continue;
          checked[r] = probe;
          if (uf.find(r) === root) continue;
          if (jaccardFrom(sets, r, i, t) >= t) {
            uf.union(r, i);
            root = uf.find(i);
          }
        }
      }
      const count = this.keptBucket[root] === bucket ? this.kept[root]! : 0;
      if (count >= MEMBERS_PER_CLUSTER) continue;
      this.keptBucket[root] = bucket;
      this.kept[root] = count + 1;
      const indexed = indexPrefixLength(size, t);
      for (let p = 0; p < indexed; p++) this.add(ranked[from + p]!, i, bucket);
    }
  }

  private add(token: number, text: number, bucket: number): void {
    if (this.used === this.next.length) {
      const next = new Int32Array(this.used * 2);
      next.set(this.next);
      this.next = next;
      const member = new Uint32Array(this.used * 2);
      member.set(this.member);
      this.member = member;
    }
    const e = this.used++;
    this.member[e] = text;
    this.next[e] = this.headBucket[token] === bucket ? this.head[token]! : -1;
    this.headBucket[token] = bucket;
    this.head[token] = e;
  }
}

/** Lists end to end: list i is flat[starts[i]..starts[i+1]) (shingle sets as PackedSets, id lists as Groups). */
export function packLists(lists: readonly ArrayLike<number>[]): { flat: Uint32Array; starts: Uint32Array } {
  const starts = new Uint32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) starts[i + 1] = starts[i]! + lists[i]!.length;
  const flat = new Uint32Array(starts[lists.length]!);
  lists.forEach((list, i) => {
    flat.set(list, starts[i]!);
  });
  return { flat, starts };
}
