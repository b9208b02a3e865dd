/**
 * The sketch of each distinct text for MinHash-LSH: its shingle set and the keys of its LSH bands. For
 * many texts the work is split across worker threads (one per extra core) and joined synchronously,
 * so clustering stays a pure, synchronous function; every text is sketched on its own, so the result
 * is the same however the work is split.
 */
import { availableParallelism } from 'node:os';
import { bandKeys, PERMUTATIONS, signature } from './minhash.js';
import { fanOut, threadsUsable } from './fan-out.js';
import { type PackedTexts, packTexts, type TextList } from './packed-texts.js';
import { shingles } from './shingles.js';

/** Shingle sets packed end to end (text i is flat[starts[i]..starts[i+1])), and bands keys per text. */
export interface Sketches {
  flat: Uint32Array;
  starts: Uint32Array;
  keys: Uint32Array<ArrayBufferLike>;
}

export interface Banding {
  bands: number;
  rows: number;
}

/** Built next to this module (dist/analysis/); absent when running the TypeScript sources directly. */
const WORKER = new URL('./sketch-worker.js', import.meta.url);

/**
 * Sketches of `texts`, in one thread. The band keys are written into `keys` from text `offset` on when it
 * is given (a worker's share of one shared array: no copy of the largest part, 42 keys a text, when the
 * shares are joined); `trim` false leaves the shingle array its spare room (a share's is copied anyway).
 */
export function sketch(
  texts: TextList,
  { bands, rows }: Banding,
  keys: Uint32Array<ArrayBufferLike> = new Uint32Array(texts.length * bands),
  offset = 0,
  trim = true,
): Sketches {
  const starts = new Uint32Array(texts.length + 1);
  const sig = new Uint32Array(PERMUTATIONS);
  let flat = new Uint32Array(texts.length * 16);
  let used = 0;
  for (let i = 0; i < texts.length; i++) {
    const set = shingles(texts.at(i)!);
    if (used + set.length > flat.length) {
      const grown = new Uint32Array(Math.max(flat.length * 2, used + set.length));
      grown.set(flat.subarray(0, used));
      flat = grown;
    }
    flat.set(set, used);
    used += set.length;
    starts[i + 1] = used;
    bandKeys(signature(set, sig), bands, rows, keys, (offset + i) * bands);
  }
  return { flat: trim ? flat.slice(0, used) : flat.subarray(0, used), starts, keys };
}

/** Threads to sketch `n` texts with (fan-out.ts). */
export const threadsFor = (n: number, threads = availableParallelism()): number => threadsUsable(n, WORKER, threads);

/**
 * Sketches of `texts`, split over `threads` threads (fan-out.ts; the calling one does the last part). The
 * band keys live in one shared array each thread writes its share of; the shingle sets are joined
 * afterwards, into shared memory (so later steps can hand them to workers without a copy).
 */
export function sketchAll(texts: readonly string[], banding: Banding, threads = threadsFor(texts.length)): Sketches {
  if (threads <= 1) return sketch(texts, banding);
  const keys = new Uint32Array(new SharedArrayBuffer(texts.length * banding.bands * 4));
  const per = Math.ceil(texts.length / threads);
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < texts.length; from += per) ranges.push([from, Math.min(from + per, texts.length)]);
  const shares = ranges.map(([from, to], k) => ({
    // the last share is this thread's: its texts are not packed
    data: k < ranges.length - 1 ? { texts: packTexts(texts, from, to), banding, keys, offset: from } : null,
    size: to - from,
  }));
  const parts = fanOut<SketchShare | null, SetsPart>(WORKER, shares, (k) => {
    const [from, to] = ranges[k]!;
    return sketch(texts.slice(from, to), banding, keys, from, false);
  });
  return { ...joinSets(parts), keys };
}

/** A worker's share: its texts, packed, and where its band keys go. */
export interface SketchShare {
  texts: PackedTexts;
  banding: Banding;
  keys: Uint32Array;
  offset: number;
}

/** A share's shingle sets (its band keys are in the shared array). */
type SetsPart = Pick<Sketches, 'flat' | 'starts'>;

function joinSets(parts: SetsPart[]): SetsPart {
  const n = parts.reduce((sum, p) => sum + p.starts.length - 1, 0);
  const flat = new Uint32Array(new SharedArrayBuffer(parts.reduce((sum, p) => sum + p.flat.length, 0) * 4));
  const starts = new Uint32Array(new SharedArrayBuffer((n + 1) * 4));
  let text = 0;
  let used = 0;
  for (const part of parts) {
    const count = part.starts.length - 1;
    flat.set(part.flat, used);
    for (let i = 1; i <= count; i++) starts[text + i] = used + part.starts[i]!;
    text += count;
    used += part.flat.length;
  }
  return { flat, starts };
}
