/**
 * bench:canned — near-duplicate clustering at 10⁴, 10⁵ and 10⁶ support replies (bench/canned-corpus.ts).
 * Baseline measured in the same run: the exact prefix-filtered set-similarity join (AllPairs/PPJoin
 * family, src/analysis/exact-join.ts: rarest-first token order, prefix and length filters, every
 * candidate verified) on the same distinct texts — a baseline worth beating, exact by construction.
 * Prints pair recall of MinHash-LSH against it (on distinct texts), the canned-ratio error, the
 * speed-up, replies per second per core, and wall time and peak memory. Times the built module (dist/): sketches run on worker threads, one per core.
 *
 *   npm run bench:canned            (SIZES=10000,100000 to choose)
 */
import os from 'node:os';
import { clusterTexts } from '../dist/analysis/cluster.js'; // the built module: its worker threads are built JS
import { threadsFor } from '../dist/analysis/sketch.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { supportReplies } from './canned-corpus.js';
import { pairRecall } from './pair-recall.js';

/** The product's default (settings.cannedSimilarity); SIMILARITY=… and LINKAGE=skeleton to measure others. */
const SIMILARITY = Number(process.env.SIMILARITY ?? DEFAULT_SETTINGS.cannedSimilarity);
const LINKAGE = (process.env.LINKAGE ?? 'single') as 'single' | 'skeleton';
const MIN_CLUSTER = 3;
const SIZES = (process.env.SIZES ?? '10000,100000,1000000').split(',').map(Number);
/** Above this many replies the exact join is not run (EXACT_UP_TO=…); by default it runs at every size. */
const EXACT_UP_TO = Number(process.env.EXACT_UP_TO ?? 1_000_000);

const cannedRatio = (clusters: number[][], n: number) =>
  clusters.filter((c) => c.length >= MIN_CLUSTER).reduce((s, c) => s + c.length, 0) / n;

/**
 * Clusters of replies as clusters of distinct texts: identical texts are merged by any method, so pair
 * recall counts pairs of different texts only (issue 19).
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

console.log(
  `bench:canned — similarity ${SIMILARITY}, ${LINKAGE} linkage, templates of ≥ ${MIN_CLUSTER}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
console.log(
  '| replies | distinct texts | MinHash-LSH | exact join (prefix-filtered) | speed-up | pair recall (distinct texts) | canned ratio (LSH / exact) | replies/s/core | peak RSS |',
);
console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const n of SIZES) {
  const replies = supportReplies(n);
  const texts = replies.map((r) => normaliseReply(r).text); // normalising is part of the work
  const lsh = time(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'lsh', linkage: LINKAGE }));
  const distinct = new Set(texts).size;
  const lshRss = process.resourceUsage().maxRSS * 1024; // the process's peak so far: LSH runs before the exact join
  let exactCell = 'not run';
  let speedCell = '—';
  let recallCell = '—';
  let ratioCell = `${(cannedRatio(lsh.value, n) * 100).toFixed(2)}% / —`;
  if (n <= EXACT_UP_TO) {
    const exact = time(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'exact', linkage: LINKAGE }));
    exactCell = `${(exact.ms / 1000).toFixed(2)} s`;
    speedCell = `**${(exact.ms / lsh.ms).toFixed(1)}×**`;
    recallCell = `**${pairRecall(distinctClusters(exact.value, texts), distinctClusters(lsh.value, texts)).toFixed(4)}**`;
    const [a, b] = [cannedRatio(lsh.value, n), cannedRatio(exact.value, n)];
    ratioCell = `${(a * 100).toFixed(2)}% / ${(b * 100).toFixed(2)}% (Δ ${(Math.abs(a - b) * 100).toFixed(2)} pt)`;
  }
  console.log(
    `| ${n.toLocaleString('en')} | ${distinct.toLocaleString('en')} | ${(lsh.ms / 1000).toFixed(2)} s | ${exactCell} | ${speedCell} | ${recallCell} | ${ratioCell} | ${Math.round(n / (lsh.ms / 1000) / threadsFor(distinct)).toLocaleString('en')} (${threadsFor(distinct)} thread${threadsFor(distinct) > 1 ? 's' : ''}) | ${Math.round(lshRss / 1e6)} MB |`,
  );
}
