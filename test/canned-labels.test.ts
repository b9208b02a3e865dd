/**
 * The whole-brand labels of issue 34 (test/fixtures/canned-labels/): each file holds ids and script ids only,
 * and a brand's reading covers every one of that brand's replies in the twcs samples exactly once — the
 * property the ratio figures rest on (a reply left out would shift a brand's canned ratio). The texts are
 * read in place from ../shared; the coverage check skips, saying so, where they are absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCorpus, twcsDir } from '../scripts/canned-eval/data.js';

const DIR = join(import.meta.dirname, 'fixtures', 'canned-labels');
const FILES = [
  'template-brands.csv',
  'template-brands-second.csv',
  'template-brands-ninth.csv',
  'template-brands-adjudicated.csv',
];
const rows = (file: string) =>
  parse(readFileSync(join(DIR, file)), { columns: true }) as Array<{ brand: string; tweet_id: string; script: string }>;

const twcs = twcsDir();
if (!twcs) console.warn('whole-brand label coverage skipped: ../shared/real-samples/twcs is absent');

describe('the whole-brand script labels', () => {
  it.each(FILES)('%s holds ids and script ids only, each reply once per brand', (file) => {
    const all = rows(file);
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) {
      expect(Object.keys(r)).toEqual(['brand', 'tweet_id', 'script']);
      expect(r.tweet_id).toMatch(/^\d+$/);
      expect(r.script).toMatch(/^(?:-|[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*)$/u);
    }
    expect(new Set(all.map((r) => `${r.brand}/${r.tweet_id}`)).size).toBe(all.length);
    // a script id names a script followed by 2 or more replies; a reply on its own is '-'
    const size = new Map<string, number>();
    for (const r of all)
      if (r.script !== '-') size.set(`${r.brand}/${r.script}`, (size.get(`${r.brand}/${r.script}`) ?? 0) + 1);
    expect([...size].filter(([, n]) => n < 2)).toEqual([]);
  });

  it.skipIf(!twcs)('each brand read covers exactly that brand’s replies in the samples', () => {
    const corpus = loadCorpus(twcs!);
    for (const file of FILES) {
      const byBrand = new Map<string, string[]>();
      for (const r of rows(file)) byBrand.set(r.brand, [...(byBrand.get(r.brand) ?? []), r.tweet_id]);
      for (const [brand, ids] of byBrand)
        expect({ file, brand, ids: [...ids].sort() }).toEqual({
          file,
          brand,
          ids: [...corpus.replies.get(brand)!].sort(),
        });
    }
  });
});

describe('the blind second reading of the labelled pairs', () => {
  const pairKey = (r: { brand: string; tweet_a: string; tweet_b: string }) =>
    `${r.brand}/${[r.tweet_a, r.tweet_b].sort().join('/')}`;
  const csv = (path: string) =>
    parse(readFileSync(path), { columns: true, trim: true }) as Array<Record<string, string>>;

  it('reads every labelled pair once, with a verdict and a close-call mark, ids only', () => {
    const second = csv(join(DIR, 'template-pairs-second.csv'));
    for (const r of second) {
      expect(Object.keys(r)).toEqual(['brand', 'tweet_a', 'tweet_b', 'same_template', 'close_call']);
      expect(r.tweet_a).toMatch(/^\d+$/);
      expect(r.tweet_b).toMatch(/^\d+$/);
      expect(['yes', 'no']).toContain(r.same_template);
      expect(['yes', 'no']).toContain(r.close_call);
    }
    const first = [join(DIR, '..', 'template-pairs.csv'), join(DIR, 'template-pairs-hard-band.csv')].flatMap((f) =>
      csv(f),
    );
    const keys = (rs: Array<Record<string, string>>) =>
      rs.map((r) => pairKey(r as { brand: string; tweet_a: string; tweet_b: string })).sort();
    expect(keys(second)).toEqual(keys(first));
  });
});
