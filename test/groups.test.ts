/** Groups of ids in typed arrays (src/analysis/groups.ts): grouping by root, and groups of groups flattened. */
import { describe, expect, it } from 'vitest';
import { expand, type Groups, groupsByRoot } from '../src/analysis/groups.js';

const lists = ({ starts, members }: Groups) =>
  Array.from({ length: starts.length - 1 }, (_, g) => Array.from(members.subarray(starts[g]!, starts[g + 1]!)));

describe('groups', () => {
  it('groups ids by root, groups in order of their first id, ids ascending', () => {
    expect(lists(groupsByRoot([0, 0, 2, 0, 2, 5]))).toEqual([[0, 1, 3], [2, 4], [5]]);
    expect(lists(groupsByRoot([]))).toEqual([]);
  });

  it('flattens groups of parts into the parts’ members, part by part', () => {
    const parts = groupsByRoot([0, 1, 0, 3, 1, 3]); // [0, 2], [1, 4], [3, 5]
    const groups = groupsByRoot([0, 1, 0]); // parts 0 and 2 together, part 1 alone
    expect(lists(expand(groups, parts))).toEqual([
      [0, 2, 3, 5],
      [1, 4],
    ]);
  });
});
