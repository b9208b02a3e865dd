/** Pair recall of a clustering against the truth, for bench:canned and the clustering tests. */

/** Of the pairs `truth` puts in one cluster, the share `got` also puts in one cluster. */
export function pairRecall(truth: number[][], got: number[][]): number {
  const clusterOf = new Map<number, number>();
  got.forEach((c, k) => {
    for (const i of c) clusterOf.set(i, k);
  });
  let together = 0;
  let total = 0;
  for (const c of truth) {
    total += (c.length * (c.length - 1)) / 2;
    const counts = new Map<number, number>();
    for (const i of c) counts.set(clusterOf.get(i)!, (counts.get(clusterOf.get(i)!) ?? 0) + 1);
    for (const k of counts.values()) together += (k * (k - 1)) / 2;
  }
  return total === 0 ? 1 : together / total;
}
