/**
 * Work on the other cores for large runs (issue 19, item 4): a pool of worker threads, each running
 * the same pure function the caller would run in place (one worker per spare core, round robin). The
 * answer is the same either way: an error the function throws comes back with its name and message
 * (`WorkerTaskError`), and a worker that dies has its tasks done in place, so a broken worker costs
 * time, never a result. Only the built package has the workers' JavaScript: run from the TypeScript
 * sources (tests), `WorkerPool.available` is false and callers work in place.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Profiles in a run from which its parsing and analysis go to worker threads: below, starting them costs more than it saves. */
export const POOL_FROM = 300;

/**
 * How long tasks wait for a first worker to load its modules before they are done on this thread: a
 * worker that hangs while it starts must not hang the run (one starts in well under a second).
 */
export const START_WAIT_MS = 10_000;

/** An error thrown by the task's function on a worker, with the name and message it had there. */
export class WorkerTaskError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

/** What a worker says (workers/serve.ts): that it is ready for tasks, then an answer per task. */
export type WorkerAnswer<Result> =
  | { ready: true }
  | { id: number; result: Result }
  | { id: number; error: { name: string; message: string } };

interface Waiting<Task, Result> {
  task: Task;
  worker: number;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

export class WorkerPool<Task, Result> {
  private readonly workers: Array<Worker | null>;
  /** Workers that have loaded their modules: until one has, tasks wait for it (up to the start wait). */
  private readonly ready = new Set<number>();
  private readonly onReady: Array<() => void> = [];
  private readonly waiting = new Map<number, Waiting<Task, Result>>();
  private next = 0;
  private ids = 0;
  /** No worker was ready within the start wait: tasks are done here until one is. */
  private waitedOut = false;
  private readonly startWait: ReturnType<typeof setTimeout>;

  /** Whether the worker's script is built, and the machine has a core to spare for it. */
  static available(script: URL, cores = availableParallelism()): boolean {
    return cores >= 2 && existsSync(fileURLToPath(script));
  }

  /**
   * @param script the worker (built next to its module; it calls `serveTasks`)
   * @param inPlace the same work on this thread, for the tasks of a worker that died (and once none is left)
   * @param workerData what every worker is started with (the run's settings, …)
   * @param startWaitMs how long tasks wait for a first worker to be ready (START_WAIT_MS)
   */
  constructor(
    private readonly script: URL,
    size: number,
    private readonly inPlace: (task: Task) => Result,
    private readonly workerData?: unknown,
    startWaitMs = START_WAIT_MS,
  ) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
    this.startWait = setTimeout(() => {
      this.waitedOut = true;
      this.wakeWaiters();
    }, startWaitMs);
    this.hold();
  }

  /**
   * Workers and the start timer keep the process alive exactly while someone awaits them (a task out on a
   * worker, a caller waiting for one to be ready), and never when the pool is idle: the pool neither ends
   * a run that is waiting for an answer (unref'd while busy, Node's event loop emptied under a 300-profile
   * audit of local files and the process exited 13 with no report) nor holds up one that is done.
   */
  private hold(): void {
    const busy = this.waiting.size > 0 || this.onReady.length > 0;
    for (const worker of this.workers) {
      if (busy) worker?.ref();
      else worker?.unref();
    }
    if (busy) this.startWait.ref();
    else this.startWait.unref();
  }

  private start(index: number): Worker {
    // a task's objects die young: a small young generation costs nothing here, and V8's default (which
    // grows with the machine's memory) only added to the run's peak (bench:audit, two workers: 35 MB less
    // at the same speed; at 8 MB the run was 5-10% slower)
    const worker = new Worker(this.script, {
      workerData: this.workerData,
      // the worker is built JavaScript: it needs none of the parent's loaders (under tsx, as the benches
      // run, inheriting `--import tsx` made each worker take several times as long to start)
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    worker.on('message', (answer: WorkerAnswer<Result>) => {
      if ('ready' in answer) {
        clearTimeout(this.startWait);
        this.ready.add(index);
        this.wakeWaiters();
        return;
      }
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      this.hold();
      if ('result' in answer) waiting.resolve(answer.result);
      else waiting.reject(new WorkerTaskError(answer.error.name, answer.error.message));
    });
    const died = () => {
      if (this.workers[index] !== worker) return;
      this.workers[index] = null;
      this.ready.delete(index);
      this.settleHere(index);
      // with every worker gone the pool works in place: nothing is left to wait for
      if (this.workers.every((w) => w === null)) this.wakeWaiters();
    };
    worker.on('error', died);
    worker.on('exit', died);
    worker.unref(); // until it has work (hold)
    return worker;
  }

  /** The tasks given to a worker (or to any, without `index`) done here instead. */
  private settleHere(index?: number): void {
    for (const [id, waiting] of this.waiting) {
      if (index !== undefined && waiting.worker !== index) continue;
      this.waiting.delete(id);
      this.settle(waiting);
    }
    this.hold();
  }

  private settle({ task, resolve, reject }: Pick<Waiting<Task, Result>, 'task' | 'resolve' | 'reject'>): void {
    try {
      resolve(this.inPlace(task));
    } catch (error) {
      reject(error as Error);
    }
  }

  /**
   * The task done on a worker: one that is still loading its modules is waited for (up to the start
   * wait), and the task is done in place only where every worker has died, none started in time, or
   * the pool is closed. The first answers of a run used to be done in place until a worker was ready:
   * on a main thread whose code was still cold, reading the first hundred feeds held up every host's
   * second request by about 0.4 s (bench:audit).
   */
  run(task: Task): Promise<Result> {
    if (this.ready.size === 0 && this.starting()) return this.whenReady().then(() => this.run(task));
    const live = [...this.ready];
    return new Promise<Result>((resolve, reject) => {
      if (live.length === 0) {
        queueMicrotask(() => this.settle({ task, resolve, reject }));
        return;
      }
      const index = live[this.next++ % live.length]!;
      const id = this.ids++;
      this.waiting.set(id, { task, worker: index, resolve, reject });
      this.hold();
      this.workers[index]!.postMessage({ id, task });
    });
  }

  /** Resolves once a worker can take tasks, none is left to, or none started within the start wait. */
  whenReady(): Promise<void> {
    const waitable = this.ready.size === 0 && this.starting();
    if (!waitable) return Promise.resolve();
    return new Promise((resolve) => {
      this.onReady.push(resolve);
      this.hold();
    });
  }

  /** Those waiting for a worker look again: one is ready, none is left, or the wait is over. */
  private wakeWaiters(): void {
    for (const resolve of this.onReady.splice(0)) resolve();
    this.hold();
  }

  /** A worker may yet become ready: one is alive and the start wait is not over. */
  private starting(): boolean {
    return !this.waitedOut && this.workers.some((w) => w !== null);
  }

  async close(): Promise<void> {
    const workers = this.workers.filter((w): w is Worker => w !== null);
    this.workers.fill(null);
    this.ready.clear();
    clearTimeout(this.startWait);
    this.settleHere(); // a task still out when the pool is closed is done here, never left pending
    this.wakeWaiters();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
