/**
 * The figures of issue 34 item 3 for one method on one half of the brands: pair precision and recall
 * (by the pairwise rule, and as "same cluster when the whole brand is clustered"; over all pairs and the
 * hard band 0.1–0.45 of today's word-pair Jaccard), and for each whole-brand label the canned ratio
 * (replies in a cluster of 3+) against the reading, and the clusters that hold two labelled scripts.
 */
import type { Corpus, LabelledPair } from './data.js';
import type { Matrix } from './similarity.js';

/** A way to find templates: a brand's similarity matrix, the pairwise threshold and a clustering. */
export interface Method {
  name: string;
  params: string;
  matrix: (brand: string, texts: readonly string[]) => Matrix;
  threshold: number;
  cluster: (m: Matrix, texts: readonly string[]) => number[][];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface BrandFigure {
  brand: string;
  reading: number;
  ratio: number;
  impure: number;
}
export interface Figures {
  rule: Counts;
  cluster: Counts;
  bandRule: Counts;
  bandCluster: Counts;
  brands: BrandFigure[];
}

export const MIN_TEMPLATE = 3;
export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn);

/** Counts one pair: said alike or not, the same template by the labels or not. */
export const add = (c: Counts, alike: boolean, same: boolean) => {
  if (alike && same) c.tp++;
  else if (alike) c.fp++;
  else if (same) c.fn++;
};

export function measure(
  method: Method,
  corpus: Corpus,
  brands: readonly string[],
  inBand: (p: LabelledPair) => boolean,
): Figures {
  const out: Figures = {
    rule: { tp: 0, fp: 0, fn: 0 },
    cluster: { tp: 0, fp: 0, fn: 0 },
    bandRule: { tp: 0, fp: 0, fn: 0 },
    bandCluster: { tp: 0, fp: 0, fn: 0 },
    brands: [],
  };
  const wanted = new Set(brands);
  const pairsOf = new Map<string, LabelledPair[]>();
  for (const p of corpus.pairs) if (wanted.has(p.brand)) pairsOf.set(p.brand, [...(pairsOf.get(p.brand) ?? []), p]);
  for (const brand of brands) {
    const ids = corpus.replies.get(brand)!;
    const texts = ids.map((id) => corpus.texts.get(id)!);
    const m = method.matrix(brand, texts);
    const clusters = method.cluster(m, texts);
    const clusterOf = new Map<string, number>();
    clusters.forEach((c, k) => {
      for (const i of c) clusterOf.set(ids[i]!, k);
    });
    const index = new Map(ids.map((id, i) => [id, i]));
    for (const p of pairsOf.get(brand) ?? []) {
      const alike = m.sim[index.get(p.a)! * m.n + index.get(p.b)!]! >= method.threshold;
      const together = clusterOf.get(p.a) === clusterOf.get(p.b);
      add(out.rule, alike, p.same);
      add(out.cluster, together, p.same);
      if (inBand(p)) {
        add(out.bandRule, alike, p.same);
        add(out.bandCluster, together, p.same);
      }
    }
    const scripts = corpus.scripts.get(brand);
    if (scripts) out.brands.push(brandFigure(brand, scripts, clusters, ids));
  }
  return out;
}

function brandFigure(
  brand: string,
  scripts: ReadonlyMap<string, string>,
  clusters: readonly number[][],
  ids: readonly string[],
): BrandFigure {
  const size = new Map<string, number>();
  for (const s of scripts.values()) if (s !== '-') size.set(s, (size.get(s) ?? 0) + 1);
  const read = [...scripts.values()].filter((s) => s !== '-' && size.get(s)! >= MIN_TEMPLATE).length;
  let canned = 0;
  let impure = 0;
  for (const c of clusters) {
    const labelled = c.filter((i) => scripts.has(ids[i]!));
    if (c.length >= MIN_TEMPLATE) canned += labelled.length;
    const kinds = new Set(labelled.map((i) => scripts.get(ids[i]!)!).filter((s) => s !== '-'));
    if (kinds.size >= 2) impure++;
  }
  return { brand, reading: read / scripts.size, ratio: canned / scripts.size, impure };
}

/** What tuning maximises: cluster-pair F1, less the mean ratio error, less 0.05 for each mixed cluster. */
export function objective(f: Figures): number {
  const errors = f.brands.map((b) => Math.abs(b.ratio - b.reading));
  const meanError = errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0;
  return f1(f.cluster) - meanError - 0.05 * f.brands.reduce((sum, b) => sum + b.impure, 0);
}
