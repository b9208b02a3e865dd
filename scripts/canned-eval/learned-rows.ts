/**
 * The rows of the learned mode (learned.ts): the model fitted on the tune half's labelled pairs, for a few
 * feature sets; each set is one family whose linkage and threshold are chosen on the tune half, and whose
 * held-out half is measured once. The thirteenth session added the sets a product without a table of brand
 * counts could use (LCS and the plain figures; docs/canned-eval.md, thirteenth session).
 */
import { pairBrandCounts } from './skeleton.js';
import type { Corpus } from './data.js';
import type { Method } from './measure.js';
import { type Features, FEATURES, brandFeatures, fitModel, learnedMethod, trainingRows } from './learned.js';
import type { Linkage } from './clustering.js';

const idx = (...names: Array<(typeof FEATURES)[number]>) => names.map((n) => FEATURES.indexOf(n));
export const SETS: Array<[string, number[]]> = [
  ['Jaccard alone', idx('jaccard')],
  [
    'Jaccard and containment, plain and brand-weighted',
    idx('jaccard', 'containment', 'weighted jaccard', 'weighted containment'),
  ],
  ['all nine figures', FEATURES.map((_, i) => i)],
  ['LCS alone', idx('lcs / shorter')],
  ['LCS and length ratio', idx('lcs / shorter', 'length ratio')],
  ['Jaccard, LCS and length ratio', idx('jaccard', 'lcs / shorter', 'length ratio')],
  [
    'the figures without a brand table',
    idx('jaccard', 'containment', 'lcs / shorter', 'run / shorter', 'log run', 'length ratio'),
  ],
];
const LINKS: Linkage[] = ['single', 'complete', 'medoid', 'average'];
const FLOORS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

export function learnedRows(
  tune: (candidates: readonly Method[]) => Method,
  corpus: Corpus,
  tuneBrands: readonly string[],
  brandTexts: ReadonlyMap<string, readonly string[]>,
): { rows: Method[]; held: Method[] } {
  const df = pairBrandCounts(brandTexts);
  const cache = new Map<string, Features>();
  const featuresOf = (brand: string) => {
    const hit = cache.get(brand);
    if (hit) return hit;
    const made = brandFeatures(brandTexts.get(brand)!, df, brandTexts.size);
    cache.set(brand, made);
    return made;
  };
  const { rows, labels } = trainingRows(corpus, tuneBrands, featuresOf);
  const chosen = SETS.map(([label, use]) => {
    const model = fitModel(rows, labels, use);
    return tune([
      ...LINKS.flatMap((l) => THRESHOLDS.map((t) => learnedMethod(model, featuresOf, l, t, label))),
      ...FLOORS.flatMap((floor) => THRESHOLDS.map((t) => learnedMethod(model, featuresOf, 'single', t, label, floor))),
    ]);
  });
  return { rows: chosen, held: chosen };
}
