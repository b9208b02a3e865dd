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
 * Chosen on the tune half of the labels, measured once on the held-out half (the harness's attach mode; its
 * product row is this step): held-out pairs 0.96 / 0.61 → 0.96 / 0.64, ratio error 0.09 → 0.07 mean.
 */
import { sortedOnce } from './candidate-search.js';
import { type CoreGraph, sampledMean, samplesOf } from './core-average.js';
import { expand, groupsByRoot } from './groups.js';
import { packLists } from './lsh-join.js';
import { isSpaceless, shingles, shinglesOfWords } from './shingles.js';

/** A group of fewer replies than this is a straggler, and a template has at least this many (the default of cannedMinClusterSize). */
export const MIN_TEMPLATE = 3;
/** Words an agent adds or drops around one ask: articles, be, prepositions, conjunctions. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the and or of to for with in on at is are be this that it its so as by from just'.split(' '),
);

/**
 * A normalised text's word pairs once its stop words are dropped; a text of stop words only keeps its own word
 * pairs (as a one-word reply is its word), and a text without spaces is shingled as ever.
 */
export function contentPairs(text: string): Uint32Array {
  if (isSpaceless(text)) return shingles(text);
  const words = text.split(' ').filter((w) => w && !STOP_WORDS.has(w));
  return words.length > 0 ? shinglesOfWords(words) : shingles(text);
}

const NONE = new Uint32Array(0);

/**
 * Average link's roots (one per core) with each straggler's cores re-rooted at the template it follows.
 * `distinct` and `counts` are the texts the cores group (clusterTexts's distinct texts) and their replies;
 * `bar` the mean a straggler needs (CANNED_FOLLOW_SHARE of the threshold), `minTemplate` a template's replies.
 */
export function followTemplates(
  root: Uint32Array,
  { cores, weight, edges }: CoreGraph,
  distinct: readonly string[],
  counts: ArrayLike<number>,
  { bar, minTemplate = MIN_TEMPLATE }: { bar: number; minTemplate?: number },
): Uint32Array {
  const n = root.length;
  const replies = new Float64Array(n);
  for (let c = 0; c < n; c++) replies[root[c]!]! += weight[c]!;
  const isTemplate = (r: number) => replies[r]! >= minTemplate;

  // candidate (straggler, template) pairs of groups, from the candidate edges, as sorted keys, each once (two
  // cores of one straggler can both be linked to one template); a group is known by its root
  const keys: number[] = [];
  for (let k = 0; k < edges.a.length; k++) {
    const [x, y] = [root[edges.a[k]!]!, root[edges.b[k]!]!];
    if (x === y || isTemplate(x) === isTemplate(y)) continue;
    keys.push(isTemplate(y) ? x * n + y : y * n + x);
  }
  if (keys.length === 0) return root;
  const sorted = sortedOnce(Float64Array.from(keys));

  // each group's sample (as a core's: its SAMPLE most repeated texts; a straggler's are all of its few), and
  // the content pairs of the sampled texts the means read, by text id (other texts' sets left empty)
  const coreGroups = groupsByRoot(root);
  const samples = samplesOf(expand(coreGroups, cores), counts);
  const groupOf = new Int32Array(n).fill(-1);
  for (let g = 0; g + 1 < coreGroups.starts.length; g++) groupOf[root[coreGroups.members[coreGroups.starts[g]!]!]!] = g;
  const lists: Uint32Array[] = new Array(distinct.length).fill(NONE);
  for (const key of sorted) {
    const s = Math.floor(key / n);
    for (const g of [groupOf[s]!, groupOf[key - s * n]!])
      for (let k = samples.starts[g]!; k < samples.starts[g + 1]!; k++) {
        const i = samples.members[k]!;
        if (lists[i] === NONE) lists[i] = contentPairs(distinct[i]!);
      }
  }
  const sets = packLists(lists);

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
    const mean = sampledMean(sets, counts, samples, groupOf[s]!, groupOf[t]!, 0);
    // keys come in order of t for one s: a tie keeps the template of the lower root
    if (mean > best.mean) best = { s, t, mean };
  }
  settle();
  if (follows.size === 0) return root;
  return Uint32Array.from(root, (r) => follows.get(r) ?? r);
}
