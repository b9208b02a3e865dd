/**
 * How far two readers of the issue 34 pairs agree, and the product against each (docs/canned-eval.md,
 * thirteenth session). The first reading is the pairs' verdicts in test/fixtures (what the harness and
 * test/template-pairs.test.ts measure against); the second is a blind reading of the same pairs by the
 * definition alone (test/fixtures/canned-labels/template-pairs-second.csv). Per half of the brands, prints:
 * - the second reading against the first as if the first were the truth (precision / recall of its "same
 *   template"), over all pairs and the hard band, and Cohen's κ;
 * - the product at its defaults (and the former default) against the first reading, the second, and the
 *   pairs both readings decide alike.
 * Reads the twcs samples in place from ../shared (exits 2 where they are absent).
 *
 *   npx tsx scripts/canned-agreement.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { type Corpus, half, hardBand, type LabelledPair, loadCorpus, twcsDir } from './canned-eval/data.js';
import { add, type Counts, measure, type Method, precision, recall } from './canned-eval/measure.js';
import { productMethod } from './canned-eval/product.js';

const SECOND = join(import.meta.dirname, '..', 'test', 'fixtures', 'canned-labels', 'template-pairs-second.csv');

const dir = twcsDir();
if (!dir) {
  console.error('canned-agreement: the twcs samples are absent (../shared/real-samples/twcs; or set TWCS_DIR).');
  process.exit(2);
}
const corpus = loadCorpus(dir);
const key = (brand: string, a: string, b: string) => `${brand}|${[a, b].sort().join('|')}`;
const secondRows = parse(readFileSync(SECOND), { columns: true, trim: true }) as Array<Record<string, string>>;
const second = new Map(secondRows.map((r) => [key(r.brand!, r.tweet_a!, r.tweet_b!), r.same_template === 'yes']));
const closeCall = new Set(
  secondRows.filter((r) => r.close_call === 'yes').map((r) => key(r.brand!, r.tweet_a!, r.tweet_b!)),
);
const missing = corpus.pairs.filter((p) => !second.has(key(p.brand, p.a, p.b)));
if (missing.length > 0) throw new Error(`${missing.length} pairs have no second reading, e.g. ${missing[0]!.a}`);
const secondOf = (p: LabelledPair) => second.get(key(p.brand, p.a, p.b))!;

const inBand = hardBand(corpus);

const pct = (x: number) => x.toFixed(2);
const pr = (c: Counts) => `${pct(precision(c))} / ${pct(recall(c))}`;

/** Counts of `alike` against the labels, and Cohen's κ of the two. */
function agreement(pairs: readonly LabelledPair[], alike: (p: LabelledPair) => boolean) {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const p of pairs) add(c, alike(p), p.same);
  const n = pairs.length;
  const observed = (n - c.fp - c.fn) / n;
  const yesA = (c.tp + c.fp) / n;
  const yesT = (c.tp + c.fn) / n;
  const chance = yesA * yesT + (1 - yesA) * (1 - yesT);
  return { c, kappa: (observed - chance) / (1 - chance), n };
}

const halves = (['tune', 'held'] as const).map((h) => [h, corpus.pairs.filter((p) => half(p.brand) === h)] as const);

console.log('The second reading against the first (the first taken as the truth):\n');
console.log(
  '| half | pairs | same by the first / by the second / by both | P / R | hard band P / R | κ | disagreements (marked a close call by the second) |',
);
console.log('|---|--:|--:|--:|--:|--:|--:|');
for (const [h, pairs] of halves) {
  const all = agreement(pairs, secondOf);
  const band = agreement(pairs.filter(inBand), secondOf);
  const first = all.c.tp + all.c.fn;
  const by2 = all.c.tp + all.c.fp;
  const differ = pairs.filter((p) => p.same !== secondOf(p));
  const close = differ.filter((p) => closeCall.has(key(p.brand, p.a, p.b))).length;
  console.log(
    `| ${h} | ${all.n} | ${first} / ${by2} / ${all.c.tp} | ${pr(all.c)} | ${pr(band.c)} | ${pct(all.kappa)} | ${differ.length} (${close}) |`,
  );
}

/** The corpus with its pairs' verdicts replaced, or its pairs filtered. */
const withPairs = (pairs: LabelledPair[]): Corpus => ({ ...corpus, pairs });
const readings: Array<[string, (pairs: readonly LabelledPair[]) => LabelledPair[]]> = [
  ['first', (pairs) => [...pairs]],
  ['second', (pairs) => pairs.map((p) => ({ ...p, same: secondOf(p) }))],
  ['both alike', (pairs) => pairs.filter((p) => p.same === secondOf(p))],
];
const methods: Method[] = [
  productMethod(DEFAULT_SETTINGS.cannedSimilarity, { name: 'default (average link)' }),
  productMethod(0.45, { name: 'former default (single link)', linkage: 'single' }),
];

console.log('\nThe product, pairs in one template when the whole brand is clustered:\n');
console.log('| method | half | against the first | against the second | where both readings agree (pairs) |');
console.log('|---|---|--:|--:|--:|');
for (const method of methods)
  for (const [h, pairs] of halves) {
    const brands = [...new Set(pairs.map((p) => p.brand))];
    const cells = readings.map(([, pick]) => {
      const chosen = pick(pairs);
      return { f: measure(method, withPairs(chosen), brands, inBand), n: chosen.length };
    });
    console.log(
      `| ${method.name} | ${h} | ${pr(cells[0]!.f.cluster)} | ${pr(cells[1]!.f.cluster)} | ${pr(cells[2]!.f.cluster)} (${cells[2]!.n}) |`,
    );
  }
