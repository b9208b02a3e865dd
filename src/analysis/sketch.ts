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
import { shingles } from './shingles.js';

/** Shingle sets packed end to end (text i is flat[starts[i]..starts[i+1])), and bands keys per text. */
export interface Sketches {
  flat: Uint32Array;
  starts: Uint32Array;
  keys: Uint32Array;
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

/** Sketches of `texts`, in one thread. */
export function sketch(texts: readonly string[], { bands, rows }: Banding): Sketches {
  const starts = new Uint32Array(texts.length + 1);
  const keys = new Uint32Array(texts.length * bands);
  const sig = new Uint32Array(PERMUTATIONS);
  let flat = new Uint32Array(texts.length * 16);
  let used = 0;
  for (let i = 0; i < texts.length; i++) {
    const set = shingles(texts[i]!);
    if (used + set.length > flat.length) {
      const grown = new Uint32Array(Math.max(flat.length * 2, used + set.length));
      grown.set(flat.subarray(0, used));
      flat = grown;
    }
    flat.set(set, used);
    used += set.length;
    starts[i + 1] = used;
    bandKeys(signature(set, sig), bands, rows, keys, i * bands);
  }
  return { flat: flat.slice(0, used), starts, keys };
}

/** Threads to use for `n` texts: 1 unless there are many texts, spare cores and a built worker. */
export function threadsFor(n: number, threads = availableParallelism()): number {
  if (n < PARALLEL_FROM || threads < 2 || !existsSync(fileURLToPath(WORKER))) return 1;
  return Math.min(threads, MAX_THREADS);
}

/** Sketches of `texts`, split over `threads` threads (the calling one does the last part). */
export function sketchAll(texts: readonly string[], banding: Banding, threads = threadsFor(texts.length)): Sketches {
  if (threads <= 1) return sketch(texts, banding);
  const per = Math.ceil(texts.length / threads);
  const parts: Array<{ worker: Worker; port: MessagePort; done: Int32Array; from: number; to: number }> = [];
  for (let from = 0; from + per < texts.length; from += per) {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER, {
      workerData: { texts: texts.slice(from, from + per), banding, port: port2, done },
      transferList: [port2],
    });
    parts.push({ worker, port: port1, done, from, to: from + per });
  }
  const own = sketch(texts.slice(parts.length * per), banding);
  const results: Sketches[] = [];
  try {
    for (const { port, done, from, to } of parts) {
      // a worker that died before answering (it cannot say so while this thread waits) is waited for
      // this long; then its share is done here, so a broken worker costs time, never the result
      const waited = Atomics.wait(done, 0, 0, WORKER_PATIENCE_MS + (to - from));
      const message =
        waited === 'timed-out'
          ? undefined
          : (receiveMessageOnPort(port)?.message as Sketches | { error: string } | undefined);
      results.push(message && !('error' in message) ? message : sketch(texts.slice(from, to), banding));
    }
  } finally {
    for (const { worker, port } of parts) {
      port.close();
      void worker.terminate();
    }
  }
  results.push(own);
  return concat(results, banding.bands);
}

function concat(parts: Sketches[], bands: number): Sketches {
  const n = parts.reduce((sum, p) => sum + p.starts.length - 1, 0);
  const flat = new Uint32Array(parts.reduce((sum, p) => sum + p.flat.length, 0));
  const starts = new Uint32Array(n + 1);
  const keys = new Uint32Array(n * bands);
  let text = 0;
  let used = 0;
  for (const part of parts) {
    const count = part.starts.length - 1;
    flat.set(part.flat, used);
    for (let i = 1; i <= count; i++) starts[text + i] = used + part.starts[i]!;
    keys.set(part.keys, text * bands);
    text += count;
    used += part.flat.length;
  }
  return { flat, starts, keys };
}
