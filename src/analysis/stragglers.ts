/**
 * Stragglers follow a template (issue 34; docs/canned-eval.md, thirteenth session). Average link forms the
 * templates strictly: two groups merge only while their replies are alike on average, so a short script
 * pasted with a changed opener, or with a few words of its ask reworded, is often left on its own. Here each
 * group of fewer than `minTemplate` replies (cannedMinClusterSize; a straggler) joins the template it is most like
 * on average, when that mean reaches the follow bar (CANNED_FOLLOW_SHARE of the threshold: 0.25 at the default 0.275):
 *  - the mean is over every pair of the straggler's replies and a sample of the template's (its SAMPLE most
 *    repeated texts, each weighing the replies it stands for), of the word-pair Jaccard of the texts with their
 *    stop words dropped ("which version of the iOS are you running" and "what version of iOS are you running"
 *    share "version ios", "ios running");
 *  - the templates it can join are those the candidate search linked it to (a pair of sampled texts at
 *    word-pair Jaccard ≥ the floor), so this costs a few Jaccards per candidate edge;
 *  - a template takes stragglers, never another template, and each straggler is measured against the
 *    templates as average link formed them, so nothing chains and the order does not matter.
 * Chosen on the tune half of the labels, measured once on the held-out half (the harness's attach mode,
 * "as the product could run it"): held-out pairs 0.96 / 0.61 → 0.96 / 0.64, ratio error 0.09 → 0.07 mean.
 */
import { sortedOnce } from './candidate-search.js';
import { type CoreGraph, samplesOf } from './core-average.js';
import { expand, groupsByRoot } from './groups.js';
import { jaccardFrom, type PackedSets, packLists } from './lsh-join.js';
import { isSpaceless, shingles, shinglesOfWords } from './shingles.js';

/** A group of fewer replies than this is a straggler, and a template has at least this many (the default of cannedMinClusterSize). */
export const MIN_TEMPLATE = 3;
/** The follow bar at the default threshold. */
export const FOLLOW_SIMILARITY = 0.25;
/** Words an agent adds or drops around one ask: articles, be, prepositions, conjunctions. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the and or of to for with in on at is are be this that it its so as by from just'.split(' '),
);

/** A normalised text's word pairs once its stop words are dropped (text without spaces: its shingles). */
export const contentPairs = (text: string): Uint32Array =>
  isSpaceless(text) ? shingles(text) : shinglesOfWords(text.split(' ').filter((w) => w && !STOP_WORDS.has(w)));

/**
 * Average link's roots (one per core) with each straggler's cores re-rooted at the template it follows.
 * `distinct` and `counts` are the texts the cores group (clusterTexts's distinct texts) and their replies.
 */
export function followTemplates(
  root: Uint32Array,
  { cores, weight, edges }: CoreGraph,
  distinct: readonly string[],
  counts: ArrayLike<number>,
  { bar = FOLLOW_SIMILARITY, minTemplate = MIN_TEMPLATE }: { bar?: number; minTemplate?: number } = {},
): Uint32Array {
  const n = root.length;
  const replies = new Float64Array(n);
  for (let c = 0; c < n; c++) replies[root[c]!]! += weight[c]!;
  const isTemplate = (r: number) => replies[r]! >= minTemplate;

  // candidate (straggler, template) pairs of roots, from the candidate edges, as sorted distinct keys
  const keys: number[] = [];
  for (let k = 0; k < edges.a.length; k++) {
    const [x, y] = [root[edges.a[k]!]!, root[edges.b[k]!]!];
    if (x === y || isTemplate(x) === isTemplate(y)) continue;
    keys.push(isTemplate(y) ? x * n + y : y * n + x);
  }
  if (keys.length === 0) return root;
  // two cores of one straggler can both be linked to one template: each key once
  const sorted = sortedOnce(Float64Array.from(keys));

  // each group's distinct texts, and its sample (as a core's: its SAMPLE most repeated texts); a group is known
  // by its root
  const coreGroups = groupsByRoot(root);
  const groups = expand(coreGroups, cores);
  const samples = samplesOf(groups, counts);
  const groupOf = new Int32Array(n).fill(-1);
  for (let g = 0; g + 1 < coreGroups.starts.length; g++) groupOf[root[coreGroups.members[coreGroups.starts[g]!]!]!] = g;
  const textsOf = (r: number) => {
    const g = groupOf[r]!;
    return groups.members.subarray(groups.starts[g]!, groups.starts[g + 1]!);
  };
  const sampleOf = (r: number) => {
    const g = groupOf[r]!;
    return samples.members.subarray(samples.starts[g]!, samples.starts[g + 1]!);
  };

  // the content pairs of every text the means read (the stragglers' texts and the templates' samples), packed;
  // `slot` is a text's place among them
  const slot = new Int32Array(distinct.length).fill(-1);
  const read: number[] = [];
  const take = (i: number) => {
    if (slot[i] === -1) slot[i] = read.push(i) - 1;
  };
  for (const key of sorted) {
    const s = Math.floor(key / n);
    for (const i of textsOf(s)) take(i);
    for (const i of sampleOf(key - s * n)) take(i);
  }
  const sets = packLists(read.map((i) => contentPairs(distinct[i]!)));

  const follows = new Map<number, number>();
  let best = { s: -1, t: -1, mean: -1 };
  const settle = () => {
    if (best.s >= 0 && best.mean >= bar) follows.set(best.s, best.t);
  };
  for (const key of sorted) {
    const s = Math.floor(key / n);
    const t = key - s * n;
    if (s !== best.s) {
      settle();
      best = { s, t: -1, mean: -1 };
    }
    const mean = sampledMean(sets, slot, counts, textsOf(s), sampleOf(t));
    // keys come in order of t for one s: a tie keeps the template of the lower root
    if (mean > best.mean) best = { s, t, mean };
  }
  settle();
  if (follows.size === 0) return root;
  return Uint32Array.from(root, (r) => follows.get(r) ?? r);
}

/** The mean similarity of a straggler's texts to a template's sample, reply by reply (an empty set meets nothing). */
function sampledMean(
  sets: PackedSets,
  slot: Int32Array,
  counts: ArrayLike<number>,
  straggler: Uint32Array,
  sample: Uint32Array,
): number {
  const { starts } = sets;
  let [sum, weight] = [0, 0];
  for (const i of straggler) {
    const x = slot[i]!;
    const emptyX = starts[x + 1] === starts[x];
    for (const j of sample) {
      const w = counts[i]! * counts[j]!;
      weight += w;
      const y = slot[j]!;
      if (emptyX || starts[y + 1] === starts[y]) continue;
      sum += w * jaccardFrom(sets, x, y, 0);
    }
  }
  return weight > 0 ? sum / weight : 0;
}
