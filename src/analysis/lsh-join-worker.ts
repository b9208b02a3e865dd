/** A worker thread of lsh-join.ts: joins its group of bands and hands back each text's root. */
import { serve } from './fan-out-worker.js';
import { type JoinShare, joinGroup } from './lsh-join.js';

serve((share: JoinShare) => {
  const roots = joinGroup(share);
  return { result: roots, transfer: [roots.buffer as ArrayBuffer] };
});
