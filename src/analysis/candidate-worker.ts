/** A worker thread of core-average.ts: the candidate search over its share of the bands (candidate-search.ts). */
import { type CandidateShare, candidatesInBands } from './candidate-search.js';
import { serve } from './fan-out-worker.js';

serve((share: CandidateShare) => {
  const result = candidatesInBands(share);
  return { result, transfer: [result.buffer as ArrayBuffer] };
});
