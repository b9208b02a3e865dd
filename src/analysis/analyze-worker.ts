/** A worker thread of analyze-pool.ts: measures the timelines it is sent, with the run it was started with. */
import { workerData } from 'node:worker_threads';
import type { Timeline } from '../model/index.js';
import { serveTasks } from '../workers/serve.js';
import type { AnalysisWorkerData } from './analyze-pool.js';
import { analyzeTimeline } from './analyze.js';

const run = workerData as AnalysisWorkerData;
const asOf = new Date(run.asOf);

serveTasks((timeline: Timeline) => analyzeTimeline(timeline, asOf, run.settings, { siblings: run.siblings }));
