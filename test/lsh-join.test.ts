/**
 * The LSH join step: a bucket of hundreds of unrelated texts still joins the similar pair it holds, and a
 * cluster chained by single link through one bucket is not cut into pieces.
 */
import { describe, expect, it } from 'vitest';
import { supportReplies } from '../bench/canned-corpus.js';
import { seeded } from '../bench/seeded.js';
import { pairRecall } from '../bench/pair-recall.js';
import { exactJoin } from '../src/analysis/exact-join.js';
import { groupsByRoot, listsOf } from '../src/analysis/groups.js';
import { jaccardAt, joinBuckets, lshJoin } from '../src/analysis/lsh-join.js';
import { bandsFor } from '../src/analysis/minhash.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { shingles } from '../src/analysis/shingles.js';
import { sketchAll } from '../src/analysis/sketch.js';
import { rankTokens } from '../src/analysis/token-rank.js';
import { UnionFind } from '../src/analysis/union-find.js';
import { packedSets } from './helpers/packed-sets.js';

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

  // text k: a shared opener and words k, k+1, k+2 — word-pair Jaccard 0.5 with texts k ± 1, 0.33 with k ± 2
  const chain = (length: number) =>
    Array.from({ length }, (_, k) => `thanks for reaching out c${k} c${k + 1} c${k + 2}`);
  const componentsInOneBucket = (texts: string[]) => {
    const uf = unionFind(texts.length);
    joinBuckets(
      (_band, out) => out.fill(7),
      { n: texts.length, from: 0, to: 1, sets: packedSets(texts), similarity: 0.5 },
      uf,
    );
    return new Set(texts.map((_, i) => uf.find(i))).size;
  };

  it('keeps a chained cluster whole in one bucket: each text is near only its neighbours (8 kept members cut it every 9 texts)', () => {
    expect(componentsInOneBucket(chain(30))).toBe(1);
  });

  it('keeps it whole in a bucket large enough for the inverted index, among unrelated texts', () => {
    const unrelated = Array.from({ length: 50 }, (_, k) => `thanks for reaching out u${k}a u${k}b u${k}c`);
    expect(componentsInOneBucket([...chain(30), ...unrelated])).toBe(1 + 50);
  });

  it.each([0.3, 0.5, 0.7])(
    'joins a large bucket through its inverted index exactly as comparing every pair would, at %s',
    (t) => {
      // 60 families of 2–4 texts, each an edit of a base of 6–16 words (within a family Jaccard from about
      // 0.2 to 1, of every set size), no word shared across families: small clusters, so the members kept
      // per cluster never bite and the index must find every pair at t
      const random = seeded(Math.round(t * 100));
      const texts: string[] = [];
      for (let f = 0; f < 60; f++) {
        const base = Array.from({ length: 6 + Math.floor(random() * 11) }, (_, w) => `f${f}w${w}`);
        const copies = 2 + Math.floor(random() * 3);
        for (let c = 0; c < copies; c++)
          texts.push(
            base
              .filter(() => random() > 0.15)
              .map((w, k) => (random() < 0.12 ? `${w}x${c}k${k}` : w))
              .join(' '),
          );
      }
      const sets = packedSets(texts);
      const uf = unionFind(texts.length);
      joinBuckets((_band, out) => out.fill(7), { n: texts.length, from: 0, to: 1, sets, similarity: t }, uf);
      const every = unionFind(texts.length);
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) if (jaccardAt(sets, i, j) >= t) every.union(i, j);
      expect(texts.map((_, i) => uf.find(i))).toEqual(texts.map((_, i) => every.find(i)));
    },
  );

  it("finds the exact join's components at 0.5 on the bench corpus (5 × 10⁴ replies), its free text chained through shared openers", () => {
    const distinct = [...new Set(supportReplies(50_000).map((r) => normaliseReply(r).text))].filter(Boolean);
    const lsh = new UnionFind(distinct.length);
    lshJoin(bandsFor(0.5), sketchAll(distinct), 0.5, lsh);
    const exact = new UnionFind(distinct.length);
    exactJoin(
      distinct.map(shingles),
      0.5,
      (i, j) => exact.union(i, j),
      (i, j) => exact.find(i) === exact.find(j),
    );
    const components = (uf: UnionFind) => listsOf(groupsByRoot(uf.roots()));
    // with 8 members kept per cluster in a bucket: 0.99934 (five pieces of the free-text cluster split off)
    expect(pairRecall(components(exact), components(lsh))).toBeGreaterThanOrEqual(0.9999);
  }, 60_000);

  it('ranks tokens rarest first, each text sorted', () => {
    const { ranked, tokens } = rankTokens(Uint32Array.from([5, 9, 5, 7, 9, 5]), Uint32Array.from([0, 2, 4, 6]));
    // 5 is in three texts, 9 in two, 7 in one: ranks 7 → 0, 9 → 1, 5 → 2
    expect(tokens).toBe(3);
    expect([...ranked]).toEqual([1, 2, 0, 2, 1, 2]);
  });
});
