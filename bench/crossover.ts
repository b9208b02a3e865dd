/**
 * The size where MinHash-LSH starts to beat the exact prefix-filtered join on the bench corpus
 * (issue 19, item 2): both timed on the same distinct texts at growing sizes, median of 3. The product
 * switches to LSH above that size (src/analysis/cluster.ts, EXACT_LIMIT).
 *
 *   npm run build && npx tsx bench/crossover.ts
 */
import os from 'node:os';
import { clusterTexts } from '../dist/analysis/cluster.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { supportReplies } from './canned-corpus.js';

const SIMILARITY = DEFAULT_SETTINGS.cannedSimilarity;
const SIZES = (process.env.SIZES ?? '1000,2000,5000,10000,20000,50000').split(',').map(Number);

function median(f: () => void): number {
  const times = [0, 1, 2].map(() => {
    const t = performance.now();
    f();
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b)[1]!;
}

console.log(
  `crossover — similarity ${SIMILARITY}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0]!.toFixed(2)}\n`,
);
console.log('| replies | distinct texts | exact join (prefix filter) | MinHash-LSH | faster |');
console.log('|--:|--:|--:|--:|---|');
for (const n of SIZES) {
  const texts = supportReplies(n).map((r) => normaliseReply(r).text);
  const distinct = new Set(texts.filter(Boolean)).size;
  const exact = median(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'exact' }));
  const lsh = median(() => clusterTexts(texts, { similarity: SIMILARITY, method: 'lsh' }));
  console.log(
    `| ${n.toLocaleString('en')} | ${distinct.toLocaleString('en')} | ${exact.toFixed(0)} ms | ${lsh.toFixed(0)} ms | ${exact <= lsh ? 'exact' : 'LSH'} |`,
  );
}
