/** Disjoint sets over 0..n−1 (path halving; a union keeps the smaller root, so roots do not depend on order). */
export class UnionFind {
  private readonly parent: Uint32Array;
  constructor(n: number) {
    this.parent = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  /** Every element's root, in one array. */
  roots(): Uint32Array {
    return Uint32Array.from(this.parent, (_, i) => this.find(i));
  }
}
