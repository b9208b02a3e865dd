/**
 * The LSH search for candidate core pairs (core-average.ts) over some of the bands: a band's buckets are
 * found and checked on their own, so the bands can be split over threads (candidate-worker.ts) and the
 * union of their pairs is the same however they are split. Each thread computes only the signature rows
 * of its own bands.
 */
import { bandColumn } from './minhash.js';
import { jaccardFrom, type PackedSets } from './lsh-join.js';
import { forEachBucket } from './radix.js';

/**
 * The banding candidates between cores are found with: the floor's (64 bands of 2 rows: a pair at 0.25 is
 * a candidate 98% of the time). 42 bands of 3 (the former default similarity's) were twice as fast on the
 * bench corpus, but found a pair at 0.25 only 48% of the time, and on the twcs brands the LSH path then
 * lost a tenth of the exact path's same-template pairs (docs/canned-eval.md).
 */
export const CANDIDATE_BANDING = { bands: 64, rows: 2 };
/**
 * In an LSH bucket, each core is checked against the next BUCKET_WINDOW cores in it (by id), not against
 * all: a bucket of thousands of texts sharing a stock phrase would otherwise cost the square of its size
 * (a real pair shares several bands and is found through one of them; 16 found the same templates as 64
 * on the twcs brands and on the bench corpus, in two thirds of the time at 10⁵).
 */
const BUCKET_WINDOW = 16;

/**
 * A bucket of more than this many cores is passed over: a band two minimum hashes long that so many texts
 * share is a stock phrase's, and a real pair is found through its other bands (a pair at 0.275 shares 5
 * of the 64 on average). Checking each core against BUCKET_WINDOW neighbours in such a bucket found a
 * random sliver of its pairs: at 10⁶ replies it cost 92 of the search's 122 million checks, and passing
 * over buckets of more than 64 cores kept pair recall against the exact method at 0.9961 at 10⁵
 * (docs/canned-eval.md).
 */
const STOP_BUCKET = 64;

/** One thread's part of the search. */
export interface CandidateShare {
  /** Every distinct text's shingle set (shared memory when the search is split). */
  sets: PackedSets;
  /** The sampled texts (ids into `sets`), numbered core by core, each core's most repeated first. */
  ids: Uint32Array;
  /** The core of each sampled text. */
  coreOf: Uint32Array;
  cores: number;
  floor: number;
  /** The bands searched: from..to of CANDIDATE_BANDING's. */
  from: number;
  to: number;
}

/** Core pairs two of whose sampled texts share a bucket and have Jaccard ≥ floor, as pairKeys. */
export function candidatesInBands({ sets, ids, coreOf, cores, floor, from, to }: CandidateShare): Float64Array {
  const found: number[] = [];
  // a bucket's texts, one per core: the bucket is in ascending order, and sampled texts are numbered core by
  // core, most repeated first, so a core's first text in the bucket is its best
  const byCore: number[] = [];
  forEachBucket(
    ids.length,
    bandColumn(sets, CANDIDATE_BANDING.rows, ids),
    (order, start, end) => {
      byCore.length = 0;
      for (let k = start; k < end; k++)
        if (byCore.length === 0 || coreOf[order[k]!] !== coreOf[byCore.at(-1)!]) byCore.push(order[k]!);
      const u = byCore.length;
      if (u > STOP_BUCKET) return;
      for (let x = 0; x < u; x++)
        for (let y = x + 1; y < Math.min(u, x + 1 + BUCKET_WINDOW); y++) {
          const [i, j] = [byCore[x]!, byCore[y]!];
          if (jaccardFrom(sets, ids[i]!, ids[j]!, floor) >= floor) found.push(keyOf(coreOf[i]!, coreOf[j]!, cores));
        }
    },
    from,
    to,
  );
  return pairKeys(found);
}

/** Unordered core pairs x < y as keys x · cores + y. */
export const keyOf = (x: number, y: number, cores: number) => Math.min(x, y) * cores + Math.max(x, y);

/** Pair keys sorted, each once (a copy of `found`). */
export const pairKeys = (found: ArrayLike<number>): Float64Array => sortedOnce(Float64Array.from(found));

/** Keys sorted, each once, in place: the array's first part. */
export function sortedOnce(keys: Float64Array): Float64Array {
  keys.sort();
  let m = 0;
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[m - 1]) keys[m++] = keys[k]!;
  return keys.subarray(0, m);
}
