/**
 * The worker side of fan-out.ts: computes its share from `workerData.data`, posts the result (its buffers
 * moved, not copied) or the error, and wakes the waiting thread.
 */
import { type MessagePort, workerData } from 'node:worker_threads';

export function serve<D, T>(compute: (data: D) => { result: T; transfer: ArrayBuffer[] }): void {
  const { data, port, done } = workerData as { data: D; port: MessagePort; done: Int32Array };
  try {
    const { result, transfer } = compute(data);
    port.postMessage({ result }, transfer);
  } catch (error) {
    port.postMessage({ error: (error as Error).message });
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}
