/** The LSH join step: a bucket of hundreds of unrelated texts still joins the similar pair it holds. */
import { describe, expect, it } from 'vitest';
import { joinBuckets } from '../src/analysis/lsh-join.js';
import { packedSets } from './helpers/packed-sets.js';
import { rankTokens } from '../src/analysis/token-rank.js';

function unionFind(n: number) {
  const parent = Uint32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  return {
    find,
    union: (a: number, b: number) => {
      parent[Math.max(find(a), find(b))] = Math.min(find(a), find(b));
    },
  };
}

describe('the LSH join', () => {
  it('joins a similar pair that comes after 300 unrelated texts in one bucket (a cap of 256 clusters left it apart)', () => {
    // 300 texts that share only a common opener, then two pastes of one script: all in one bucket
    const texts = Array.from({ length: 300 }, (_, k) => `thanks for reaching out w${k}a w${k}b w${k}c w${k}d w${k}e`);
    texts.push(
      'please send us a dm with your order number and we will look',
      'please send us a dm with your order number and we will check',
    );
    const uf = unionFind(texts.length);
    // one band whose key is the same for every text: one bucket
    const oneBucket = (_band: number, out: Uint32Array) => out.fill(7);
    joinBuckets(oneBucket, { n: texts.length, from: 0, to: 1, sets: packedSets(texts), similarity: 0.45 }, uf);
    expect(uf.find(300)).toBe(uf.find(301));
    expect(new Set(texts.map((_, i) => uf.find(i))).size).toBe(301);
  });

  it('ranks tokens rarest first, each text sorted', () => {
    const { ranked, tokens } = rankTokens(Uint32Array.from([5, 9, 5, 7, 9, 5]), Uint32Array.from([0, 2, 4, 6]));
    // 5 is in three texts, 9 in two, 7 in one: ranks 7 → 0, 9 → 1, 5 → 2
    expect(tokens).toBe(3);
    expect([...ranked]).toEqual([1, 2, 0, 2, 1, 2]);
  });
});
