/**
 * The product's clusterTexts as a method of the harness (measure.ts): each brand's replies normalised and
 * clustered at once, as canned() does; the pairwise rule on the word-pair Jaccard matrix.
 */
import { clusterTexts, type ClusterOptions } from '../../src/analysis/cluster.js';
import { normaliseReply } from '../../src/analysis/normalise.js';
import type { Method } from './measure.js';
import { wordPairJaccard } from './similarity.js';

export interface ProductOptions extends Omit<ClusterOptions, 'similarity'> {
  name?: string;
  /** The brand's similarity matrix (a cached one in the harness). */
  matrix?: Method['matrix'];
}

/** clusterTexts at `similarity`; linkage and method left out are the product's defaults. */
export function productMethod(
  similarity: number,
  { name, matrix = (_brand, texts) => wordPairJaccard(texts), ...options }: ProductOptions = {},
): Method {
  return {
    name: name ?? `product: clusterTexts, ${options.linkage ?? 'default'} linkage`,
    params: `t = ${similarity}`,
    matrix,
    threshold: similarity,
    cluster: (_m, texts) =>
      clusterTexts(
        texts.map((t) => normaliseReply(t).text),
        { similarity, ...options },
      ),
  };
}
