/**
 * A medoid split after single link (issue 34 item 2, eighth session; docs/canned-eval.md, "Medoid split after
 * single link"). Single link chains scripts through one pair ("a neighbour of a neighbour": Uber's `dm-email`
 * and `note-link`, joined at Jaccard 0.45); the pass keeps the product's default method and checks each of
 * its clusters of 3+ distinct texts against the cluster's medoid (the member with the highest summed
 * similarity to the others; above SAMPLE distinct texts, the medoid of the SAMPLE most-replied, so it stays
 * near-linear); members below a floor τ of Jaccard to the medoid are split off and clustered again among
 * themselves by the same rule (single link at the threshold, then the pass), at most ROUNDS times.
 */
import { clusterTexts } from '../../src/analysis/cluster.js';
import { exactJoin } from '../../src/analysis/exact-join.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { jaccardSorted, shingles } from '../../src/analysis/shingles.js';
import type { Method } from './measure.js';
import { productMethod } from './product.js';

/** Above this many distinct texts, the medoid is found among the most-replied SAMPLE (SAMPLE² Jaccards). */
export const SAMPLE = 48;
/** How many times the split-off members are clustered and checked again. */
export const ROUNDS = 3;

export interface SplitParams {
  /** The single-link threshold (the product's cannedSimilarity). */
  similarity: number;
  /** The floor of Jaccard to the medoid below which a member is split off. */
  floor: number;
  /** The medoid's summed similarity weighs each other member by its reply count. */
  weighted: boolean;
}

/**
 * The pass on one single-link component of distinct texts (indices into `sets`, `counts` replies each):
 * the groups it is split into, the medoid's first.
 */
export function splitComponent(
  sets: readonly Uint32Array[],
  counts: ArrayLike<number>,
  group: readonly number[],
  p: SplitParams,
  rounds = ROUNDS,
): number[][] {
  if (group.length < 3 || rounds === 0) return [[...group]];
  const centre = medoid(sets, counts, group, p.weighted);
  const keep: number[] = [];
  const rest: number[] = [];
  for (const d of group) (d === centre || jaccardSorted(sets[d]!, sets[centre]!) >= p.floor ? keep : rest).push(d);
  if (rest.length === 0) return [keep];
  const out = [keep];
  for (const c of singleLink(sets, rest, p.similarity)) out.push(...splitComponent(sets, counts, c, p, rounds - 1));
  return out;
}

/** The member with the highest (reply-weighted) summed Jaccard to the others, among the most-replied SAMPLE. */
function medoid(sets: readonly Uint32Array[], counts: ArrayLike<number>, group: readonly number[], weighted: boolean) {
  const pool =
    group.length <= SAMPLE ? group : [...group].sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, SAMPLE);
  let best = pool[0]!;
  let bestScore = -1;
  for (const i of pool) {
    let score = 0;
    for (const j of pool) if (j !== i) score += (weighted ? counts[j]! : 1) * jaccardSorted(sets[i]!, sets[j]!);
    // ties by index: the same medoid on every run
    if (score > bestScore || (score === bestScore && i < best)) [best, bestScore] = [i, score];
  }
  return best;
}

/** Connected components of `members` at `t`, by the product's exact join. */
function singleLink(sets: readonly Uint32Array[], members: readonly number[], t: number): number[][] {
  const root = members.map((_, k) => k);
  const find = (k: number): number => {
    while (root[k] !== k) k = root[k] = root[root[k]!]!;
    return k;
  };
  exactJoin(
    members.map((d) => sets[d]!),
    t,
    (a, b) => {
      const [ra, rb] = [find(a), find(b)];
      if (ra !== rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
    },
    (a, b) => find(a) === find(b),
  );
  const byRoot = new Map<number, number[]>();
  members.forEach((d, k) => {
    const r = find(k);
    byRoot.set(r, [...(byRoot.get(r) ?? []), d]);
  });
  return [...byRoot.values()];
}

/**
 * The product's clusterTexts (single link, exact), then the pass on each cluster: its replies collapsed to
 * distinct texts, split, and expanded again.
 */
export function splitClusters(normalised: readonly string[], p: SplitParams): number[][] {
  const out: number[][] = [];
  for (const cluster of clusterTexts(normalised, { similarity: p.similarity, method: 'exact', linkage: 'single' })) {
    const byText = new Map<string, number[]>();
    for (const i of cluster) byText.set(normalised[i]!, [...(byText.get(normalised[i]!) ?? []), i]);
    const texts = [...byText.keys()];
    const replies = [...byText.values()];
    const sets = texts.map(shingles);
    const counts = replies.map((r) => r.length);
    const all = texts.map((_, d) => d);
    for (const g of splitComponent(sets, counts, all, p)) out.push(g.flatMap((d) => replies[d]!));
  }
  return out.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

const describe = (p: SplitParams) =>
  `single link t = ${p.similarity}, medoid floor τ = ${p.floor}${p.weighted ? ', medoid weighted by replies' : ''}`;

export function medoidMethod(p: SplitParams, matrix: Method['matrix']): Method & { split: SplitParams } {
  const normalised = new Map<readonly string[], string[]>();
  return {
    split: p,
    name: 'word-pair Jaccard, single link + medoid split',
    params: describe(p),
    matrix,
    threshold: p.similarity,
    cluster: (_m, texts) => {
      const n = normalised.get(texts) ?? texts.map((t) => normaliseReply(t).text);
      normalised.set(texts, n);
      return splitClusters(n, p);
    },
  };
}

export const FLOORS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
/** Single link without the pass, at a threshold (the rows the pass is compared with). */
export const plain = (similarity: number, matrix: Method['matrix']): Method =>
  productMethod(similarity, {
    name: 'word-pair Jaccard, single link (clusterTexts)',
    linkage: 'single',
    method: 'exact',
    matrix,
  });

/**
 * The rows of the medoid mode: two families, each chosen on the tune half and measured once held out — the
 * pass at the default threshold (0.45), and the pass with the threshold lowered (0.35, 0.4); and single link
 * at 0.35 and 0.4 without the pass, tune half only, for comparison.
 */
export function medoidRows(
  tune: (candidates: readonly Method[]) => Method,
  matrix: Method['matrix'],
): { rows: Method[]; held: Method[] } {
  // the tune half has no chained cluster for the pass to undo (0 mixed at every threshold here), so floors
  // that tie there are told apart by nothing measured: the strictest is listed first and wins a tie (tune()
  // keeps the first best), the pass being there for purity — fixed before the held-out half was printed
  const grid = (ts: number[]) =>
    ts.flatMap((similarity) =>
      [...FLOORS]
        .reverse()
        .flatMap((floor) => [false, true].map((weighted) => medoidMethod({ similarity, floor, weighted }, matrix))),
    );
  const atDefault = tune(grid([0.45]));
  const lowered = tune(grid([0.35, 0.4]));
  return { rows: [plain(0.4, matrix), plain(0.35, matrix), atDefault, lowered], held: [atDefault, lowered] };
}

/**
 * Every unweighted variant, for CANNED_EVAL_SWEEP=1: a diagnosis of what floor the held-out chain would
 * need, printed apart from the table — not a choice (the held-out half chooses nothing).
 */
export const medoidSweep = (matrix: Method['matrix']): Method[] =>
  [0.45, 0.4, 0.35].flatMap((similarity) =>
    FLOORS.map((floor) => medoidMethod({ similarity, floor, weighted: false }, matrix)),
  );
