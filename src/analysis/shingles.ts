/**
 * Shingles of a normalised reply, hashed to 32-bit integers: its word pairs (2-grams; a one-word reply,
 * its word) — the same scheme at every length, so a short template and its longer variant share
 * shingles and can meet. Measured on a hand-checked list of real template pairs and near misses from
 * the twcs corpus (docs/measuring.md, "Canned replies: what counts as one template"): at the default similarity
 * this finds 49% of the template pairs with no false pair, where the former scheme (2-grams below 10
 * words, 3-grams above, never compared with each other) found 24% at its default. Words and word pairs
 * together found more (64% at 0.45) but made the exact join several times slower on template-heavy
 * replies, and a lower threshold chains different templates together. Text without spaces between words
 * (Japanese, Chinese, Thai) is shingled by character bigrams instead, so it is compared on its content,
 * not as one giant "word".
 */

/** The word n-gram size every reply of two words or more is shingled with. */
const PAIRS = 2;
const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** FNV-1a, 32-bit, with Math.imul: the hash of a shingle. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The distinct shingle hashes of a normalised text (lower-case words joined by single spaces), sorted. */
export function shingles(text: string): Uint32Array {
  if (!SPACELESS.test(text)) return shinglesOfWords(text.split(' ').filter(Boolean));
  const chars = [...text.replace(/\s+/g, '')];
  return distinctSorted(
    chars.length < 2 ? [hash32(chars.join(''))] : chars.slice(1).map((c, i) => hash32(chars[i]! + c)),
  );
}

/** Whether a normalised text is shingled by characters (it has no spaces between words). */
export const isSpaceless = (text: string): boolean => SPACELESS.test(text);

/** The distinct shingle hashes of a text's words (word pairs; one word, itself), sorted. */
export function shinglesOfWords(text: readonly string[]): Uint32Array {
  // each word hashed once; an n-gram's hash mixes its words' hashes in order
  const words = text.map((w) => hash32(w));
  const n = words.length < PAIRS ? 1 : PAIRS;
  const hashes: number[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    let h = 0x9e3779b9 ^ n;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ words[i + k]!, 0x01000193) ^ (h >>> 15);
    hashes.push(h >>> 0);
  }
  return distinctSorted(hashes);
}

function distinctSorted(hashes: number[]): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  // distinct values, in place
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.subarray(0, m);
}

/** How many values two sorted, distinct shingle arrays share (a merge walk). */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Exact Jaccard similarity of two sorted, distinct shingle arrays. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

/**
 * The fewest shared shingles with which sets of these sizes reach Jaccard `floor`, found by the very expression
 * that gives the similarity (shared / (sizes − shared)), so a count at or above it is the same decision as
 * comparing the similarity with the floor.
 */
export function overlapFor(sizeA: number, sizeB: number, floor: number): number {
  const sizes = sizeA + sizeB;
  let need = Math.max(0, Math.ceil((floor * sizes) / (1 + floor)) - 1);
  while (need / (sizes - need) < floor) need++;
  return need;
}

/**
 * Exact Jaccard similarity of two sorted, distinct ranges — a[aFrom..aTo) and b[bFrom..bTo) — when it is at least
 * `floor`, else 0: the walk stops as soon as the shingles left cannot reach the count the floor needs (most
 * candidates of a join at a low floor are far below it).
 */
export function jaccardAtLeast(
  a: Uint32Array,
  aFrom: number,
  aTo: number,
  b: Uint32Array,
  bFrom: number,
  bTo: number,
  floor: number,
): number {
  const sizes = aTo - aFrom + (bTo - bFrom);
  if (sizes === 0) return 1;
  const need = overlapFor(aTo - aFrom, bTo - bFrom, floor);
  // plain variables, not destructured: this is the joins' innermost loop
  let i = aFrom;
  let j = bFrom;
  let shared = 0;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
      continue;
    }
    if (x < y) i++;
    else j++;
    if (shared + Math.min(aTo - i, bTo - j) < need) return 0;
  }
  return shared < need ? 0 : shared / (sizes - shared);
}
