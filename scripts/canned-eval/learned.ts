/**
 * A learned pairwise rule (issue 34 item 1, ninth session; docs/canned-eval.md, "A learned pairwise rule").
 * Every earlier round tuned one similarity and one threshold; the hard cases need two at once — a short
 * fixed ask inside a personal opener (high containment, low Jaccard) is a script, a stock phrase shared
 * among sentences written separately (also high containment, but of words many brands write) is not. So a
 * pair is described by a few figures and a logistic regression, fitted on the tune half's labelled pairs
 * only, weighs them:
 *  - word-pair Jaccard (today's figure) and containment (shared pairs over the shorter reply's);
 *  - the same two with each pair weighted by how few brands write it (idf over the samples' brands);
 *  - the longest common subsequence of words and the longest common run, over the shorter reply (order);
 *  - the brand-weighted mass shared, the longest run in words, and the length ratio (absolute sizes).
 * The fitted probability is the pair's similarity; clusters are formed from it by single, complete, medoid or
 * average link, or single link with a medoid split, at a threshold chosen on the tune half.
 */
import { normaliseReply } from '../../src/analysis/normalise.js';
import { jaccardSorted, sharedCount, shingles } from '../../src/analysis/shingles.js';
import { clusterMatrix, type Linkage, splitLink } from './clustering.js';
import type { Corpus } from './data.js';
import type { Method } from './measure.js';
import { type Matrix, matrixOf } from './similarity.js';
import { sharedWeight } from './skeleton.js';

export const FEATURES = [
  'jaccard',
  'containment',
  'weighted jaccard',
  'weighted containment',
  'lcs / shorter',
  'run / shorter',
  'log shared weight',
  'log run',
  'length ratio',
] as const;
const F = FEATURES.length;

/** Each pair's figures for one brand: x[(i * n + j) * F + f], i < j. */
export interface Features {
  n: number;
  x: Float64Array;
}

export function brandFeatures(texts: readonly string[], df: ReadonlyMap<number, number>, brands: number): Features {
  const norm = texts.map((t) => normaliseReply(t).text);
  const sets = norm.map(shingles);
  const weight = (s: number) => Math.max(0, Math.log(brands / Math.max(1, df.get(s) ?? 1)) / Math.log(brands));
  const totals = sets.map((set) => set.reduce((sum, s) => sum + weight(s), 0));
  const ids = new Map<string, number>();
  const id = (w: string) => {
    if (!ids.has(w)) ids.set(w, ids.size);
    return ids.get(w)!;
  };
  const words = norm.map((t) => Int32Array.from(t ? t.split(' ') : [], id));
  const n = texts.length;
  const x = new Float64Array(n * n * F);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [sets[i]!, sets[j]!];
      const shared = sharedCount(a, b);
      const small = Math.max(1, Math.min(a.length, b.length));
      const sw = sharedWeight(a, b, weight);
      const union = totals[i]! + totals[j]! - sw;
      const [lcs, run] = lcsAndRun(words[i]!, words[j]!);
      const shorter = Math.max(1, Math.min(words[i]!.length, words[j]!.length));
      const longer = Math.max(1, words[i]!.length, words[j]!.length);
      const o = (i * n + j) * F;
      x[o] = jaccardSorted(a, b);
      x[o + 1] = shared / small;
      x[o + 2] = union > 0 ? sw / union : 0;
      x[o + 3] = Math.min(totals[i]!, totals[j]!) > 0 ? sw / Math.min(totals[i]!, totals[j]!) : 0;
      x[o + 4] = lcs / shorter;
      x[o + 5] = run / shorter;
      x[o + 6] = Math.log1p(sw);
      x[o + 7] = Math.log1p(run);
      x[o + 8] = shorter / longer;
    }
  return { n, x };
}

/** The longest common subsequence and the longest common run of two word sequences. */
function lcsAndRun(a: Int32Array, b: Int32Array): [number, number] {
  let prevL = new Int32Array(b.length + 1);
  let curL = new Int32Array(b.length + 1);
  let prevR = new Int32Array(b.length + 1);
  let curR = new Int32Array(b.length + 1);
  let run = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        curL[j] = prevL[j - 1]! + 1;
        curR[j] = prevR[j - 1]! + 1;
        if (curR[j]! > run) run = curR[j]!;
      } else {
        curL[j] = Math.max(prevL[j]!, curL[j - 1]!);
        curR[j] = 0;
      }
    }
    [prevL, curL] = [curL, prevL];
    [prevR, curR] = [curR, prevR];
  }
  return [prevL[b.length]!, run];
}

export interface Model {
  mean: Float64Array;
  scale: Float64Array;
  w: Float64Array;
  b: number;
  /** The features it uses (indices into FEATURES). */
  use: readonly number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** L2-regularised logistic regression by gradient descent on standardised features. */
export function fitModel(
  rows: readonly Float64Array[],
  labels: readonly boolean[],
  use: readonly number[],
  l2 = 0.01,
): Model {
  const k = use.length;
  const mean = new Float64Array(k);
  const scale = new Float64Array(k);
  for (let f = 0; f < k; f++) {
    const v = rows.map((r) => r[use[f]!]!);
    mean[f] = v.reduce((s, y) => s + y, 0) / v.length;
    scale[f] = Math.sqrt(v.reduce((s, y) => s + (y - mean[f]!) ** 2, 0) / v.length) || 1;
  }
  const z = rows.map((r) => Float64Array.from(use, (u, f) => (r[u]! - mean[f]!) / scale[f]!));
  const w = new Float64Array(k);
  let b = 0;
  const rate = 0.5;
  for (let it = 0; it < 3000; it++) {
    const g = new Float64Array(k);
    let gb = 0;
    z.forEach((r, m) => {
      const e = sigmoid(r.reduce((s, y, f) => s + y * w[f]!, b)) - (labels[m] ? 1 : 0);
      for (let f = 0; f < k; f++) g[f]! += e * r[f]!;
      gb += e;
    });
    for (let f = 0; f < k; f++) w[f]! -= rate * (g[f]! / z.length + l2 * w[f]!);
    b -= (rate * gb) / z.length;
  }
  return { mean, scale, w, b, use };
}

export const predict = (m: Model, row: ArrayLike<number>, at = 0) =>
  sigmoid(m.use.reduce((s, u, f) => s + ((row[at + u]! - m.mean[f]!) / m.scale[f]!) * m.w[f]!, m.b));

export const modelMatrix = (m: Model, { n, x }: Features): Matrix =>
  matrixOf(n, (i, j) => predict(m, x, (i * n + j) * F));

/** The tune half's labelled pairs as feature rows, from the brands' feature tables. */
export function trainingRows(
  corpus: Corpus,
  brands: readonly string[],
  featuresOf: (brand: string) => Features,
): { rows: Float64Array[]; labels: boolean[] } {
  const rows: Float64Array[] = [];
  const labels: boolean[] = [];
  const wanted = new Set(brands);
  for (const p of corpus.pairs) {
    if (!wanted.has(p.brand)) continue;
    const ids = corpus.replies.get(p.brand)!;
    const [i, j] = [ids.indexOf(p.a), ids.indexOf(p.b)].sort((u, v) => u - v) as [number, number];
    const { n, x } = featuresOf(p.brand);
    rows.push(x.slice((i * n + j) * F, (i * n + j + 1) * F));
    labels.push(p.same);
  }
  return { rows, labels };
}

export function learnedMethod(
  m: Model,
  featuresOf: (brand: string) => Features,
  linkage: Linkage,
  t: number,
  label: string,
  floor?: number,
): Method {
  const cache = new Map<string, Matrix>();
  return {
    name: `learned rule (${label}), ${linkage} link${floor === undefined ? '' : ' + medoid split'}`,
    params: `p ≥ ${t}${floor === undefined ? '' : `, medoid floor ${floor}`}; weights ${m.use.map((u, f) => `${FEATURES[u]} ${(m.w[f]! / m.scale[f]!).toFixed(2)}`).join(', ')}`,
    matrix: (brand) => {
      const hit = cache.get(brand);
      if (hit) return hit;
      const made = modelMatrix(m, featuresOf(brand));
      cache.set(brand, made);
      return made;
    },
    threshold: t,
    cluster: (mx) => (floor === undefined ? clusterMatrix(mx, t, linkage) : splitLink(mx, t, floor)),
  };
}
