/**
 * The analysis of fetched timelines on the other cores for large runs (issue 19, item 4), beside the
 * feed parse pool: the main thread keeps the network, and a worker runs the same analyzeTimeline with
 * the run's date, settings and profiles, sent once when it starts. An analysis that throws on a
 * worker rejects with its message (the profile's "analysis failed: …"), as it would in place.
 */
import { availableParallelism } from 'node:os';
import type { Metrics, Settings, Timeline } from '../model/index.js';
import { POOL_FROM, WorkerPool } from '../workers/pool.js';
import { analyzeTimeline } from './analyze.js';
import type { Siblings } from './listening.js';

const WORKER = new URL('./analyze-worker.js', import.meta.url);

/** What every analysis of a run shares. */
export interface AnalysisRun {
  asOf: Date;
  settings: Settings;
  siblings: Siblings;
}

/** How a worker is started: the run, as structured clone carries it. */
export interface AnalysisWorkerData {
  asOf: string;
  settings: Settings;
  siblings: Siblings;
}

export class AnalysisPool {
  private readonly pool: WorkerPool<Timeline, Metrics>;

  /** A pool for a run of `profiles`, or null where analysing in place is as good (few profiles, one core, no built worker). */
  static forRun(profiles: number, run: AnalysisRun, cores = availableParallelism()): AnalysisPool | null {
    if (profiles < POOL_FROM || !WorkerPool.available(WORKER, cores)) return null;
    return new AnalysisPool(cores - 1, run);
  }

  constructor(size: number, run: AnalysisRun) {
    const data: AnalysisWorkerData = { asOf: run.asOf.toISOString(), settings: run.settings, siblings: run.siblings };
    this.pool = new WorkerPool(
      WORKER,
      size,
      (timeline: Timeline) => analyzeTimeline(timeline, run.asOf, run.settings, { siblings: run.siblings }),
      data,
    );
  }

  /** The timeline's metrics, measured on a worker (in place where every worker has died). */
  analyze = (timeline: Timeline): Promise<Metrics> => this.pool.run(timeline);

  /** Resolves once a worker can take timelines (until then they are measured in place). */
  whenReady(): Promise<void> {
    return this.pool.whenReady();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
