import { describe, expect, it } from 'vitest';
import { seeded } from '../bench/seeded.js';
import { averageLink } from '../src/analysis/average-link.js';
import { clusterTexts } from '../src/analysis/cluster.js';
import { asTextSets, scriptsIn, uberScript, uberTexts } from './helpers/uber-shaped.js';

/** Dense UPGMA on a full matrix (missing pairs 0), the reference the sparse one must equal. */
function denseUpgma(sim: number[][], weight: number[], t: number): number[][] {
  let clusters = weight.map((_, i) => [i]);
  const link = (x: number[], y: number[]) => {
    let mass = 0;
    for (const i of x) for (const j of y) mass += weight[i]! * weight[j]! * sim[i]![j]!;
    const w = (c: number[]) => c.reduce((s, i) => s + weight[i]!, 0);
    return mass / (w(x) * w(y));
  };
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let x = 0; x < clusters.length; x++)
      for (let y = x + 1; y < clusters.length; y++) {
        const l = link(clusters[x]!, clusters[y]!);
        if (!best || l > best[0]) best = [l, x, y];
      }
    if (!best || best[0] < t) break;
    const [, x, y] = best;
    clusters[x] = [...clusters[x]!, ...clusters[y]!];
    clusters = clusters.filter((_, k) => k !== y);
  }
  return clusters.map((c) => c.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

const groupsOf = (root: Uint32Array) => {
  const byRoot = new Map<number, number[]>();
  root.forEach((r, i) => {
    byRoot.set(r, [...(byRoot.get(r) ?? []), i]);
  });
  return [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
};

describe('average link over a sparse graph', () => {
  it('equals dense UPGMA on random weighted graphs', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 3 + Math.floor(random() * 12);
      // distinct similarities, so no tie decides the order differently in the two
      const sim = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const weight = Array.from({ length: n }, () => 1 + Math.floor(random() * 4));
      const a: number[] = [];
      const b: number[] = [];
      const mass: number[] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (random() < 0.5) {
            const s = 0.1 + random() * 0.9;
            sim[i]![j] = sim[j]![i] = s;
            // edges given in any order, either way round
            const [x, y] = random() < 0.5 ? [i, j] : [j, i];
            a.push(x);
            b.push(y);
            mass.push(weight[i]! * weight[j]! * s);
          }
      const t = 0.2 + random() * 0.4;
      expect(groupsOf(averageLink(weight, { a, b, mass }, t))).toEqual(denseUpgma(sim, weight, t));
    }
  });

  it('does not chain: a pair at the threshold does not join two groups that are far apart on average', () => {
    // 0–1–2 close, 3–4–5 close, one bridge 2–3 at 0.5: single link at 0.45 would make one group
    const edges = { a: [0, 0, 1, 3, 3, 4, 2], b: [1, 2, 2, 4, 5, 5, 3], mass: [0.9, 0.8, 0.85, 0.9, 0.8, 0.85, 0.5] };
    expect(groupsOf(averageLink([1, 1, 1, 1, 1, 1], edges, 0.45))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});

describe('average linkage (issue 34 item 2)', () => {
  const texts = uberTexts;
  const script = uberScript;

  it('single link at the same threshold chains the two scripts through the bridges', () => {
    const clusters = clusterTexts(texts, { similarity: 0.275, method: 'exact', linkage: 'single' });
    expect(clusters.some((c) => scriptsIn(c).size === 2)).toBe(true);
  });

  for (const method of ['exact', 'lsh'] as const)
    it(`keeps Uber-shaped "DM us your email" and "send us a note via <link>" apart, each one template (${method})`, () => {
      const clusters = clusterTexts(texts, { similarity: 0.275, method, linkage: 'average' });
      expect(clusters.every((c) => scriptsIn(c).size <= 1)).toBe(true);
      for (const name of ['email', 'note']) {
        const holding = clusters.filter((c) => c.some((i) => script(i) === name));
        expect(holding).toHaveLength(1);
        expect(holding[0]!.filter((i) => script(i) === name)).toHaveLength(6);
      }
    });

  it('is the same whatever the input order', () => {
    const reversed = [...texts].reverse();
    expect(asTextSets(clusterTexts(reversed, { similarity: 0.275, linkage: 'average' }), reversed)).toEqual(
      asTextSets(clusterTexts(texts, { similarity: 0.275, linkage: 'average' }), texts),
    );
  });
});
