/**
 * Shingles of a normalised reply, hashed to 32-bit integers: word 3-grams, falling back to 2-grams and
 * single words for short replies; text without spaces between words (Japanese, Chinese, Thai) is
 * shingled by characters (bigrams) instead, so it is compared on its content, not as one giant "word".
 */

/** Words at which a reply is long enough for 3-grams, and for 2-grams. */
const TRIGRAM_WORDS = 10;
const BIGRAM_WORDS = 5;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

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
  const grams: string[] = [];
  if (SPACELESS.test(text)) {
    const chars = [...text.replace(/\s+/g, '')];
    if (chars.length < 2) grams.push(chars.join(''));
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  } else {
    const words = text.split(' ').filter(Boolean);
    const n = words.length >= TRIGRAM_WORDS ? 3 : words.length >= BIGRAM_WORDS ? 2 : 1;
    for (let i = 0; i + n <= words.length; i++) grams.push(words.slice(i, i + n).join(' '));
  }
  const set = new Set(grams.map((g) => hash32(g)));
  return Uint32Array.from(set).sort();
}

/** Exact Jaccard similarity of two sorted, distinct shingle arrays (a merge walk). */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
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
  return shared / (a.length + b.length - shared);
}
