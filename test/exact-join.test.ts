/** The prefix-filtered exact join (issue 19, item 2): the same pairs as comparing every pair. */
import { describe, expect, it } from 'vitest';
import { exactJoin } from '../src/analysis/exact-join.js';
import { jaccardSorted, shingles } from '../src/analysis/shingles.js';
import { supportReplies } from '../bench/canned-corpus.js';
import { normaliseReply } from '../src/analysis/normalise.js';

function allPairs(sets: Uint32Array[], t: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) if (jaccardSorted(sets[i]!, sets[j]!) >= t) out.push(`${i}-${j}`);
  return out.sort();
}

function joined(sets: Uint32Array[], t: number): string[] {
  const out: string[] = [];
  exactJoin(sets, t, (a, b) => out.push(a < b ? `${a}-${b}` : `${b}-${a}`));
  return out.sort();
}

describe('exactJoin', () => {
  it.each([0.3, 0.5, 0.6, 0.8])('finds exactly the pairs all-pairs finds, at Jaccard ≥ %s', (t) => {
    const texts = [...new Set(supportReplies(3000, 7).map((r) => normaliseReply(r).text))].filter(Boolean);
    const sets = texts.map(shingles);
    const want = allPairs(sets, t);
    expect(want.length).toBeGreaterThan(10); // the corpus has near-duplicates at every threshold
    expect(joined(sets, t)).toEqual(want);
  });

  it('handles empty, single-token and identical sets', () => {
    const sets = [new Uint32Array([]), new Uint32Array([5]), new Uint32Array([5]), new Uint32Array([1, 2, 3])];
    expect(joined(sets, 0.6)).toEqual(['1-2']);
  });
});
