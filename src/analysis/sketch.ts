/**
 * The sketch of each distinct text for MinHash-LSH: its shingle set and the keys of its LSH bands. For
 * many texts the work is split across worker threads (one per extra core) and joined synchronously,
 * so clustering stays a pure, synchronous function; every text is sketched on its own, so the result
 * is the same however the work is split.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { bandKeys, PERMUTATIONS, signature } from './minhash.js';
import { packTexts, type TextList } from './packed-texts.js';
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

/** Below this many texts one thread does it all: starting a worker costs more than it saves. */
export const PARALLEL_FROM = 20_000;
/** At most this many threads, the calling one included. */
const MAX_THREADS = 8;
/** Built next to this module (dist/analysis/); absent when running the TypeScript sources directly. */
const WORKER = new URL('./sketch-worker.js', import.meta.url);
/** How long to wait for a worker's answer: this, plus a millisecond per text it was given. */
const WORKER_PATIENCE_MS = 30_000;

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

/** Threads to use for `n` texts: 1 unless there are many texts, spare cores and a built worker. */
export function threadsFor(n: number, threads = availableParallelism()): number {
  if (n < PARALLEL_FROM || threads < 2 || !existsSync(fileURLToPath(WORKER))) return 1;
  return Math.min(threads, MAX_THREADS);
}

/**
 * Sketches of `texts`, split over `threads` threads (the calling one does the last part). The band keys
 * live in one shared array each thread writes its share of; the shingle sets are joined afterwards.
 */
export function sketchAll(texts: readonly string[], banding: Banding, threads = threadsFor(texts.length)): Sketches {
  if (threads <= 1) return sketch(texts, banding);
  const keys = new Uint32Array(new SharedArrayBuffer(texts.length * banding.bands * 4));
  const per = Math.ceil(texts.length / threads);
  const parts: Array<{ worker: Worker; port: MessagePort; done: Int32Array; from: number; to: number }> = [];
  for (let from = 0; from + per < texts.length; from += per) {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER, {
      workerData: { texts: packTexts(texts, from, from + per), banding, keys, offset: from, port: port2, done },
      transferList: [port2],
    });
    parts.push({ worker, port: port1, done, from, to: from + per });
  }
  const ownFrom = parts.length * per;
  const own = sketch(texts.slice(ownFrom), banding, keys, ownFrom, false);
  const results: SetsPart[] = [];
  try {
    for (const { port, done, from, to } of parts) {
      // a worker that died before answering (it cannot say so while this thread waits) is waited for
      // this long; then its share is done here, so a broken worker costs time, never the result
      const waited = Atomics.wait(done, 0, 0, WORKER_PATIENCE_MS + (to - from));
      const message =
        waited === 'timed-out'
          ? undefined
          : (receiveMessageOnPort(port)?.message as SetsPart | { error: string } | undefined);
      results.push(
        message && !('error' in message) ? message : sketch(texts.slice(from, to), banding, keys, from, false),
      );
    }
  } finally {
    for (const { worker, port } of parts) {
      port.close();
      void worker.terminate();
    }
  }
  results.push(own);
  return { ...joinSets(results), keys };
}

/** A share's shingle sets (its band keys are in the shared array). */
type SetsPart = Pick<Sketches, 'flat' | 'starts'>;

function joinSets(parts: SetsPart[]): SetsPart {
  const n = parts.reduce((sum, p) => sum + p.starts.length - 1, 0);
  const flat = new Uint32Array(parts.reduce((sum, p) => sum + p.flat.length, 0));
  const starts = new Uint32Array(n + 1);
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
