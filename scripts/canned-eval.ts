/**
 * Measures ways of finding canned replies on the labels of issue 34 (docs/canned-eval.md): today's method
 * at its default, and alternatives whose parameters are chosen on the tune half of the brands only, then
 * reported on both halves. Reads the twcs samples in place from ../shared.
 *
 *   npx tsx scripts/canned-eval.ts
 */
import { clusterMatrix, type Linkage } from './canned-eval/clustering.js';
import { half, halvesOf, hardBand, loadCorpus, twcsDir } from './canned-eval/data.js';
import { type Figures, measure, type Method, objective, precision, recall } from './canned-eval/measure.js';
import {
  type ContainmentParams,
  clauseBrandCounts,
  clauseContainment,
  type Matrix,
  wordPairJaccard,
} from './canned-eval/similarity.js';
import {
  pairBrandCounts,
  type SkeletonParams,
  skeletonClusters,
  type Weighted,
  weighted,
  weightedJaccard,
} from './canned-eval/skeleton.js';
import { type HouseParams, houseClusters } from './canned-eval/house.js';
import {
  coreMatrix,
  gapMatrix,
  orderedPairs,
  type PositionParams,
  positionClusters,
  unitsOf,
} from './canned-eval/position.js';
import { lexicalRows } from './canned-eval/lexical.js';
import { productMethod } from './canned-eval/product.js';
import { medoidRows, medoidSweep } from './canned-eval/medoid.js';
import { learnedRows } from './canned-eval/learned-rows.js';
import { SLOT_GRID, slotMethods } from './canned-eval/slots.js';
import { attachGrid, attachMethod } from './canned-eval/attach.js';

const dir = twcsDir();
if (!dir) {
  console.error(
    'canned-eval: the twcs samples are absent (looked for ../shared/real-samples/twcs next to this checkout and ' +
      'next to the main one; set TWCS_DIR to their folder). They are not part of the repo.',
  );
  process.exit(2);
}
const corpus = loadCorpus(dir);
const halves = halvesOf(corpus);

const inBand = hardBand(corpus);

const brandTexts = new Map([...corpus.replies].map(([b, ids]) => [b, ids.map((id) => corpus.texts.get(id)!)]));
const brandCount = clauseBrandCounts(brandTexts);

/** A brand's matrix per similarity setting, computed once and shared by every threshold and linkage. */
const cache = new Map<string, Matrix>();
const cached =
  (key: string, make: (texts: readonly string[]) => Matrix) => (brand: string, texts: readonly string[]) => {
    const k = `${key}|${brand}`;
    const m = cache.get(k) ?? make(texts);
    cache.set(k, m);
    return m;
  };
const jaccardMatrix = cached('jaccard', wordPairJaccard);
const containmentMatrix = (p: ContainmentParams) =>
  cached(JSON.stringify(p), (texts) => clauseContainment(texts, brandCount, brandTexts.size, p));

const pairCount = pairBrandCounts(brandTexts);
const weightedCache = new Map<string, Weighted>();
const weightedOf = (brand: string, texts: readonly string[], gamma: number, floor: number) => {
  const k = `${gamma}|${floor}|${brand}`;
  const w = weightedCache.get(k) ?? weighted(texts, pairCount, brandTexts.size, gamma, floor);
  weightedCache.set(k, w);
  return w;
};

/** The product's method until issue 34 (single link at 0.45), the rows' reference ("today" in the earlier tables). */
const FORMER_DEFAULT = 0.45;
const today = productMethod(FORMER_DEFAULT, {
  name: 'former default: word-pair Jaccard, single link (clusterTexts)',
  linkage: 'single',
  method: 'exact',
  matrix: jaccardMatrix,
});
/**
 * The product's clusterTexts with a linkage other than today's, at its threshold: skeleton (the core
 * similarity) or average (src/analysis/core-average.ts: cores at 0.5, average link of their sampled word-pair
 * Jaccard, pairs under 0.25 counting 0), by its exact path or its LSH path.
 */
const productWith =
  (linkage: 'skeleton' | 'average') =>
  (t: number, method: 'exact' | 'lsh' = 'exact', followers = true): Method =>
    productMethod(t, {
      name: `product: clusterTexts, ${linkage} linkage${linkage === 'average' && !followers ? ' alone (no stragglers following)' : ''}${method === 'lsh' ? ', the LSH path (above 10⁴ distinct texts)' : ''}`,
      linkage,
      method,
      followers,
      matrix: jaccardMatrix,
    });
const product = productWith('skeleton');
const productAverage = productWith('average');
/** Average link without the stragglers' step (the product's default until the thirteenth session). */
const averageAlone = (t: number) => productAverage(t, 'exact', false);

const steps = (from: number, to: number, by: number) =>
  Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 100) / 100);
const LINKAGES: Linkage[] = ['single', 'complete', 'medoid'];

function jaccardMethod(linkage: Linkage, t: number): Method {
  return {
    name: `word-pair Jaccard, ${linkage} link`,
    params: `t = ${t}`,
    matrix: jaccardMatrix,
    threshold: t,
    cluster: (m) => clusterMatrix(m, t, linkage),
  };
}
function containmentMethod(linkage: Linkage, p: ContainmentParams, t: number): Method {
  return {
    name: `clause containment, ${linkage} link`,
    params: `t = ${t}, γ = ${p.gamma}, α = ${p.alpha}, λ = ${p.lambda}, clause match ${p.clauseMatch}`,
    matrix: containmentMatrix(p),
    threshold: t,
    cluster: (m) => clusterMatrix(m, t, linkage),
  };
}

function skeletonMethod(p: SkeletonParams): Method {
  const byBrand = new Map<Matrix, string>();
  return {
    name: `skeleton clusters${p.gamma ? ', brand-weighted word pairs' : ', word pairs'}${p.best ? ', best skeleton' : ''}`,
    params: `core t = ${p.core}, skeleton share ${p.share}, containment ${p.contain}, min skeleton ${p.minSkeleton}${p.gamma ? `, γ = ${p.gamma}, floor ${p.floor}` : ''}`,
    matrix: (brand, texts) => {
      const m = cached(`wj|${p.gamma}|${p.floor}`, () => weightedJaccard(weightedOf(brand, texts, p.gamma, p.floor)))(
        brand,
        texts,
      );
      byBrand.set(m, brand);
      return m;
    },
    threshold: p.core,
    cluster: (m, texts) => skeletonClusters(m, weightedOf(byBrand.get(m)!, texts, p.gamma, p.floor), p),
  };
}
function houseMethod(p: SkeletonParams, h: HouseParams): Method {
  const base = skeletonMethod(p);
  const byBrand = new Map<Matrix, string>();
  return {
    name: `skeleton clusters, house phrases weigh ${h.houseWeight} (${h.mode}${h.weighCore ? ', core too' : ''})`,
    params: `${base.params}${h.mode === 'share' || h.mode === 'both' ? `, house share ${h.houseShare}` : ''}${h.mode === 'reject' ? `, reject ${h.reject}, same script ${h.sameScript}` : ''}`,
    matrix: (brand, texts) => {
      const m = base.matrix(brand, texts);
      byBrand.set(m, brand);
      return m;
    },
    threshold: p.core,
    cluster: (m, texts) => houseClusters(m, weightedOf(byBrand.get(m)!, texts, p.gamma, p.floor), p, h),
  };
}
const HOUSES: Array<[SkeletonParams, HouseParams]> = steps(0.25, 0.35, 0.05).flatMap((core) =>
  steps(0.5, 0.8, 0.1).flatMap((contain) =>
    (['skeletons', 'share', 'both'] as const).flatMap((mode) =>
      (mode === 'skeletons' ? [1] : [0.05, 0.1, 0.2]).flatMap((houseShare) =>
        [0, 0.3].flatMap((houseWeight) =>
          [false, true].map((weighCore): [SkeletonParams, HouseParams] => [
            { gamma: 0, floor: 0, core, share: 0.6, contain, minSkeleton: 2, best: true },
            { mode, houseShare, houseWeight, weighCore },
          ]),
        ),
      ),
    ),
  ),
);

const REJECTS: Array<[SkeletonParams, HouseParams]> = [0.25, 0.3].flatMap((core) =>
  [0.5, 0.6].flatMap((contain) =>
    [1, 0.8, 0.6].flatMap((reject) =>
      [1, 0.5, 0.3, 0].flatMap((houseWeight) =>
        [0.5, 0.3].map((sameScript): [SkeletonParams, HouseParams] => [
          { gamma: 0, floor: 0, core, share: 0.6, contain, minSkeleton: 2, best: true },
          { mode: 'reject', reject, houseWeight, sameScript, houseShare: 1, weighCore: false },
        ]),
      ),
    ),
  ),
);

const SKELETONS = (gamma: number, floor: number): SkeletonParams[] =>
  steps(0.2, 0.45, 0.05).flatMap((core) =>
    [1, 0.6].flatMap((share) =>
      steps(0.5, 1, 0.1).flatMap((contain) =>
        [2, 4].map((minSkeleton) => ({ gamma, floor, core, share, contain, minSkeleton })),
      ),
    ),
  );

const PARAMS: ContainmentParams[] = [0, 1, 2].flatMap((gamma) =>
  [1, 0.3, 0.1].flatMap((alpha) => [1, 0.5].map((lambda) => ({ clauseMatch: 0.6, gamma, alpha, lambda }))),
);

const unitsCache = new Map<string, Weighted>();
const unitsFor = (brand: string, texts: readonly string[], p: PositionParams) => {
  const k = `${p.unit}|${p.cut}|${p.middle}|${p.two}|${brand}`;
  const w = unitsCache.get(k) ?? unitsOf(texts, p);
  unitsCache.set(k, w);
  return w;
};
function positionMethod(s: SkeletonParams, p: PositionParams): Method {
  const byBrand = new Map<Matrix, string>();
  const idea = [
    p.middle && p.two === 'closer' ? 'the closer is a slot' : '',
    p.middle && p.two !== 'closer'
      ? `opener and closer are slots${p.two === 'second' ? ' (a 2-clause reply drops its opener)' : ''}`
      : '',
    p.gap ? `no inner gap of ${p.gap} skeleton pairs (its ends free)${p.coreGap ? ', in cores too' : ''}` : '',
    p.distinct > 0
      ? `distinctive part ≥ ${p.distinct}${p.group ? ` (skeletons alike at ${p.group} are one script)` : ''}`
      : '',
  ].filter(Boolean);
  return {
    name: `skeleton clusters on ${p.unit === 'pairs' ? 'word pairs' : 'slot-tolerant clauses'}${idea.length ? `, ${idea.join(', ')}` : ''}`,
    params: `cut at ${p.cut}s, core ${p.coreBy} t = ${s.core}, share ${s.share}, containment ${s.contain}`,
    matrix: (brand, texts) => {
      const base = cached(`pos|${p.unit}|${p.cut}|${p.middle}|${p.two}|${p.coreBy}`, (t) =>
        coreMatrix(unitsFor(brand, t, p), p.coreBy),
      )(brand, texts);
      const m = p.coreGap
        ? cached(`gap|${p.gap}|${p.unit}|${p.cut}|${p.middle}|${p.two}|${p.coreBy}`, (t) =>
            gapMatrix(base, unitsFor(brand, t, p), orderedPairs(t, p), p.gap!),
          )(brand, texts)
        : base;
      byBrand.set(m, brand);
      return m;
    },
    threshold: s.core,
    cluster: (m, texts) => positionClusters(m, unitsFor(byBrand.get(m)!, texts, p), s, p, texts),
  };
}
const POSITIONS: Array<[SkeletonParams, PositionParams]> = (['pairs', 'clauses'] as const).flatMap((unit) =>
  (['sentence', 'clause'] as const).flatMap((cut) =>
    (
      [
        [false, 'whole'],
        [true, 'whole'],
        [true, 'second'],
        [true, 'closer'],
      ] as const
    ).flatMap(([middle, two]) =>
      (['jaccard', 'containment'] as const).flatMap((coreBy) =>
        (coreBy === 'jaccard' ? [0.25, 0.3, 0.35, 0.45] : [0.5, 0.6, 0.7, 0.8]).flatMap((core) =>
          [0.5, 0.6, 0.8].flatMap((contain) =>
            [0, 0.5, 1].flatMap((distinct) =>
              (distinct > 0 ? [0, 0.5, 0.6, 0.8] : [0]).map((group): [SkeletonParams, PositionParams] => [
                { gamma: 0, floor: 0, core, share: 0.6, contain, minSkeleton: 2, best: true },
                { unit, cut, middle, two, coreBy, distinct, group },
              ]),
            ),
          ),
        ),
      ),
    ),
  ),
);

const tuneCache = new Map<Method, Figures>();
/** The candidate of a family that scores best on the tune half. */
function tune(candidates: readonly Method[]): Method {
  let best: { method: Method; score: number } | null = null;
  for (const method of candidates) {
    const f = tuneCache.get(method) ?? measure(method, corpus, halves.tune, inBand);
    tuneCache.set(method, f);
    const score = objective(f);
    // CANNED_EVAL_GRID=1 prints every candidate's tune-half figures (what a family's choice was made from)
    if (process.env.CANNED_EVAL_GRID)
      console.error(
        `${score.toFixed(3)} ${precision(f.cluster).toFixed(2)}/${recall(f.cluster).toFixed(2)} ratio ${f.brands.map((b) => Math.abs(b.ratio - b.reading).toFixed(2)).join(',')} mixed ${f.brands.reduce((s, b) => s + b.impure, 0)} ${method.name} ${method.params}`,
      );
    if (!best || score > best.score) best = { method, score };
  }
  return best!.method;
}

// CANNED_EVAL_ONLY=skeleton measures today and the skeleton variants only (the other grids take minutes)
const only = process.env.CANNED_EVAL_ONLY;
// idea 1c: the skeleton's inner part is the script, its ends are slots (word pairs, every clause kept)
const GAPS: Array<[SkeletonParams, PositionParams]> = [0.25, 0.3, 0.35].flatMap((core) =>
  [0.5, 0.6, 0.7].flatMap((contain) =>
    [3, 4, 5, 6, 8].flatMap((gap) =>
      [false, true].map((coreGap): [SkeletonParams, PositionParams] => [
        { gamma: 0, floor: 0, core, share: 0.6, contain, minSkeleton: 2, best: true },
        { unit: 'pairs', cut: 'sentence', middle: false, two: 'whole', coreBy: 'jaccard', distinct: 0, gap, coreGap },
      ]),
    ),
  ),
);
const positions =
  only === 'position' ? [...POSITIONS, ...GAPS].map(([s, p]) => [positionMethod(s, p), p] as const) : [];
const family = (keep: (p: PositionParams) => boolean) => tune(positions.filter(([, p]) => keep(p)).map(([m]) => m));
// CANNED_EVAL_ONLY=lexical: lexical normalisation and units (lexical.ts), each family's held-out half once
// CANNED_EVAL_ONLY=medoid: the medoid split after single link (medoid.ts), each family's held-out half once
// CANNED_EVAL_ONLY=learned: a logistic regression over pair figures (learned.ts), each family's held-out half once
const lexical =
  only === 'lexical'
    ? lexicalRows(tune)
    : only === 'medoid'
      ? medoidRows(tune, jaccardMatrix)
      : only === 'learned'
        ? learnedRows(tune, corpus, halves.tune, brandTexts)
        : null;
const averageJaccard =
  only === 'learned' ? [tune(steps(0.15, 0.6, 0.025).map((t) => jaccardMethod('average', t)))] : [];
const chosen: Method[] = lexical
  ? [today, ...(only === 'lexical' ? [product(0.3)] : []), ...averageJaccard, ...lexical.rows]
  : only === 'position'
    ? [
        today,
        product(0.3),
        // idea 1 alone, idea 2 alone, idea 3 alone, then every combination
        family((p) => p.unit === 'pairs' && p.middle && p.two !== 'closer' && p.distinct === 0),
        family((p) => p.unit === 'pairs' && p.two === 'closer' && p.distinct === 0),
        family((p) => !!p.gap && !p.coreGap),
        family((p) => !!p.coreGap),
        family((p) => p.unit === 'pairs' && !p.middle && p.distinct > 0 && !p.group),
        family((p) => p.unit === 'pairs' && !p.middle && p.distinct > 0 && !!p.group),
        family((p) => p.unit === 'clauses' && !p.middle && p.distinct === 0),
        family((p) => p.unit === 'pairs' && p.middle && p.two !== 'closer' && p.distinct > 0),
        family((p) => p.unit === 'clauses' && (p.middle || p.distinct > 0)),
      ]
    : only === 'slots'
      ? // CANNED_EVAL_ONLY=slots: rare words as slots (slots.ts), the family's choice measured held out once
        [today, averageAlone(0.275), tune(slotMethods(SLOT_GRID, steps(0.15, 0.4, 0.025)))]
      : only === 'attach'
        ? // CANNED_EVAL_ONLY=attach: stragglers attached to the templates (attach.ts), one family per unit
          [
            today,
            averageAlone(0.275),
            productAverage(0.275),
            ...(['pairs', 'pairs without stop words'] as const).map((u) => tune(attachGrid(u).map(attachMethod))),
            tune(attachGrid('pairs without stop words', true).map(attachMethod)),
          ]
        : only === 'average'
          ? // CANNED_EVAL_ONLY=average: the product's average linkage, its threshold chosen on the tune half
            (() => {
              const chosenAverage = tune(steps(0.2, 0.4, 0.025).map((t) => productAverage(t)));
              return [
                today,
                averageAlone(chosenAverage.threshold),
                chosenAverage,
                productAverage(chosenAverage.threshold, 'lsh'),
              ];
            })()
          : only === 'house'
            ? [
                today,
                product(0.3),
                product(0.3, 'lsh'),
                ...(process.env.CANNED_EVAL_HOUSE === 'all' ? (['skeletons', 'share', 'both'] as const) : []).map(
                  (mode) => tune(HOUSES.filter(([, h]) => h.mode === mode).map(([p, h]) => houseMethod(p, h))),
                ),
                // the grid without its no-op (reject 1, weight 1: the product's variant), so the row is a house variant
                tune(REJECTS.filter(([, h]) => h.reject! < 1 || h.houseWeight < 1).map(([p, h]) => houseMethod(p, h))),
              ]
            : [
                today,
                ...(only === 'skeleton'
                  ? []
                  : [
                      ...LINKAGES.map((l) => tune(steps(0.15, 0.6, 0.05).map((t) => jaccardMethod(l, t)))),
                      ...LINKAGES.map((l) =>
                        tune(PARAMS.flatMap((p) => steps(0.3, 0.9, 0.05).map((t) => containmentMethod(l, p, t)))),
                      ),
                    ]),
                tune(SKELETONS(0, 0).map(skeletonMethod)),
                tune(SKELETONS(1, 0.1).map(skeletonMethod)),
                tune(SKELETONS(0, 0).map((p) => skeletonMethod({ ...p, best: true }))),
                product(0.3),
                tune(SKELETONS(1, 0.1).map((p) => skeletonMethod({ ...p, best: true }))),
              ];

const pct = (x: number) => x.toFixed(2);
const pr = (c: Figures['rule']) => `${pct(precision(c))} / ${pct(recall(c))}`;
console.log(
  `${corpus.pairs.length} labelled pairs over ${halves.tune.length + halves.held.length} brands; tune half ${halves.tune.length} brands ` +
    `(${corpus.pairs.filter((p) => half(p.brand) === 'tune').length} pairs; whole-brand: ${halves.tune.filter((b) => corpus.scripts.has(b)).join(', ')}), ` +
    `held-out ${halves.held.length} (${corpus.pairs.filter((p) => half(p.brand) === 'held').length} pairs; whole-brand: ${halves.held.filter((b) => corpus.scripts.has(b)).join(', ')})\n`,
);
console.log(
  '| method | half | pairs P / R (rule) | pairs P / R (cluster) | band 0.1–0.45 P / R (cluster) | ratio error mean / max | mixed clusters |',
);
console.log('|---|---|--:|--:|--:|--:|--:|');
const perBrand: string[] = [];
// position mode: the held-out half is measured once, for the new variant that scores best on the tune half
const variants = only === 'position' ? chosen.slice(2) : [];
const winner = variants.reduce<Method | null>(
  (best, m) => (!best || objective(tuneCache.get(m)!) > objective(tuneCache.get(best)!) ? m : best),
  null,
);
for (const method of chosen) {
  // CANNED_EVAL_TUNE=1 prints the tune half only, to look at while a variant is designed
  const tuneOnly =
    process.env.CANNED_EVAL_TUNE ||
    (variants.includes(method) && method !== winner) ||
    (lexical?.rows.includes(method) && !lexical.held.includes(method));
  for (const name of tuneOnly ? (['tune'] as const) : (['tune', 'held'] as const)) {
    const f = measure(method, corpus, halves[name], inBand);
    const errors = f.brands.map((b) => Math.abs(b.ratio - b.reading));
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    console.log(
      `| ${method.name} (${method.params}) | ${name} | ${pr(f.rule)} | ${pr(f.cluster)} | ${pr(f.bandCluster)} | ${pct(mean)} / ${pct(Math.max(...errors))} | ${f.brands.reduce((s, b) => s + b.impure, 0)} |`,
    );
    for (const b of f.brands)
      perBrand.push(
        `| ${method.name} | ${b.brand} (${name}) | ${pct(b.reading)} | ${pct(b.ratio)} | ${pct(Math.abs(b.ratio - b.reading))} | ${b.impure} |`,
      );
  }
}
console.log('\n| method | brand | reading | ratio | error | mixed clusters |\n|---|---|--:|--:|--:|--:|');
for (const line of perBrand) console.log(line);

// CANNED_EVAL_SWEEP=1 (medoid mode): every floor's figures on both halves, a diagnosis printed apart
if (only === 'medoid' && process.env.CANNED_EVAL_SWEEP) {
  console.log(
    '\n| diagnosis, not a choice: variant | half | pairs P / R (cluster) | ratio error per brand | mixed |\n|---|---|--:|--:|--:|',
  );
  for (const method of medoidSweep(jaccardMatrix))
    for (const name of ['tune', 'held'] as const) {
      const f = measure(method, corpus, halves[name], inBand);
      console.log(
        `| ${method.params} | ${name} | ${pr(f.cluster)} | ${f.brands.map((b) => `${b.brand} ${pct(Math.abs(b.ratio - b.reading))}`).join(', ')} | ${f.brands.reduce((s, b) => s + b.impure, 0)} |`,
      );
    }
}
