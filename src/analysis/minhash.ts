/**
 * MinHash signatures and LSH banding, for near-duplicate search that scales linearly.
 *
 * A signature is the minimum of 128 hash functions h_k(x) = (a_k·x + b_k) mod 2³² over a reply's
 * shingles (32-bit arithmetic with Math.imul, in one Uint32Array). Two sets agree on one signature
 * position with probability equal to their Jaccard similarity s. Splitting the signature into b bands
 * of r rows and bucketing each band makes a pair a candidate with probability 1 − (1 − s^r)^b: an
 * S-curve whose steep part sits near (1/b)^(1/r). `bandsFor` picks, among the splits of 128, the one
 * whose curve passes the threshold t with at least 98% of pairs at t found (clusters are connected
 * components, so a pair missed in every band is usually still joined through a third reply; every
 * candidate is verified by exact Jaccard afterwards, so false candidates cost time, never accuracy).
 * The coefficients come from a fixed seed: the result never changes between runs.
 */

export const PERMUTATIONS = 128;
/** A pair exactly at the threshold becomes a candidate at least this often. */
export const MIN_RECALL_AT_THRESHOLD = 0.98;

/** Fixed odd multipliers and offsets for the 128 hash functions (splitmix32 from a constant seed). */
const COEFFICIENTS = (() => {
  const out = new Uint32Array(PERMUTATIONS * 2);
  let state = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    out[i] = i % 2 === 0 ? z | 1 : z;
  }
  return out;
})();

/**
 * The 128-value MinHash signature of a set of shingle hashes. One hash function at a time over the whole set,
 * so each minimum stays in a local variable (about three times as fast as updating all 128 minima per shingle,
 * with the same values). The product bands the hash functions' minima one band at a time (bandColumn); the
 * whole signature is what they estimate Jaccard similarity with.
 */
export function signature(shingles: Uint32Array, out = new Uint32Array(PERMUTATIONS)): Uint32Array {
  for (let k = 0; k < PERMUTATIONS; k++) out[k] = minHash(shingles, 0, shingles.length, k);
  return out;
}

/** Hash function k's minimum over set[start..end). */
function minHash(set: Uint32Array, start: number, end: number, k: number): number {
  const a = COEFFICIENTS[2 * k]!;
  const b = COEFFICIENTS[2 * k + 1]!;
  let min = 0xffffffff;
  for (let s = start; s < end; s++) {
    const h = (Math.imul(a, set[s]!) + b) >>> 0;
    if (h < min) min = h;
  }
  return min;
}

/** An LSH banding: `bands` bands of `rows` signature values each. */
export interface Banding {
  bands: number;
  rows: number;
}

/** Probability that a pair of similarity s becomes a candidate with b bands of r rows. */
export const candidateProbability = (s: number, bands: number, rows: number): number => 1 - (1 - s ** rows) ** bands;

/**
 * The banding for a similarity threshold: the most rows per band (fewest false candidates) for which a
 * pair right at the threshold is still found with probability ≥ 0.98; bands = ⌊128 / rows⌋.
 */
export function bandsFor(threshold: number): Banding {
  let best = { bands: PERMUTATIONS, rows: 1 };
  for (let rows = 1; rows <= 32; rows++) {
    const bands = Math.floor(PERMUTATIONS / rows);
    if (candidateProbability(threshold, bands, rows) >= MIN_RECALL_AT_THRESHOLD) best = { bands, rows };
  }
  return best;
}

const BAND_SEED = 0x811c9dc5;
const BAND_PRIME = 0x01000193;

/**
 * One band's keys at a time, computed from the packed shingle sets (of the texts `ids`, or of every text):
 * `(band, out)` writes each text's key of that band — a hash of the band's rows of its signature — into
 * `out`. Only one band's keys are held, where all of them took 124 MB at 10⁶ replies (42 bands of 3), and
 * each hash function is still computed once per text.
 */
export function bandColumn(
  { flat, starts }: { flat: Uint32Array; starts: Uint32Array },
  rows: number,
  ids?: Uint32Array,
): (band: number, out: Uint32Array) => void {
  return (band, out) => {
    for (let k = 0; k < out.length; k++) {
      const i = ids ? ids[k]! : k;
      const [start, end] = [starts[i]!, starts[i + 1]!];
      let h = BAND_SEED ^ band;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ minHash(flat, start, end, band * rows + r), BAND_PRIME);
      out[k] = h >>> 0;
    }
  };
}
