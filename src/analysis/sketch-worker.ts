/** A worker thread of sketch.ts: sketches its share of the texts and hands the typed arrays back. */
import { workerData, type MessagePort } from 'node:worker_threads';
import { sketch, type Banding } from './sketch.js';

const { texts, banding, port, done } = workerData as {
  texts: string[];
  banding: Banding;
  port: MessagePort;
  done: Int32Array;
};
try {
  const result = sketch(texts, banding);
  port.postMessage(result, [
    result.flat.buffer as ArrayBuffer,
    result.starts.buffer as ArrayBuffer,
    result.keys.buffer as ArrayBuffer,
  ]);
} catch (error) {
  port.postMessage({ error: (error as Error).message });
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
