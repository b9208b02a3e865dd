/**
 * The sketch of each distinct text for MinHash-LSH: its shingle set, packed. (Its band keys are computed
 * from it one band at a time where the buckets are joined: minhash.ts's bandColumn.) For many texts the
 * work is split across worker threads (one per extra core) and joined synchronously, so clustering stays a
 * pure, synchronous function; every text is shingled on its own, so the result is the same however the
 * work is split.
 */
import { availableParallelism } from 'node:os';
import { fanOut, threadsUsable } from './fan-out.js';
import type { PackedSets } from './lsh-join.js';
import { type PackedTexts, packTexts, type TextList } from './packed-texts.js';
import { shingles } from './shingles.js';

/** Built next to this module (dist/analysis/); absent when running the TypeScript sources directly. */
const WORKER = new URL('./sketch-worker.js', import.meta.url);

/**
 * The shingle sets of `texts`, in one thread; `trim` false leaves the array its spare room (a worker's
 * share is copied anyway).
 */
export function sketch(texts: TextList, trim = true): PackedSets {
  const starts = new Uint32Array(texts.length + 1);
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
  }
  return { flat: trim ? flat.slice(0, used) : flat.subarray(0, used), starts };
}

/** Threads to sketch `n` texts with (fan-out.ts). */
export const threadsFor = (n: number, threads = availableParallelism()): number => threadsUsable(n, WORKER, threads);

/**
 * The shingle sets of `texts`, split over `threads` threads (fan-out.ts; the calling one does the last
 * part), joined into shared memory (so later steps can hand them to workers without a copy).
 */
export function sketchAll(texts: readonly string[], threads = threadsFor(texts.length)): PackedSets {
  if (threads <= 1) return sketch(texts);
  const per = Math.ceil(texts.length / threads);
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < texts.length; from += per) ranges.push([from, Math.min(from + per, texts.length)]);
  const shares = ranges.map(([from, to], k) => ({
    // the last share is this thread's: its texts are not packed
    data: k < ranges.length - 1 ? packTexts(texts, from, to) : null,
    size: to - from,
  }));
  const parts = fanOut<PackedTexts | null, PackedSets>(WORKER, shares, (k) => {
    const [from, to] = ranges[k]!;
    return sketch(texts.slice(from, to), false);
  });
  return joinSets(parts);
}

function joinSets(parts: PackedSets[]): PackedSets {
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
