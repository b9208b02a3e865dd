/** Near-duplicate clustering: MinHash-LSH finds what the exact join finds, in any input order, the same every run. */
import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../src/analysis/cluster.js';
import { bandColumn, bandsFor, candidateProbability, PERMUTATIONS, signature } from '../src/analysis/minhash.js';
import { PARALLEL_FROM } from '../src/analysis/fan-out.js';
import { jaccardAt, jaccardFrom } from '../src/analysis/lsh-join.js';
import { sortByKey } from '../src/analysis/radix.js';
import { hash32, jaccardSorted, shingles } from '../src/analysis/shingles.js';
import { sketch } from '../src/analysis/sketch.js';
import { pairRecall } from '../bench/pair-recall.js';
import { packedSets } from './helpers/packed-sets.js';
import { seeded } from '../bench/seeded.js';

/** A seeded corpus: a few templates with word edits, and free text. */
function corpus(n: number, seed = 7): string[] {
  const random = seeded(seed);
  const words =
    'order delivery refund account please help sorry team store card payment update phone app issue store week today thanks look soon'.split(
      ' ',
    );
  const templates = [
    'we are sorry to hear about this please send us a dm with your order number and we will look into it right away',
    'thanks for your patience please follow the link to track your order and let us know if you need anything else',
    'we apologise for the inconvenience our team is looking into this and will get back to you as soon as possible',
  ];
  return Array.from({ length: n }, () => {
    if (random() < 0.5) {
      const w = templates[Math.floor(random() * templates.length)]!.split(' ');
      for (let e = Math.floor(random() * 3); e > 0; e--)
        w[Math.floor(random() * w.length)] = words[Math.floor(random() * words.length)]!;
      return w.join(' ');
    }
    return Array.from(
      { length: 8 + Math.floor(random() * 14) },
      () => words[Math.floor(random() * words.length)]!,
    ).join(' ');
  });
}

const asSets = (clusters: number[][], texts: string[]) =>
  clusters
    .map((c) =>
      c
        .map((i) => texts[i])
        .sort()
        .join('|'),
    )
    .sort();

/** A band's key as the banding defines it: FNV-1a-style over the band's rows of the whole signature. */
function bandKey(sig: Uint32Array, band: number, rows: number): number {
  let h = 0x811c9dc5 ^ band;
  for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[band * rows + r]!, 0x01000193);
  return h >>> 0;
}

describe('MinHash', () => {
  it('estimates Jaccard similarity from 128 permutations', () => {
    const a = shingles(
      'we are sorry to hear about this please send us a dm with your order number and we will look into it',
    );
    const b = shingles(
      'we are sorry to hear about that please send us a dm with your order number and we will look at it',
    );
    const [sa, sb] = [signature(a), signature(b, new Uint32Array(PERMUTATIONS))];
    const agree = sa.filter((v, k) => v === sb[k]).length / PERMUTATIONS;
    expect(Math.abs(agree - jaccardSorted(a, b))).toBeLessThan(0.15);
  });

  it("computes a band's keys from the sets as the whole signature gives them, for all texts or some", () => {
    const texts = [...new Set(corpus(300, 4))];
    const sets = packedSets(texts);
    const { bands, rows } = bandsFor(0.5);
    const whole = new Uint32Array(texts.length * bands);
    texts.forEach((_, i) => {
      const sig = signature(sets.flat.subarray(sets.starts[i]!, sets.starts[i + 1]!));
      for (let band = 0; band < bands; band++) whole[i * bands + band] = bandKey(sig, band, rows);
    });
    const column = bandColumn(sets, rows);
    const ids = Uint32Array.of(5, 0, 17);
    const some = bandColumn(sets, rows, ids);
    for (const band of [0, 1, bands - 1]) {
      const out = new Uint32Array(texts.length);
      column(band, out);
      expect(Array.from(out)).toEqual(texts.map((_, i) => whole[i * bands + band]));
      const picked = new Uint32Array(ids.length);
      some(band, picked);
      expect(Array.from(picked)).toEqual(Array.from(ids, (i) => whole[i * bands + band]));
    }
  });

  it.each([0.5, 0.6, 0.7, 0.8, 0.9])(
    'bands for similarity %s find a pair at the threshold with probability ≥ 0.98',
    (t) => {
      const { bands, rows } = bandsFor(t);
      expect(bands * rows).toBeLessThanOrEqual(PERMUTATIONS);
      expect(candidateProbability(t, bands, rows)).toBeGreaterThanOrEqual(0.98);
      expect(candidateProbability(t / 3, bands, rows)).toBeLessThan(0.5);
    },
  );
});

describe('clusterTexts', () => {
  it.each(['average', 'single'] as const)(
    'gives a template sent 200,000 times as one cluster of every index, in order (%s linkage)',
    (linkage) => {
      // clusters up to 1,024 replies are allocated at their length, larger ones grown: both sides of that line
      const paste = 'thanks for reaching out please send us a dm with your order number';
      const texts = [
        ...Array.from({ length: 200_000 }, () => paste),
        ...Array.from({ length: 1024 }, () => 'our store opens at nine on weekdays and ten on sundays'),
        ...Array.from({ length: 1025 }, () => 'the warranty covers manufacturing faults for two full years'),
        'a reply written once',
      ];
      const clusters = clusterTexts(texts, { similarity: 0.275, linkage });
      const run = (from: number, length: number) => Array.from({ length }, (_, k) => from + k);
      // whole arrays compared: a preallocated array keeps its length with a slot left unwritten
      expect(clusters).toEqual([run(0, 200_000), run(201_024, 1025), run(200_000, 1024), [202_049]]);
      for (const c of clusters) expect(Object.keys(c).length).toBe(c.length);
    },
  );

  it('LSH keeps together ≥ 99% of the reply pairs the exact join puts together (3,000 replies)', () => {
    const texts = corpus(3000);
    const exact = clusterTexts(texts, { similarity: 0.6, method: 'exact' });
    const lsh = clusterTexts(texts, { similarity: 0.6, method: 'lsh' });
    expect(pairRecall(exact, lsh)).toBeGreaterThanOrEqual(0.99);
    expect(Math.abs(lsh.length - exact.length)).toBeLessThanOrEqual(3);
  });

  it('does not depend on input order', () => {
    const texts = corpus(2000);
    const reversed = [...texts].reverse();
    expect(asSets(clusterTexts(reversed, { similarity: 0.6, method: 'lsh' }), reversed)).toEqual(
      asSets(clusterTexts(texts, { similarity: 0.6, method: 'lsh' }), texts),
    );
  });

  it('never merges texts below the threshold (every pair is verified)', () => {
    const texts = corpus(2000);
    const sets = texts.map(shingles);
    for (const cluster of clusterTexts(texts, { similarity: 0.6, method: 'lsh' })) {
      if (cluster.length < 2) continue;
      // each member has a partner at or above the threshold inside its cluster
      for (const i of cluster)
        expect(
          cluster.some((j) => j !== i && (texts[i] === texts[j] || jaccardSorted(sets[i]!, sets[j]!) >= 0.6)),
        ).toBe(true);
    }
  });

  it('keeps identical texts together and leaves empty texts out', () => {
    expect(clusterTexts(['a b c', '', 'a b c', 'x y z'], { similarity: 0.6 })).toEqual([[0, 2], [3]]);
  });
  it('keeps two different texts of one hash apart, each with its own replies, in any input order', () => {
    // two texts of the same 32-bit hash, found by a birthday search (a few hundred thousand tries)
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      // the word last: FNV is a chain, so a text that collides after a shared prefix has words that do not
      const text = `start w${i.toString(36)}`;
      const other = byHash.get(hash32(text));
      if (other !== undefined) pair = [other, text];
      else byHash.set(hash32(text), text);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    // their one word pair differs: alike only when identical
    expect(jaccardSorted(shingles(a), shingles(b))).toBe(0);
    expect(clusterTexts([b, a, b, a, a], { similarity: 0.45 })).toEqual([
      [1, 3, 4],
      [0, 2],
    ]);
    expect(clusterTexts([a, b, a, b, b], { similarity: 0.45 })).toEqual([
      [1, 3, 4],
      [0, 2],
    ]);
  });
});

describe('radix sort of band keys', () => {
  it('orders by key, ties by index, like a comparison sort', () => {
    const random = seeded(3);
    // few distinct keys, so there are many ties; both digits vary
    const keys = Uint32Array.from({ length: 5000 }, () => (Math.floor(random() * 40) * 0x01010101) >>> 0);
    const order = new Uint32Array(keys.length);
    const sorted = new Uint32Array(keys.length);
    sortByKey(keys, order, sorted, new Uint32Array(keys.length));
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect([...order]).toEqual(expected);
    expect([...sorted]).toEqual(expected.map((i) => keys[i]));
  });
});

const same = (a: Uint32Array, b: Uint32Array) =>
  a.length === b.length &&
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('sketches on worker threads', () => {
  // the worker is the built JavaScript (dist/), as the CLI runs it; `pretest` builds it
  it('give the same shingle sets however the work is split', async () => {
    const built = await import('../dist/analysis/sketch.js');
    const texts = [...new Set(corpus(30_000, 11))];
    const one = sketch(texts);
    expect(built.threadsFor(texts.length, 4)).toBe(4);
    for (const threads of [2, 3]) {
      const split = built.sketchAll(texts, threads);
      for (const part of ['starts', 'flat'] as const)
        expect(same(split[part], one[part]), `${threads} threads: ${part}`).toBe(true);
    }
  });

  it.each([
    ['single', 0.45],
    ['average', 0.275],
  ] as const)(
    'give the same %s-linkage templates as one thread (the join and candidate search on workers too)',
    async (linkage, similarity) => {
      const built = await import('../dist/analysis/cluster.js');
      const texts = corpus(40_000, 12);
      expect(new Set(texts).size).toBeGreaterThan(PARALLEL_FROM);
      const options = { similarity, method: 'lsh', linkage } as const;
      // the sources run in one thread (their workers are not built); the built module splits the work
      expect(asSets(built.clusterTexts(texts, options), texts)).toEqual(asSets(clusterTexts(texts, options), texts));
    },
    // two clusterings of 40,000 replies, one of them on worker threads: 2–3 s alone, past 20 s on a loaded CI
    // machine running four test files at a time
    90_000,
  );

  it('use one thread for few texts', async () => {
    const built = await import('../dist/analysis/sketch.js');
    const { PARALLEL_FROM } = await import('../dist/analysis/fan-out.js');
    expect(built.threadsFor(PARALLEL_FROM - 1, 8)).toBe(1);
    expect(built.threadsFor(10 ** 6, 1)).toBe(1);
  });
});

describe('the candidate search between cores (average linkage)', () => {
  const texts = [...new Set(corpus(4_000, 5))];
  const sets = packedSets(texts);

  it('jaccardFrom is jaccardAt at or above the floor and 0 below it', () => {
    const random = seeded(3);
    for (let k = 0; k < 5_000; k++) {
      const [i, j] = [Math.floor(random() * texts.length), Math.floor(random() * texts.length)];
      const floor = [0, 0.1, 0.25, 0.5, 0.9][k % 5]!;
      const exact = jaccardAt(sets, i, j);
      expect(jaccardFrom(sets, i, j, floor)).toBe(exact >= floor ? exact : 0);
    }
  });

  it('finds the same pairs however its bands are split over threads', async () => {
    // every text a core of its own, two cores sampled twice
    const ids = Uint32Array.from(texts.keys());
    const coreOf = Uint32Array.from(ids, (i) => Math.floor(i / 2));
    const share = { sets, ids, coreOf, cores: Math.ceil(texts.length / 2), floor: 0.25 };
    const built = await import('../dist/analysis/candidate-search.js');
    const { bands } = built.CANDIDATE_BANDING;
    const whole = built.candidatesInBands({ ...share, from: 0, to: bands });
    expect(whole.length).toBeGreaterThan(100);
    const parts = [0, 7, 40, bands].slice(1).map((to, k, tos) => {
      const from = k === 0 ? 0 : tos[k - 1]!;
      return Array.from(built.candidatesInBands({ ...share, from, to }));
    });
    expect(Array.from(built.pairKeys(parts.flat()))).toEqual(Array.from(whole));
  });
});
