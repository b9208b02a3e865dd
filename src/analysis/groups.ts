/** Groups of ids kept in two typed arrays, where arrays of id lists cost tens of MB at 10⁶ replies. */

/** Groups of ids in one array: group g is members[starts[g]..starts[g+1]). */
export interface Groups {
  starts: Uint32Array;
  members: Uint32Array;
}

/**
 * Ids 0..n−1 grouped by `root[i]` (a union-find's or a clustering's), groups in order of their first id,
 * each group's ids ascending: a counting sort.
 */
export function groupsByRoot(root: ArrayLike<number>): Groups {
  const n = root.length;
  const slot = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) if (slot[root[i]!] === -1) slot[root[i]!] = count++;
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < n; i++) starts[slot[root[i]!]! + 1]!++;
  for (let g = 0; g < count; g++) starts[g + 1]! += starts[g]!;
  const fill = starts.slice(0, count);
  const members = new Uint32Array(n);
  for (let i = 0; i < n; i++) members[fill[slot[root[i]!]!]!++] = i;
  return { starts, members };
}

/** Groups of groups flattened: group g holds the members of every part it lists, in order. */
export function expand(groups: Groups, parts: Groups): Groups {
  const size = (p: number) => parts.starts[p + 1]! - parts.starts[p]!;
  const starts = new Uint32Array(groups.starts.length);
  for (let g = 0; g + 1 < groups.starts.length; g++) {
    starts[g + 1] = starts[g]!;
    for (let k = groups.starts[g]!; k < groups.starts[g + 1]!; k++) starts[g + 1]! += size(groups.members[k]!);
  }
  const members = new Uint32Array(starts.at(-1)!);
  let at = 0;
  for (const p of groups.members) {
    members.set(parts.members.subarray(parts.starts[p]!, parts.starts[p + 1]!), at);
    at += size(p);
  }
  return { starts, members };
}

/** Groups as one list of ids each. */
export function listsOf({ starts, members }: Groups): number[][] {
  return Array.from({ length: starts.length - 1 }, (_, g) => Array.from(members.subarray(starts[g]!, starts[g + 1]!)));
}
