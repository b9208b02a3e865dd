/** The prefix-filtered exact join (issue 19, item 2): the same pairs as comparing every pair. */
import { describe, expect, it } from 'vitest';
import { exactJoin } from '../src/analysis/exact-join.js';
import { jaccardAtLeast, jaccardSorted, shingles } from '../src/analysis/shingles.js';
import { seeded } from '../bench/seeded.js';
import { supportReplies } from '../bench/canned-corpus.js';
import { normaliseReply } from '../src/analysis/normalise.js';

/** Every pair's Jaccard similarity, computed once for all the thresholds below (4.5 million pairs). */
function allSimilarities(sets: Uint32Array[]): Float64Array {
  const out = new Float64Array((sets.length * (sets.length - 1)) / 2);
  let k = 0;
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) out[k++] = jaccardSorted(sets[i]!, sets[j]!);
  return out;
}

function allPairs(similarities: Float64Array, n: number, t: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (similarities[k++]! >= t) out.push(`${i}-${j}`);
  return out.sort();
}

function joined(sets: Uint32Array[], t: number): string[] {
  const out: string[] = [];
  exactJoin(sets, t, (a, b) => out.push(a < b ? `${a}-${b}` : `${b}-${a}`));
  return out.sort();
}

describe('exactJoin', () => {
  const texts = [...new Set(supportReplies(3000, 7).map((r) => normaliseReply(r).text))].filter(Boolean);
  const sets = texts.map(shingles);
  let similarities: Float64Array | undefined;

  it.each([0.25, 0.3, 0.5, 0.6, 0.8])('finds exactly the pairs all-pairs finds, at Jaccard ≥ %s', (t) => {
    similarities ??= allSimilarities(sets);
    const want = allPairs(similarities, sets.length, t);
    expect(want.length).toBeGreaterThan(10); // the corpus has near-duplicates at every threshold
    expect(joined(sets, t)).toEqual(want);
  });

  it('decides a pair by its early-exit walk exactly as by its Jaccard similarity', () => {
    const random = seeded(3);
    const set = () =>
      Uint32Array.from(
        new Set(Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 20))),
      ).sort();
    for (let k = 0; k < 5000; k++) {
      const [a, b, floor] = [set(), set(), [0, 0.25, 0.3, 1 / 3, 0.5, 0.6, 1][k % 7]!];
      const j = jaccardSorted(a, b);
      expect(jaccardAtLeast(a, 0, a.length, b, 0, b.length, floor)).toBe(j >= floor ? j : 0);
    }
  });

  it('takes every bound at the floor it verifies with: a pair of large sets at 1/3, just under a threshold', () => {
    // 988 tokens each, the 494 shared ones the commonest (last in rank order): Jaccard exactly 1/3, which the
    // join's verification accepts at t = 1/3 + 9e-13 (it compares with t − 1e-12); bounds taken at t itself
    // indexed too short a prefix to meet it
    const run = (from: number) => Array.from({ length: 494 }, (_, k) => from + k);
    const sets = [Uint32Array.from([...run(0), ...run(100_000)]), Uint32Array.from([...run(50_000), ...run(100_000)])];
    expect(jaccardSorted(sets[0]!, sets[1]!)).toBe(1 / 3);
    expect(joined(sets, 1 / 3 + 9e-13)).toEqual(['0-1']);
  });

  it('handles empty, single-token and identical sets', () => {
    const sets = [new Uint32Array([]), new Uint32Array([5]), new Uint32Array([5]), new Uint32Array([1, 2, 3])];
    expect(joined(sets, 0.6)).toEqual(['1-2']);
  });
});
