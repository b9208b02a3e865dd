/**
 * Canned responses: replies clustered as near-duplicates.
 *
 * Two replies are near-duplicates when the Jaccard similarity of their shingles (word 3-grams, see
 * shingles.ts) is at least `similarity` (default 0.6). Clusters are the connected components of that
 * relation (cluster.ts: exact for small inputs, MinHash-LSH with verified pairs for large ones), so a
 * template is a chain of replies each near-identical to another. A cluster of at least
 * `minClusterSize` replies is a template.
 */
import type { CannedMetrics, Post } from '../model/index.js';
import { displayReply, normaliseReply, type NormalisedReply } from './normalise.js';
import { clusterTexts } from './cluster.js';
import { tally } from './tally.js';
import { round } from './time.js';

export interface CannedInput {
  replies: Post[];
  similarity: number;
  minClusterSize: number;
  maxTemplates?: number;
}

/** A reply's raw text with its normalised form, computed once. */
export type NormalisedText = { raw: string } & NormalisedReply;

/** Clusters of near-duplicate replies (cluster.ts), each with its replies' raw texts. Empty normalised texts are skipped. */
export function clusterReplies(replies: NormalisedText[], similarity: number): Array<{ size: number; raws: string[] }> {
  return clusterTexts(
    replies.map((r) => r.text),
    { similarity },
  ).map((members) => ({ size: members.length, raws: members.map((i) => replies[i]!.raw) }));
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
