/**
 * Feed parsing on the other cores for large runs (issue 19, item 4): with hundreds of profiles the
 * main thread's time went to parsing the feeds it fetched (about 40% of it in bench:audit), while the
 * network needs little. A run of at least POOL_FROM profiles on a machine with a spare core parses its
 * feeds on worker threads (workers/pool.ts) and keeps the main thread for the network. The result is
 * the same as parsing in place: the worker runs the same parseFeed, and a parse error comes back as a
 * FeedParseError.
 */
import { availableParallelism } from 'node:os';
import { POOL_FROM, WorkerPool, WorkerTaskError } from '../../workers/pool.js';
import { FeedParseError, parseFeed, type ParsedFeed } from './parse.js';

export { POOL_FROM };
const WORKER = new URL('./parse-worker.js', import.meta.url);

export type FeedParser = (text: string) => Promise<ParsedFeed>;

export class FeedParsePool {
  private readonly pool: WorkerPool<string, ParsedFeed>;

  /** A pool for a run of `profiles`, or null where parsing in place is as good (few profiles, one core, no built worker). */
  static forRun(profiles: number, cores = availableParallelism()): FeedParsePool | null {
    if (profiles < POOL_FROM || !WorkerPool.available(WORKER, cores)) return null;
    return new FeedParsePool(cores - 1);
  }

  constructor(size: number) {
    this.pool = new WorkerPool(WORKER, size, (text: string) => parseFeed(text));
  }

  /** The feed parsed on a worker (in place where every worker has died). */
  parse: FeedParser = (text) =>
    this.pool.run(text).catch((error: unknown) => {
      throw error instanceof WorkerTaskError && error.errorName === 'FeedParseError'
        ? new FeedParseError(error.message)
        : error;
    });

  /** Resolves once a worker can take feeds (until then they are parsed in place). */
  whenReady(): Promise<void> {
    return this.pool.whenReady();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
