/**
 * Items 0..n−1 ordered by a 32-bit key, ties in index order: a stable LSD radix sort on two 16-bit
 * digits, linear in n (an LSH band of 10⁶ texts sorts in milliseconds, where a comparison sort of
 * packed doubles took ~100 ms).
 */
const DIGIT = 1 << 16;

/**
 * Writes into `order` the indices 0..n−1 sorted by `keys[i]`, and into `sorted` the keys in that order;
 * `scratch` must hold n values.
 */
export function sortByKey(keys: Uint32Array, order: Uint32Array, sorted: Uint32Array, scratch: Uint32Array): void {
  const n = keys.length;
  const counts = new Uint32Array(DIGIT);
  // pass 1: low digit, from the identity order into scratch
  for (let i = 0; i < n; i++) counts[keys[i]! & 0xffff]!++;
  prefixSums(counts);
  for (let i = 0; i < n; i++) scratch[counts[keys[i]! & 0xffff]!++] = i;
  // pass 2: high digit, from scratch into order (stable: low-digit order kept within equal high digits)
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i]! >>> 16]!++;
  prefixSums(counts);
  for (let k = 0; k < n; k++) {
    const i = scratch[k]!;
    const at = counts[keys[i]! >>> 16]!++;
    order[at] = i;
    sorted[at] = keys[i]!;
  }
}

/** Counts → the start of each digit's run, in place. */
function prefixSums(counts: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
}

/** Writes each item's key of band `band` into `out` (minhash.ts's bandColumn). */
export type BandKeys = (band: number, out: Uint32Array) => void;

/**
 * Every LSH bucket of `n` items: for each band `from`..`to`, the items ordered by that band's key
 * (`column`), and `visit(order, start, end)` called for each run of two or more equal keys (ascending
 * indices within a run).
 */
export function forEachBucket(
  n: number,
  column: BandKeys,
  visit: (order: Uint32Array, start: number, end: number) => void,
  from: number,
  to: number,
): void {
  const keys = new Uint32Array(n);
  const order = new Uint32Array(n);
  const sorted = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  for (let band = from; band < to; band++) {
    column(band, keys);
    sortByKey(keys, order, sorted, scratch);
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && sorted[end] === sorted[start]) end++;
      if (end - start > 1) visit(order, start, end);
      start = end;
    }
  }
}

/** Share k of `parts` of the bands 0..bands, as forEachBucket's `from`..`to` (the split of bands over threads). */
export const bandShare = (k: number, parts: number, bands: number): { from: number; to: number } => ({
  from: Math.floor((k * bands) / parts),
  to: Math.floor(((k + 1) * bands) / parts),
});
