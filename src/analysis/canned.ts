/**
 * Canned responses: replies clustered as near-duplicates.
 *
 * Method (exact, O(u²) in the number u of distinct normalised replies): two replies are near-duplicates
 * when the Jaccard similarity of their word sets is at least `similarity` (default 0.8). Clusters are the
 * connected components of that relation (union-find), so a template is a chain of replies each
 * near-identical to another. A cluster of at least `minClusterSize` replies is a template.
 */
import type { CannedMetrics, Post } from '../model/index.js';
import { displayReply, normaliseReply, type NormalisedReply } from './normalise.js';
import { tally } from './tally.js';
import { round } from './time.js';

export interface CannedInput {
  replies: Post[];
  similarity: number;
  minClusterSize: number;
  maxTemplates?: number;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Group {
  words: Set<string>;
  raws: string[];
}

/** A reply's raw text with its normalised form, computed once. */
export type NormalisedText = { raw: string } & NormalisedReply;

/** Groups of identical normalised replies, then clusters of near-duplicate groups. Empty normalised texts are skipped. */
export function clusterReplies(replies: NormalisedText[], similarity: number): Array<{ size: number; raws: string[] }> {
  const groups = new Map<string, Group>();
  for (const { raw, text } of replies) {
    if (!text) continue;
    let g = groups.get(text);
    if (!g) groups.set(text, (g = { words: new Set(text.split(' ')), raws: [] }));
    g.raws.push(raw);
  }
  const list = [...groups.values()];
  const uf = new UnionFind(list.length);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!.words;
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j]!.words;
      // Jaccard can be at most min/max of the set sizes: skip pairs that cannot reach the threshold
      if (Math.min(a.size, b.size) < similarity * Math.max(a.size, b.size)) continue;
      if (jaccard(a, b) >= similarity) uf.union(i, j);
    }
  }
  const clusters = new Map<number, string[]>();
  list.forEach((g, i) => {
    const root = uf.find(i);
    const raws = clusters.get(root);
    if (raws) raws.push(...g.raws);
    else clusters.set(root, [...g.raws]);
  });
  return [...clusters.values()].map((raws) => ({ size: raws.length, raws }));
}

export function canned({ replies, similarity, minClusterSize, maxTemplates = 5 }: CannedInput): Omit<CannedMetrics, 'medianResponseMinutes' | 'p90ResponseMinutes' | 'responseTimesMeasured'> {
  const normalised: NormalisedText[] = replies.map((r) => ({ raw: r.text, ...normaliseReply(r.text) }));
  const analysed = normalised.filter((n) => n.text !== '').length;
  const signatures = tally(normalised.flatMap((n) => (n.signature ? [n.signature] : []))).map(([tag, count]) => ({ tag, count }));
  if (analysed === 0) return { repliesAnalyzed: 0, cannedRatio: null, templates: [], signatures };

  const templates = clusterReplies(normalised, similarity)
    .filter((c) => c.size >= minClusterSize)
    .map((c) => ({ text: tally(c.raws.map((r) => displayReply(r)))[0]![0], count: c.size }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const inTemplates = templates.reduce((sum, t) => sum + t.count, 0);
  return {
    repliesAnalyzed: analysed,
    cannedRatio: round(inTemplates / analysed, 4),
    templates: templates.slice(0, maxTemplates).map((t) => ({ ...t, share: round(t.count / analysed, 4) })),
    signatures,
  };
}
