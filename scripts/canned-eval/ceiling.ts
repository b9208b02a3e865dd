/**
 * Where the labelled same-template pairs lie by word-pair Jaccard, on each half, and where the product's
 * held-out misses are (docs/canned-eval.md, fifteenth session): how much of the recall goal any method built
 * on shared words can reach. Ids and counts only; the texts are read from ../shared as by the harness.
 *
 *   npx tsx scripts/canned-eval/ceiling.ts
 */
import { clusterTexts } from '../../src/analysis/cluster.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { DEFAULT_SETTINGS } from '../../src/config/defaults.js';
import { half, loadCorpus, twcsDir } from './data.js';
import { MIN_TEMPLATE } from './measure.js';
import { wordPairJaccard } from './similarity.js';

const BINS = [0, 0.1, 0.2, 0.275, 0.35, 0.45, 0.6, 1.01];
const binOf = (j: number) => BINS.findIndex((b, k) => j >= b && j < BINS[k + 1]!);

interface HalfCounts {
  /** per bin: [same, different, same found in one template by the product] */
  bins: number[][];
  /** missed same-template pairs: both replies in templates of MIN_TEMPLATE+, one, neither */
  missed: [number, number, number];
  /** per brand: [same, found] */
  brands: Map<string, [number, number]>;
}

const dir = twcsDir();
if (!dir) {
  console.error('the twcs samples are not there (../shared/real-samples/twcs, or TWCS_DIR): nothing to measure');
  process.exit(2);
}
const corpus = loadCorpus(dir);
const halves = new Map<string, HalfCounts>();
for (const [brand, ids] of corpus.replies) {
  const pairs = corpus.pairs.filter((p) => p.brand === brand);
  if (pairs.length === 0) continue;
  const texts = ids.map((id) => corpus.texts.get(id)!);
  const clusters = clusterTexts(
    texts.map((t) => normaliseReply(t).text),
    { similarity: DEFAULT_SETTINGS.cannedSimilarity },
  );
  const clusterOf = new Map<string, number[]>();
  for (const c of clusters) for (const i of c) clusterOf.set(ids[i]!, c);
  const m = wordPairJaccard(texts);
  const index = new Map(ids.map((id, i) => [id, i]));
  const h = halves.get(half(brand)) ?? {
    bins: BINS.slice(1).map(() => [0, 0, 0]),
    missed: [0, 0, 0],
    brands: new Map(),
  };
  halves.set(half(brand), h);
  for (const p of pairs) {
    const bin = h.bins[binOf(m.sim[index.get(p.a)! * m.n + index.get(p.b)!]!)]!;
    if (!p.same) {
      bin[1]!++;
      continue;
    }
    const together = clusterOf.get(p.a) === clusterOf.get(p.b);
    bin[0]!++;
    const b = h.brands.get(brand) ?? [0, 0];
    h.brands.set(brand, b);
    b[0]++;
    if (together) {
      bin[2]!++;
      b[1]++;
      continue;
    }
    const inTemplates = [p.a, p.b].filter((id) => clusterOf.get(id)!.length >= MIN_TEMPLATE).length;
    h.missed[2 - inTemplates]!++;
  }
}
const [tune, held] = [halves.get('tune')!, halves.get('held')!];
console.log('| word-pair Jaccard | tune: same / different (same found) | held out: same / different (same found) |');
console.log('|---|--:|--:|');
BINS.slice(1).forEach((to, k) => {
  const cell = (h: HalfCounts) => `${h.bins[k]![0]} / ${h.bins[k]![1]} (${h.bins[k]![2]})`;
  console.log(`| ${BINS[k]}–${Math.min(to, 1)} | ${cell(tune)} | ${cell(held)} |`);
});
for (const [name, h] of [
  ['tune', tune],
  ['held out', held],
] as const) {
  const missedBy = [...h.brands].filter(([, [s, f]]) => s > f).sort((x, y) => y[1][0] - y[1][1] - (x[1][0] - x[1][1]));
  console.log(
    `\n${name}: missed same-template pairs ${h.missed.reduce((a, b) => a + b, 0)} — both replies in templates ` +
      `${h.missed[0]}, one ${h.missed[1]}, neither ${h.missed[2]}; by brand: ` +
      missedBy.map(([b, [s, f]]) => `${b} ${s - f}`).join(', '),
  );
}
