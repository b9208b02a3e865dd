/**
 * A worker thread of sketch.ts: sketches its share of the texts (packed UTF-8, packed-texts.ts), writes
 * their band keys into the shared array at its offset, and hands the shingle sets back.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { type PackedTexts, unpackedTexts } from './packed-texts.js';
import { sketch, type Banding } from './sketch.js';

const { texts, banding, keys, offset, port, done } = workerData as {
  texts: PackedTexts;
  banding: Banding;
  keys: Uint32Array;
  offset: number;
  port: MessagePort;
  done: Int32Array;
};
try {
  const { flat, starts } = sketch(unpackedTexts(texts), banding, keys, offset, false);
  port.postMessage({ flat, starts }, [flat.buffer as ArrayBuffer, starts.buffer as ArrayBuffer]);
} catch (error) {
  port.postMessage({ error: (error as Error).message });
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
