/**
 * bench:canned — near-duplicate clustering at 10⁴, 10⁵ and 10⁶ support replies (bench/canned-corpus.ts).
 * Baseline measured in the same run: the exact prefix-filtered set-similarity join (AllPairs/PPJoin
 * family, src/analysis/exact-join.ts: rarest-first token order, prefix and length filters, every
 * candidate verified) on the same distinct texts — a baseline worth beating, exact by construction.
 * Prints, per size: MinHash-LSH's time as min / median / max of RUNS runs, the exact join's, pair recall of
 * LSH against it (on distinct texts), pair recall on a sample of 10⁴ texts' true pairs (bench/sample-recall.ts:
 * where the exact join of everything is too slow — above EXACT_UP_TO; for the average linkage, the sampled
 * recalls of its core join and its candidate search, averageRecalls), the canned-ratio error, the peak RSS
 * of one clustering (each size runs in a process of its own; the peak is read after its first run)
 * and the machine's load average. Times the built module (dist/): sketches run on worker threads, one per core.
 *
 *   npm run bench:canned            (SIZES=10000,100000 to choose; RUNS=3; EXACT_UP_TO=100000)
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { averageCoreGraph, clusterTexts } from '../dist/analysis/cluster.js'; // the built module: its worker threads are built JS
import { keyOf } from '../dist/analysis/candidate-search.js';
import { sampledMean, samplesOf } from '../dist/analysis/core-average.js';
import { sketch, threadsFor } from '../dist/analysis/sketch.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { supportReplies } from './canned-corpus.js';
import { pairRecall } from './pair-recall.js';
import { sampledPairRecall } from './sample-recall.js';

/** The product's default (settings.cannedSimilarity, average linkage); SIMILARITY=… and LINKAGE=single or skeleton to measure others. */
const SIMILARITY = Number(process.env.SIMILARITY ?? DEFAULT_SETTINGS.cannedSimilarity);
const LINKAGE = (process.env.LINKAGE ?? 'average') as 'average' | 'single' | 'skeleton';
const MIN_CLUSTER = 3;
const SIZES = (process.env.SIZES ?? '10000,100000,1000000').split(',').map(Number);
/**
 * Above this many replies the exact path is not run (at 10⁶ it takes 20 minutes: EXACT_UP_TO=1000000 to run it),
 * and recall is sampled.
 */
const EXACT_UP_TO = Number(process.env.EXACT_UP_TO ?? 100_000);
/** LSH runs per size (min / median / max); at 10⁶ one unless RUNS says otherwise. */
const RUNS = process.env.RUNS ? Number(process.env.RUNS) : undefined;
const SAMPLE = 10_000;

const cannedRatio = (clusters: number[][], n: number) =>
  clusters.filter((c) => c.length >= MIN_CLUSTER).reduce((s, c) => s + c.length, 0) / n;

/**
 * Clusters of replies as clusters of distinct texts (ids in first-occurrence order): identical texts are
 * merged by any method, so pair recall counts pairs of different texts only (issue 19).
 */
function distinctClusters(clusters: number[][], texts: readonly string[]): number[][] {
  const id = new Map<string, number>();
  for (const t of texts) if (!id.has(t)) id.set(t, id.size);
  return clusters.map((c) => [...new Set(c.map((i) => id.get(texts[i]!)!))]);
}

function time<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const ONE_SIZE = process.env.CANNED_SIZE; // set for the child process that measures one size

if (!ONE_SIZE) {
  console.log(
    `bench:canned — similarity ${SIMILARITY}, ${LINKAGE} linkage, templates of ≥ ${MIN_CLUSTER}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
  );
  console.log(
    `| replies | distinct texts | MinHash-LSH min / median / max | exact join | speed-up (median) | pair recall (distinct texts) | ${LINKAGE === 'average' ? 'sampled recall of the core join / the candidate search' : 'pair recall, 10⁴-text sample'} | canned ratio (LSH / exact) | peak RSS | load (1/5/15 min) |`,
  );
  console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  // each size in a process of its own: its peak RSS is then one size's, not what the sizes before left behind
  for (const n of SIZES) {
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, CANNED_SIZE: String(n) },
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
} else {
  const n = Number(ONE_SIZE);
  const replies = supportReplies(n);
  const texts = replies.map((r) => normaliseReply(r).text); // normalising is not timed
  const loadBefore = load();
  const runs = RUNS ?? (n >= 1_000_000 ? 1 : 3);
  const times: number[] = [];
  let lsh: number[][] = [];
  let lshRss = 0;
  for (let r = 0; r < runs; r++) {
    const run = time(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'lsh', linkage: LINKAGE }));
    times.push(run.ms);
    lsh = run.value;
    // the peak of one clustering: the process's after the first run (the corpus and its texts included),
    // before a second run holds one result while making another, and before the recall and the exact join
    if (r === 0) lshRss = process.resourceUsage().maxRSS * 1024;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const distinct = [...new Set(texts)];
  const threads = threadsFor(distinct.length);
  const lshDistinct = distinctClusters(lsh, texts);
  const clusterOf = new Int32Array(distinct.length);
  lshDistinct.forEach((c, k) => {
    for (const i of c) clusterOf[i] = k;
  });
  const sampledCell =
    LINKAGE === 'average'
      ? averageRecalls(texts)
      : sampledCellOf(sampledPairRecall(distinct, (s, y) => clusterOf[s] === clusterOf[y], SIMILARITY, SAMPLE));
  let exactCell = 'not run';
  let speedCell = '—';
  let recallCell = '—';
  let ratioCell = `${(cannedRatio(lsh, n) * 100).toFixed(2)}% / —`;
  if (n <= EXACT_UP_TO) {
    const exact = time(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'exact', linkage: LINKAGE }));
    exactCell = `${seconds(exact.ms)} s`;
    speedCell = `${(exact.ms / median).toFixed(1)}×`;
    recallCell = `**${pairRecall(distinctClusters(exact.value, texts), lshDistinct).toFixed(4)}**`;
    const [a, b] = [cannedRatio(lsh, n), cannedRatio(exact.value, n)];
    ratioCell = `${(a * 100).toFixed(2)}% / ${(b * 100).toFixed(2)}% (Δ ${(Math.abs(a - b) * 100).toFixed(2)} pt)`;
  }
  console.log(
    `| ${n.toLocaleString('en')} | ${distinct.length.toLocaleString('en')} | ${times.map(seconds).join(' / ')} s (${runs} run${runs > 1 ? 's' : ''}, ${threads} thread${threads > 1 ? 's' : ''}) | ${exactCell} | ${speedCell} | ${recallCell} | ${sampledCell} | ${ratioCell} | ${Math.round(lshRss / 1e6)} MB | ${loadBefore} → ${load()} |`,
  );
}

function sampledCellOf({ recall, pairs }: { recall: number; pairs: number }): string {
  return `**${recall.toFixed(4)}** (${pairs.toLocaleString('en')} pairs)`;
}

/**
 * The average linkage's two searches against the exact method's, on samples (the exact method is not run
 * above EXACT_UP_TO):
 * - the core join: of the sampled pairs at the core similarity, the share in one core;
 * - the candidate search: of the sampled pairs at the floor between sampled texts of two cores, the share
 *   whose cores are a candidate pair (the exact search finds every one), and of the core pairs they meet
 *   whose mean similarity (as coreGraph computes it) reaches the threshold — pairs average link can merge
 *   on their own — the share found.
 */
function averageRecalls(texts: readonly string[]): string {
  const { distinct, counts, graph, core, floor } = averageCoreGraph(texts, { similarity: SIMILARITY, method: 'lsh' });
  const coreCount = graph.weight.length;
  const coreOf = new Int32Array(distinct.length);
  for (let c = 0; c < coreCount; c++)
    for (let k = graph.cores.starts[c]!; k < graph.cores.starts[c + 1]!; k++) coreOf[graph.cores.members[k]!] = c;
  const cores = sampledPairRecall(distinct, (s, y) => coreOf[s] === coreOf[y], core, SAMPLE);

  const sample = samplesOf(graph.cores, counts);
  const sampleCore = Int32Array.from(sample.members, (i) => coreOf[i]!);
  const sampleTexts = Array.from(sample.members, (i) => distinct[i]!);
  // the sampled texts' sets by their position in the sample, so the sample as Groups lists positions
  const sets = sketch(sampleTexts);
  const positions = { starts: sample.starts, members: Uint32Array.from(sample.members.keys()) };
  const positionCounts = Uint32Array.from(sample.members, (i) => counts[i]!);
  const meanOf = (x: number, z: number) => sampledMean(sets, positionCounts, positions, x, z, floor);
  const candidates = new Set<number>();
  for (let k = 0; k < graph.edges.a.length; k++) candidates.add(keyOf(graph.edges.a[k]!, graph.edges.b[k]!, coreCount));
  const met = new Map<number, boolean>();
  const searched = sampledPairRecall(
    sampleTexts,
    (s, y) => {
      const [x, z] = [sampleCore[s]!, sampleCore[y]!];
      if (x === z) return null;
      const key = keyOf(x, z, coreCount);
      if (!met.has(key)) met.set(key, candidates.has(key));
      return met.get(key)!;
    },
    floor,
    SAMPLE,
  );
  const strong = [...met].filter(([key]) => meanOf(Math.floor(key / coreCount), key % coreCount) >= SIMILARITY);
  const strongFound = strong.filter(([, found]) => found).length;
  const strongCell = sampledCellOf({ recall: strong.length ? strongFound / strong.length : 1, pairs: strong.length });
  return `cores ${sampledCellOf(cores)} at ${core}; candidates ${sampledCellOf(searched)} at ${floor}, core pairs of mean ≥ ${SIMILARITY} ${strongCell}`;
}
