/**
 * Canned responses: replies clustered into templates.
 *
 * Each reply becomes the set of its shingles (word pairs, see shingles.ts); a template is a group of
 * replies whose mean Jaccard similarity, over every pair of its replies, is at least `similarity` (the
 * setting cannedSimilarity, default 0.275): near-identical replies form cores, and cores merge by average
 * link (cluster.ts, core-average.ts), so one close pair cannot chain two scripts into one template, and a
 * script whose fixed part is short still gathers its replies when they are alike on average. A cluster of
 * at least `minClusterSize` replies is a template.
 */
import type { CannedMetrics, Post } from '../model/index.js';
import { displayReply, normaliseReply, type NormalisedReply } from './normalise.js';
import { clusterTexts } from './cluster.js';
import { MAX_MEMBERS, skeletonText } from './skeleton-text.js';
import { tally } from './tally.js';
import { round } from './time.js';

export interface CannedInput {
  replies: Post[];
  similarity: number;
  minClusterSize: number;
  maxTemplates?: number;
}

/** A reply's raw text and date with its normalised form, computed once. */
export type NormalisedText = { raw: string; createdAt: string | null } & NormalisedReply;

type CannedResult = Omit<CannedMetrics, 'medianResponseMinutes' | 'p90ResponseMinutes' | 'responseTimesMeasured'>;

/** What canned() gives where replies cannot be seen. */
export const NO_CANNED: CannedResult = {
  repliesAnalyzed: null,
  cannedReplies: null,
  cannedRatio: null,
  templateCount: null,
  templatesPer1000Replies: null,
  top5Coverage: null,
  templates: [],
  signatures: [],
};

export function canned({ replies, similarity, minClusterSize, maxTemplates = 5 }: CannedInput): CannedResult {
  const normalised: NormalisedText[] = replies.map((r) => ({
    raw: r.text,
    createdAt: r.createdAt,
    ...normaliseReply(r.text),
  }));
  const analysed = normalised.filter((n) => n.text !== '').length;
  const clusters =
    analysed === 0
      ? []
      : clusterTexts(
          normalised.map((n) => n.text),
          { similarity, minTemplate: minClusterSize },
        ).filter((c) => c.length >= minClusterSize);
  const inTemplate = new Uint8Array(normalised.length);
  for (const c of clusters) for (const i of c) inTemplate[i] = 1;

  const cannedBy = new Map(tally(normalised.flatMap((n, i) => (n.signature && inTemplate[i] ? [n.signature] : []))));
  const signatures = tally(normalised.flatMap((n) => (n.signature ? [n.signature] : []))).map(([tag, count]) => ({
    tag,
    count,
    templateShare: round((cannedBy.get(tag) ?? 0) / count, 4),
  }));
  if (analysed === 0) return { ...NO_CANNED, repliesAnalyzed: 0, cannedReplies: 0, templateCount: 0, signatures };

  const found = clusters
    .map((c) => {
      const dates = c.flatMap((i) => normalised[i]!.createdAt ?? []).sort();
      return {
        members: c,
        text: tally(c.map((i) => displayReply(normalised[i]!.raw)))[0]![0],
        count: c.length,
        share: round(c.length / analysed, 4),
        firstSeenAt: dates[0] ?? null,
        lastSeenAt: dates.at(-1) ?? null,
      };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const inTemplates = found.reduce((sum, t) => sum + t.count, 0);
  // only the templates shown get a skeleton and their signers: the alignment is the costly part
  const top = found.slice(0, maxTemplates).map(({ members, text, count, share, firstSeenAt, lastSeenAt }) => ({
    text,
    skeleton: skeletonOf(members, normalised),
    count,
    share,
    firstSeenAt,
    lastSeenAt,
    signedBy: tally(members.flatMap((i) => normalised[i]!.signature ?? [])).map(([tag]) => tag),
  }));
  return {
    repliesAnalyzed: analysed,
    cannedReplies: inTemplates,
    cannedRatio: round(inTemplates / analysed, 4),
    templateCount: found.length,
    templatesPer1000Replies: round((found.length / analysed) * 1000, 2),
    top5Coverage: round(top.reduce((sum, t) => sum + t.count, 0) / analysed, 4),
    templates: top,
    signatures,
  };
}

/** The script of a template's first MAX_MEMBERS replies, as shown (links masked), each with its signature last. */
function skeletonOf(members: number[], normalised: NormalisedText[]): string {
  const texts = members.slice(0, MAX_MEMBERS).map((i) => {
    const n = normalised[i]!;
    const shown = displayReply(n.raw, 1000);
    return n.signature ? `${shown} ${n.signature}` : shown;
  });
  const skeleton = skeletonText(texts);
  return skeleton.length > 300 ? `${skeleton.slice(0, 299)}…` : skeleton;
}
