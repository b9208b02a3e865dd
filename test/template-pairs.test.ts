/**
 * What counts as one template, measured (issues 19 and 34): hand-checked pairs of real brand replies from
 * the twcs corpus — same template or near miss — and every reply of 14 brands grouped by script, kept in
 * test/fixtures as tweet ids and verdicts only (the texts are read in place from ../shared/real-samples/twcs,
 * never copied here). The product's templates are measured on them as an audit makes them: each labelled
 * brand's replies clustered together at the default setting (docs/measuring.md, "Canned replies: what counts
 * as one template"; every method tried, in docs/canned-eval.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Corpus, half, loadCorpus, twcsDir } from '../scripts/canned-eval/data.js';
import { type Figures, measure, type Method, precision, recall } from '../scripts/canned-eval/measure.js';
import { productMethod } from '../scripts/canned-eval/product.js';
import { clusterTexts } from '../src/analysis/cluster.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';

const dir = twcsDir();
if (!dir) console.warn('template precision, recall and ratios skipped: ../shared/real-samples/twcs is absent');

interface Pair {
  brand: string;
  tweet_a: string;
  tweet_b: string;
  same_template: 'yes' | 'no';
}

const pairs = () =>
  parse(readFileSync(join(import.meta.dirname, 'fixtures', 'template-pairs.csv')), { columns: true }) as Pair[];

describe('the hand-checked template pairs', () => {
  it('hold at least 50 template pairs and 50 near misses, each pair once, as ids only', () => {
    const all = pairs();
    expect(all.filter((p) => p.same_template === 'yes').length).toBeGreaterThanOrEqual(50);
    expect(all.filter((p) => p.same_template === 'no').length).toBeGreaterThanOrEqual(50);
    expect(new Set(all.map((p) => `${p.tweet_a}-${p.tweet_b}`)).size).toBe(all.length);
    for (const p of all) expect(Object.keys(p)).toEqual(['brand', 'tweet_a', 'tweet_b', 'same_template']);
  });
});

/** The product as canned() calls it: the default linkage unless one is named. */
const product = (similarity: number, linkage?: 'single'): Method => productMethod(similarity, { linkage });

describe.skipIf(!dir)("the product's templates on the labelled twcs brands (issue 34)", () => {
  let corpus: Corpus;
  let held: Figures;
  let tune: Figures;
  const brands = (which: 'tune' | 'held') =>
    [...new Set([...corpus.pairs.map((p) => p.brand), ...corpus.scripts.keys()])]
      .filter((b) => half(b) === which)
      .sort();
  const maxError = (f: Figures) => Math.max(...f.brands.map((b) => Math.abs(b.ratio - b.reading)));
  const mixed = (f: Figures) => f.brands.reduce((sum, b) => sum + b.impure, 0);

  beforeAll(() => {
    corpus = loadCorpus(dir!);
    const method = product(DEFAULT_SETTINGS.cannedSimilarity);
    held = measure(method, corpus, brands('held'), () => false);
    tune = measure(method, corpus, brands('tune'), () => false);
  });

  it('the labels: ≥ 600 pairs over ≥ 40 brands, ≥ 6 brands read whole, brands split in two halves', () => {
    expect(corpus.pairs.length).toBeGreaterThanOrEqual(600);
    expect(new Set(corpus.pairs.map((p) => p.brand)).size).toBeGreaterThanOrEqual(40);
    expect(corpus.scripts.size).toBeGreaterThanOrEqual(6);
    expect(held.brands.length).toBeGreaterThanOrEqual(3);
    expect(tune.brands.length).toBeGreaterThanOrEqual(3);
  });

  it('held-out half: same-cluster precision ≥ 0.95 (the goal), recall, ratios and purity no worse than measured', () => {
    // the goal of issue 34, met
    expect(precision(held.cluster)).toBeGreaterThanOrEqual(0.95);
    // measured with the default (docs/canned-eval.md): recall 0.64 (0.61 without the stragglers following
    // their templates), every brand's ratio within 0.15 of the reading, 3 clusters that hold two scripts; the
    // goals (0.85, 0.08, none) are not met yet, so these hold today's figures, and a change can only move
    // them towards the goals
    expect(recall(held.cluster)).toBeGreaterThanOrEqual(0.64);
    expect(maxError(held)).toBeLessThanOrEqual(0.151);
    expect(mixed(held)).toBeLessThanOrEqual(3);
  });

  it('tune half: the figures its threshold was chosen on', () => {
    expect(precision(tune.cluster)).toBeGreaterThanOrEqual(0.95);
    expect(recall(tune.cluster)).toBeGreaterThanOrEqual(0.85);
    expect(maxError(tune)).toBeLessThanOrEqual(0.05);
    expect(mixed(tune)).toBe(0);
  });

  it("beats the former default, single link at 0.45, on the held-out half's recall and its ratios", () => {
    const former = measure(product(0.45, 'single'), corpus, brands('held'), () => false);
    expect(recall(held.cluster)).toBeGreaterThan(recall(former.cluster) + 0.1);
    expect(precision(held.cluster)).toBeGreaterThanOrEqual(precision(former.cluster));
    const meanError = (f: Figures) => f.brands.reduce((s, b) => s + Math.abs(b.ratio - b.reading), 0) / f.brands.length;
    // 0.074 against 0.085 held out (0.086 against 0.085 without the stragglers following their templates)
    expect(meanError(held)).toBeLessThan(meanError(former));
  });

  it('holds Uber_Support\'s two scripts apart: "DM us your email" and "send us a note via <link>" (the former default chained them)', () => {
    const ids = corpus.replies.get('Uber_Support')!;
    const scripts = corpus.scripts.get('Uber_Support')!;
    const texts = ids.map((id) => normaliseReply(corpus.texts.get(id)!).text);
    const both = (similarity: number, linkage?: 'single') =>
      clusterTexts(texts, { similarity, ...(linkage ? { linkage } : {}) }).filter((c) => {
        const kinds = new Set(c.map((i) => scripts.get(ids[i]!)));
        return kinds.has('dm-email') && kinds.has('note-link');
      }).length;
    expect(both(DEFAULT_SETTINGS.cannedSimilarity)).toBe(0);
    expect(both(0.45, 'single')).toBeGreaterThan(0);
  });
});
