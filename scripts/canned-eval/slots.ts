/**
 * Rare words are slots (issue 34 item 1, thirteenth session; docs/canned-eval.md, thirteenth session).
 * A template's fixed part is what the brand writes again and again; what an agent fills in — a customer's
 * name, their product, a one-off phrase of the opener — is written in few of the brand's replies. So each
 * word of a reply that fewer than `minReplies` of the brand's replies contain is replaced by one slot mark
 * ("hi emma we have replied" and "hi biyanka we have replied" are both "hi _ we have replied"), a run of
 * such words by one mark, and the word pairs of what is left are clustered as the product clusters (its
 * average linkage). Optionally the stop words are dropped first (lexical.ts).
 */
import { clusterTexts } from '../../src/analysis/cluster.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { jaccardSorted, shingles } from '../../src/analysis/shingles.js';
import { STOP_WORDS } from '../../src/analysis/stragglers.js';
import type { Method } from './measure.js';
import { type Matrix, matrixOf } from './similarity.js';

export interface SlotParams {
  /** A word in fewer of the brand's replies than this is a slot (1: no slots). */
  minReplies: number;
  /** Drop the stop words first. */
  stop: boolean;
}

export const SLOT = '_';

/** The brand's normalised replies with their rare words as slot marks. */
export function slotted(texts: readonly string[], p: SlotParams): string[] {
  const words = texts.map((t) => {
    const w = t.split(' ').filter(Boolean);
    return p.stop ? w.filter((x) => !STOP_WORDS.has(x)) : w;
  });
  const df = new Map<string, number>();
  for (const w of words) for (const x of new Set(w)) df.set(x, (df.get(x) ?? 0) + 1);
  return words.map((w) => {
    const out: string[] = [];
    for (const x of w) {
      const y = df.get(x)! < p.minReplies ? SLOT : x;
      if (y !== SLOT || out[out.length - 1] !== SLOT) out.push(y);
    }
    return out.join(' ');
  });
}

export const describeSlots = (p: SlotParams) =>
  `rare words as slots (in < ${p.minReplies} of the brand's replies)${p.stop ? ', stop words out' : ''}, average link`;

/** One variant at one threshold; each brand's slotted texts and matrix made once per variant. */
export function slotMethods(grid: readonly SlotParams[], thresholds: readonly number[]): Method[] {
  const made = new Map<string, { texts: string[]; m: Matrix }>();
  const of = (brand: string, texts: readonly string[], p: SlotParams) => {
    const k = `${p.minReplies}|${p.stop}|${brand}`;
    let hit = made.get(k);
    if (!hit) {
      const s = slotted(
        texts.map((t) => normaliseReply(t).text),
        p,
      );
      const sets = s.map(shingles);
      hit = { texts: s, m: matrixOf(s.length, (i, j) => jaccardSorted(sets[i]!, sets[j]!)) };
      made.set(k, hit);
    }
    return hit;
  };
  const brandOf = new Map<Matrix, string>();
  return grid.flatMap((p) =>
    thresholds.map(
      (t): Method => ({
        name: describeSlots(p),
        params: `t = ${t}`,
        threshold: t,
        matrix: (brand, texts) => {
          const { m } = of(brand, texts, p);
          brandOf.set(m, brand);
          return m;
        },
        cluster: (m, texts) =>
          clusterTexts(of(brandOf.get(m)!, texts, p).texts, {
            similarity: t,
            method: 'exact',
            linkage: 'average',
            followers: false,
          }),
      }),
    ),
  );
}

export const SLOT_GRID: SlotParams[] = [1, 2, 3, 4, 6].flatMap((minReplies) =>
  [false, true].map((stop) => ({ minReplies, stop })),
);
