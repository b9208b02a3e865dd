/**
 * Clusterings of a brand's replies from their similarity matrix at a threshold: single link (the
 * product's rule: connected components, so templates can chain), complete link (every pair of members
 * at the threshold) and medoid (each member at the threshold of its cluster's centre: the reply with
 * most neighbours left, chosen greedily).
 */
import type { Matrix } from './similarity.js';

export type Linkage = 'single' | 'complete' | 'medoid' | 'average';

export function clusterMatrix({ n, sim }: Matrix, t: number, linkage: Linkage): number[][] {
  if (linkage === 'medoid') return medoid(n, sim, t);
  if (linkage === 'average') return average(n, sim, t);
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

/**
 * Average link (UPGMA): the two clusters whose mean pairwise similarity is highest are merged, while it is
 * at the threshold — between single link (one pair suffices: chains) and complete link (every pair).
 */
function average(n: number, sim: Float64Array, t: number): number[][] {
  // cluster-to-cluster sums of similarity, updated on each merge (Lance–Williams for the mean)
  const sum = Float64Array.from(sim);
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members = Array.from({ length: n }, (_, i) => [i]);
  // each cluster's best partner, recomputed when it or its partner changes
  const best = new Int32Array(n).fill(-1);
  const bestScore = new Float64Array(n).fill(-1);
  const score = (a: number, b: number) => sum[a * n + b]! / (size[a]! * size[b]!);
  const refresh = (a: number) => {
    best[a] = -1;
    bestScore[a] = -1;
    for (let b = 0; b < n; b++)
      if (b !== a && alive[b] && score(a, b) > bestScore[a]!) [best[a], bestScore[a]] = [b, score(a, b)];
  };
  for (let a = 0; a < n; a++) refresh(a);
  for (;;) {
    let a = -1;
    for (let i = 0; i < n; i++) if (alive[i] && best[i]! >= 0 && (a < 0 || bestScore[i]! > bestScore[a]!)) a = i;
    if (a < 0 || bestScore[a]! < t) break;
    const b = best[a]!;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === keep || c === gone) continue;
      sum[keep * n + c] = sum[c * n + keep] = sum[keep * n + c]! + sum[gone * n + c]!;
    }
    size[keep]! += size[gone]!;
    alive[gone] = 0;
    members[keep]!.push(...members[gone]!);
    members[gone] = [];
    for (let c = 0; c < n; c++)
      if (alive[c] && (c === keep || best[c] === keep || best[c] === gone)) refresh(c);
      else if (alive[c] && c !== keep && score(c, keep) > bestScore[c]!)
        [best[c], bestScore[c]] = [keep, score(c, keep)];
  }
  return members.filter((m, i) => alive[i] && m.length > 0);
}

/**
 * Single link, then each cluster of 3+ checked against its medoid (the member with the highest summed
 * similarity to the others): members under `floor` to it are split off and clustered again the same way,
 * at most `rounds` times — so every member of a template is near its centre, not only a neighbour's
 * neighbour.
 */
export function splitLink({ n, sim }: Matrix, t: number, floor: number, rounds = 3): number[][] {
  const components = (members: readonly number[]): number[][] => {
    const sub = new Float64Array(members.length * members.length);
    for (const [i, a] of members.entries())
      for (const [j, b] of members.entries()) sub[i * members.length + j] = sim[a * n + b]!;
    return clusterMatrix({ n: members.length, sim: sub }, t, 'single').map((c) => c.map((i) => members[i]!));
  };
  const split = (group: number[], left: number): number[][] => {
    if (group.length < 3 || left === 0) return [group];
    let centre = group[0]!;
    let best = -1;
    for (const a of group) {
      let s = 0;
      for (const b of group) if (b !== a) s += sim[a * n + b]!;
      if (s > best) [centre, best] = [a, s];
    }
    const keep = group.filter((a) => a === centre || sim[a * n + centre]! >= floor);
    const rest = group.filter((a) => a !== centre && sim[a * n + centre]! < floor);
    return rest.length === 0 ? [keep] : [keep, ...components(rest).flatMap((c) => split(c, left - 1))];
  };
  return clusterMatrix({ n, sim }, t, 'single').flatMap((c) => split(c, rounds));
}
