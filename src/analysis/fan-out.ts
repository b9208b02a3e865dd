/**
 * Work split over worker threads and joined synchronously, so a pure, synchronous function (clustering)
 * can use every core: each share but the last goes to a worker of its own, the calling thread does the
 * last, then waits for the others. A worker that fails or does not answer in time costs time, never the
 * result: its share is then done here. The worker scripts answer through `serve` (fan-out-worker.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** Below this many items one thread does it all: starting a worker costs more than it saves. */
export const PARALLEL_FROM = 20_000;
/** At most this many threads, the calling one included. */
const MAX_THREADS = 8;

/** How long to wait for a worker's answer: this, plus a millisecond per unit of its share's size. */
const WORKER_PATIENCE_MS = 30_000;

/**
 * Threads to use for `n` items: 1 unless there are many items, spare cores and the worker's script built
 * (it is absent when the TypeScript sources run directly).
 */
export function threadsUsable(n: number, worker: URL, threads = availableParallelism()): number {
  if (n < PARALLEL_FROM || threads < 2 || !existsSync(fileURLToPath(worker))) return 1;
  return Math.min(threads, MAX_THREADS);
}

export interface Share<D> {
  /** What the worker receives (shared memory is shared, anything else is copied). */
  data: D;
  /** The share's size (texts, pairs…): a millisecond of patience each. */
  size: number;
}

/** Each share's result, in order: `here(k)` computes share k in this thread, `worker` computes it elsewhere. */
export function fanOut<D, T>(worker: URL, shares: readonly Share<D>[], here: (k: number) => T): T[] {
  const started = shares.slice(0, -1).map(({ data }) => {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const thread = new Worker(worker, { workerData: { data, port: port2, done }, transferList: [port2] });
    return { thread, port: port1, done };
  });
  const results: T[] = [];
  try {
    const own = here(shares.length - 1);
    started.forEach(({ port, done }, k) => {
      // a worker that died before answering cannot say so while this thread waits: it is waited for this long
      const waited = Atomics.wait(done, 0, 0, WORKER_PATIENCE_MS + shares[k]!.size);
      const message =
        waited === 'timed-out' ? undefined : (receiveMessageOnPort(port)?.message as Answer<T> | undefined);
      results.push(message && 'result' in message ? message.result : here(k));
    });
    results.push(own);
  } finally {
    for (const { thread, port } of started) {
      port.close();
      void thread.terminate();
    }
  }
  return results;
}

/** `array` in shared memory, so workers read it without a copy: itself when it already is, else a copy. */
export function inShared(array: Uint32Array): Uint32Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new Uint32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** What a worker posts back. */
export type Answer<T> = { result: T } | { error: string };
