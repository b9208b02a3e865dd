/**
 * Clusterings of a brand's replies from their similarity matrix at a threshold: single link (the
 * product's rule: connected components, so templates can chain), complete link (every pair of members
 * at the threshold) and medoid (each member at the threshold of its cluster's centre: the reply with
 * most neighbours left, chosen greedily).
 */
import type { Matrix } from './similarity.js';

export type Linkage = 'single' | 'complete' | 'medoid';

export function clusterMatrix({ n, sim }: Matrix, t: number, linkage: Linkage): number[][] {
  if (linkage === 'medoid') return medoid(n, sim, t);
  const root = Array.from({ length: n }, (_, i) => i);
  const members = Array.from({ length: n }, (_, i) => [i]);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i]!;
    return i;
  };
  const edges: Array<[number, number, number]> = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (sim[i * n + j]! >= t) edges.push([sim[i * n + j]!, i, j]);
  edges.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, i, j] of edges) {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    if (linkage === 'complete' && !members[ri]!.every((a) => members[rj]!.every((b) => sim[a * n + b]! >= t))) continue;
    const [keep, gone] = ri < rj ? [ri, rj] : [rj, ri];
    root[gone] = keep;
    members[keep]!.push(...members[gone]!);
    members[gone] = [];
  }
  return members.filter((m, i) => root[i] === i && m.length > 0);
}

function medoid(n: number, sim: Float64Array, t: number): number[][] {
  const open = new Uint8Array(n).fill(1);
  // neighbours still open, kept up to date as replies are assigned: O(n²) in all
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i && sim[i * n + j]! >= t) degree[i]!++;
  const close = (j: number) => {
    open[j] = 0;
    for (let k = 0; k < n; k++) if (open[k] && k !== j && sim[j * n + k]! >= t) degree[k]!--;
  };
  const clusters: number[][] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < n; i++) if (open[i] && degree[i]! > 0 && (best < 0 || degree[i]! > degree[best]!)) best = i;
    if (best < 0) break;
    const cluster = [best];
    for (let j = 0; j < n; j++) if (open[j] && j !== best && sim[best * n + j]! >= t) cluster.push(j);
    for (const j of cluster) close(j);
    clusters.push(cluster);
  }
  for (let i = 0; i < n; i++) if (open[i]) clusters.push([i]);
  return clusters;
}
