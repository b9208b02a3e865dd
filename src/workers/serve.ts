/** The worker's side of a WorkerPool (pool.ts): answers each task with the function's result, or the error it threw. */
import { parentPort } from 'node:worker_threads';
import type { WorkerAnswer } from './pool.js';

export function serveTasks<Task, Result>(work: (task: Task) => Result): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs on a worker thread');
  port.on('message', ({ id, task }: { id: number; task: Task }) => {
    let answer: WorkerAnswer<Result>;
    try {
      answer = { id, result: work(task) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      answer = { id, error: { name, message } };
    }
    port.postMessage(answer);
  });
  // the worker's modules are loaded by now: the pool may send it tasks
  port.postMessage({ ready: true } satisfies WorkerAnswer<Result>);
}
