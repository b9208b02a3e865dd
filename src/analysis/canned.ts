/**
 * Canned responses: replies clustered as near-duplicates.
 *
 * Method (exact, O(u²) in the number u of distinct normalised replies): two replies are near-duplicates
 * when the Jaccard similarity of their word sets is at least `similarity` (default 0.8). Clusters are the
 * connected components of that relation (union-find), so a template is a chain of replies each
 * near-identical to another. A cluster of at least `minClusterSize` replies is a template.
 */
import type { CannedMetrics, Post } from '../model/index.js';
import { displayReply, normaliseReply } from './normalise.js';
import { median, round } from './time.js';

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
  text: string;
  words: Set<string>;
  raws: string[];
}

/** Groups of identical normalised replies, then clusters of near-duplicate groups. */
export function clusterReplies(texts: string[], similarity: number): Array<{ size: number; raws: string[] }> {
  const groups = new Map<string, Group>();
  for (const raw of texts) {
    const { text } = normaliseReply(raw);
    if (!text) continue;
    let g = groups.get(text);
    if (!g) groups.set(text, (g = { text, words: new Set(text.split(' ')), raws: [] }));
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
    clusters.set(root, [...(clusters.get(root) ?? []), ...g.raws]);
  });
  return [...clusters.values()].map((raws) => ({ size: raws.length, raws }));
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

export function canned({ replies, similarity, minClusterSize, maxTemplates = 5 }: CannedInput): Omit<CannedMetrics, 'medianResponseMinutes' | 'responseTimesMeasured'> {
  const texts = replies.map((r) => r.text).filter((t) => normaliseReply(t).text !== '');
  const signatureCounts = new Map<string, number>();
  for (const r of replies) {
    const { signature } = normaliseReply(r.text);
    if (signature) signatureCounts.set(signature, (signatureCounts.get(signature) ?? 0) + 1);
  }
  const signatures = [...signatureCounts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  if (texts.length === 0) return { repliesAnalyzed: 0, cannedRatio: null, templates: [], signatures };

  const templates = clusterReplies(texts, similarity)
    .filter((c) => c.size >= minClusterSize)
    .map((c) => ({ text: mostCommon(c.raws.map((r) => displayReply(r))), count: c.size }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const inTemplates = templates.reduce((sum, t) => sum + t.count, 0);
  return {
    repliesAnalyzed: texts.length,
    cannedRatio: round(inTemplates / texts.length, 4),
    templates: templates.slice(0, maxTemplates).map((t) => ({ ...t, share: round(t.count / texts.length, 4) })),
    signatures,
  };
}

/** Median minutes between the post replied to and the reply, where the source tells both. */
export function responseTimes(replies: Post[]): { medianResponseMinutes: number | null; responseTimesMeasured: number } {
  const minutes = replies.flatMap((r) => {
    if (!r.createdAt || !r.inReplyToCreatedAt) return [];
    const m = (Date.parse(r.createdAt) - Date.parse(r.inReplyToCreatedAt)) / 60_000;
    return Number.isFinite(m) && m >= 0 ? [m] : [];
  });
  const med = median(minutes);
  return { medianResponseMinutes: med === null ? null : round(med, 1), responseTimesMeasured: minutes.length };
}
