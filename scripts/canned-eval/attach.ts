/**
 * Templates first, then their stragglers (issue 34 item 1, thirteenth session; docs/canned-eval.md,
 * thirteenth session). The product's average linkage forms the templates (clusters of 3+ replies); each reply
 * left in a cluster of fewer than `small` replies then joins the template it is most like on average — the
 * mean similarity of its replies to every reply of the template — when that mean reaches `attach`. A template
 * only ever takes stragglers, never another template, so nothing chains; a looser bar for joining a template
 * than for forming one lets a short script with a changed opener follow it. The similarity for attaching is
 * word-pair Jaccard, or the same with the stop words dropped first (lexical.ts).
 */
import { clusterTexts } from '../../src/analysis/cluster.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import { jaccardSorted, shingles } from '../../src/analysis/shingles.js';
import { STOP_WORDS } from '../../src/analysis/stragglers.js';
import { unitSet } from './lexical.js';
import type { Method } from './measure.js';
import { wordPairJaccard } from './similarity.js';

export interface AttachParams {
  /** The product's average-link threshold, forming the templates. */
  t: number;
  /** The mean similarity a straggler needs to a template to join it. */
  attach: number;
  /** Clusters of fewer replies than this are stragglers. */
  small: number;
  unit: 'pairs' | 'pairs without stop words';
  /** Form the templates on the texts without their stop words too (the attaching unit throughout). */
  stopFirst?: boolean;
}

const setsOf = (norm: readonly string[], unit: AttachParams['unit']) =>
  unit === 'pairs'
    ? norm.map(shingles)
    : norm.map((t) =>
        unitSet(
          t.split(' ').filter((w) => w && !STOP_WORDS.has(w)),
          'pairs',
        ),
      );

export function attachClusters(texts: readonly string[], p: AttachParams): number[][] {
  const norm = texts.map((x) => normaliseReply(x).text);
  const formed = p.stopFirst
    ? norm.map((t) =>
        t
          .split(' ')
          .filter((w) => w && !STOP_WORDS.has(w))
          .join(' '),
      )
    : norm;
  // average link alone (the product's own follow step is what this pass was the model of)
  const clusters = clusterTexts(formed, { similarity: p.t, followers: false });
  const sets = setsOf(norm, p.unit);
  return followByMean(clusters, p.small, p.attach, (i, j) => jaccardSorted(sets[i]!, sets[j]!));
}

/**
 * Templates (clusters of 3+) with their stragglers: each cluster of fewer than `small` replies joins the template
 * whose replies it is most like on average by `similarity`, when that mean reaches `bar`; measured against the
 * templates as formed, so a template never takes another and the order of the stragglers does not matter.
 */
export function followByMean(
  clusters: readonly number[][],
  small: number,
  bar: number,
  similarity: (i: number, j: number) => number,
): number[][] {
  const templates = clusters.filter((g) => g.length >= 3).map((g) => [...g]);
  const formed = templates.map((g) => [...g]);
  const rest: number[][] = [];
  for (const g of clusters) {
    if (g.length >= 3) continue;
    if (g.length >= small) {
      rest.push(g);
      continue;
    }
    let best = -1;
    let bestMean = -1;
    formed.forEach((m, k) => {
      let sum = 0;
      for (const r of g) for (const x of m) sum += similarity(r, x);
      const mean = sum / (g.length * m.length);
      if (mean > bestMean) [best, bestMean] = [k, mean];
    });
    if (best >= 0 && bestMean >= bar) templates[best]!.push(...g);
    else rest.push(g);
  }
  return [...templates, ...rest];
}

export function attachMethod(p: AttachParams): Method {
  return {
    name: `average link${p.stopFirst ? ' without stop words' : ''}, then stragglers attached (${p.unit})`,
    params: `t = ${p.t}, attach at a mean of ${p.attach}, stragglers in clusters of < ${p.small}`,
    threshold: p.t,
    matrix: (_brand, texts) => wordPairJaccard(texts),
    cluster: (_m, texts) => attachClusters(texts, p),
  };
}

/**
 * The grid the tune half chooses from, per unit (each unit one family); t is the product's default unless
 * stopFirst. The form the product runs (a template by its 16 most repeated texts, only along candidate edges:
 * src/analysis/stragglers.ts) is the mode's product row.
 */
export const attachGrid = (unit: AttachParams['unit'], stopFirst = false): AttachParams[] =>
  (stopFirst ? [0.2, 0.225, 0.25, 0.275, 0.3, 0.35] : [0.275]).flatMap((t) =>
    [2, 3].flatMap((small) =>
      [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
        .filter((attach) => attach <= t)
        .map((attach) => ({ t, attach, small, unit, stopFirst })),
    ),
  );
