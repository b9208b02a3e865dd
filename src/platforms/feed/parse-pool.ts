/**
 * Feed parsing on the other cores for large runs (issue 19, item 4): with hundreds of profiles the
 * main thread's time goes to parsing the feeds it fetched (about 40% of it in bench:audit), while the
 * network needs little. A run of at least POOL_FROM profiles on a machine with a spare core parses its
 * feeds on worker threads (one per spare core, round robin) and keeps the main thread for the network.
 * The result is the same as parsing in place: the worker runs the same parseFeed, and a parse error
 * comes back as a FeedParseError; a worker that dies has its feeds parsed in place, so a broken worker
 * costs time, never a result. Only the built package has the worker's JavaScript: run from the
 * TypeScript sources (tests), feeds are parsed in place.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeedParseError, parseFeed, type ParsedFeed } from './parse.js';

/** Profiles in a run from which its feeds are parsed on worker threads: below, starting them costs more than it saves. */
export const POOL_FROM = 300;
const WORKER = new URL('./parse-worker.js', import.meta.url);

type Answer = { id: number; feed: ParsedFeed } | { id: number; error: { feed: boolean; message: string } };
interface Waiting {
  text: string;
  worker: number;
  resolve: (feed: ParsedFeed) => void;
  reject: (error: Error) => void;
}

export type FeedParser = (text: string) => Promise<ParsedFeed>;

export class FeedParsePool {
  private readonly workers: Array<Worker | null>;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private ids = 0;

  /** A pool for a run of `profiles`, or null where parsing in place is as good (few profiles, one core, no built worker). */
  static forRun(profiles: number, cores = availableParallelism()): FeedParsePool | null {
    if (profiles < POOL_FROM || cores < 2 || !existsSync(fileURLToPath(WORKER))) return null;
    return new FeedParsePool(cores - 1);
  }

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => this.start(i));
  }

  private start(index: number): Worker {
    const worker = new Worker(WORKER);
    worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if ('feed' in answer) waiting.resolve(answer.feed);
      else
        waiting.reject(answer.error.feed ? new FeedParseError(answer.error.message) : new Error(answer.error.message));
    });
    const died = () => {
      if (this.workers[index] !== worker) return;
      this.workers[index] = null;
      // its feeds are parsed here instead
      for (const [id, waiting] of this.waiting) {
        if (waiting.worker !== index) continue;
        this.waiting.delete(id);
        try {
          waiting.resolve(parseFeed(waiting.text));
        } catch (error) {
          waiting.reject(error as Error);
        }
      }
    };
    worker.on('error', died);
    worker.on('exit', died);
    worker.unref();
    return worker;
  }

  /** The feed parsed on a worker (in place where every worker has died). */
  parse: FeedParser = (text) => {
    const live = this.workers.map((w, i) => (w ? i : -1)).filter((i) => i >= 0);
    if (live.length === 0) return Promise.resolve().then(() => parseFeed(text));
    const index = live[this.next++ % live.length]!;
    const id = this.ids++;
    return new Promise<ParsedFeed>((resolve, reject) => {
      this.waiting.set(id, { text, worker: index, resolve, reject });
      this.workers[index]!.postMessage({ id, text });
    });
  };

  async close(): Promise<void> {
    const workers = this.workers.filter((w): w is Worker => w !== null);
    this.workers.fill(null);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
