/** Texts' shingle sets packed end to end (lsh-join.ts's PackedSets), for the join and candidate-search tests. */
import { packLists } from '../../src/analysis/lsh-join.js';
import { shingles } from '../../src/analysis/shingles.js';

export const packedSets = (texts: readonly string[]) => packLists(texts.map((t) => shingles(t)));
