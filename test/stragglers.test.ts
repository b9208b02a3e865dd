import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../src/analysis/cluster.js';
import { normaliseReply } from '../src/analysis/normalise.js';
import { contentPairs, followTemplates, MIN_TEMPLATE } from '../src/analysis/stragglers.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { CANNED_FOLLOW_SHARE } from '../src/model/inventory.js';

/** The follow bar at the default cannedSimilarity (0.25). */
const FOLLOW_SIMILARITY = DEFAULT_SETTINGS.cannedSimilarity * CANNED_FOLLOW_SHARE;
import { jaccardSorted, shingles } from '../src/analysis/shingles.js';

// made-up replies in the shape of a streaming service's "DM us your email" script (no corpus text)
const script = [
  'Hey there! Can you DM us your account email address? We will take a look backstage.',
  'Hi! Can you DM us your account email address? We will take a look backstage.',
  'Hey there, can you DM us your account email address? We will take a look backstage.',
  'Hmm. Can you DM us your account email address? We will take a look backstage.',
];
// the same ask behind a personal opener, with small words added and changed: word-pair Jaccard to each of the
// script's replies under 0.275, and 0.43–0.45 once the stop words are dropped
const straggler =
  'Hey Lauren, so sorry! Can you DM to us the email address of your account? We will take a look at this backstage for you.';
const unrelated = [
  'That trail is closed after the storm, try the lake loop instead.',
  'The Ridge boot runs small, go half a size up for winter socks.',
];
const norm = (ts: readonly string[]) => ts.map((t) => normaliseReply(t).text);
const holding = (clusters: number[][], i: number) => clusters.find((c) => c.includes(i))!;

describe('stragglers follow a template', () => {
  const texts = norm([...script, straggler, ...unrelated]);

  it('is a pair average link leaves apart', () => {
    const alone = clusterTexts(texts, { similarity: 0.275, method: 'exact', followers: false });
    expect(holding(alone, 4)).toEqual([4]);
    const words = shingles(texts[4]!);
    for (let i = 0; i < 4; i++) expect(jaccardSorted(words, shingles(texts[i]!))).toBeLessThan(0.275);
    // without its stop words the ask is close to the script's
    for (let i = 0; i < 4; i++)
      expect(jaccardSorted(contentPairs(texts[4]!), contentPairs(texts[i]!))).toBeGreaterThanOrEqual(0.25);
  });

  for (const method of ['exact', 'lsh'] as const)
    it(`a reply with a changed opener and a reworded ask joins its script's template (${method})`, () => {
      const clusters = clusterTexts(texts, { similarity: 0.275, method });
      expect([...holding(clusters, 4)].sort()).toEqual([0, 1, 2, 3, 4]);
      expect(holding(clusters, 5)).toEqual([5]);
      expect(holding(clusters, 6)).toEqual([6]);
    });

  it('a template never takes another template, however alike they are on average', () => {
    // the straggler's wording sent three times is a template of its own: it meets the script's three at a
    // word-pair mean under the threshold (so average link keeps them apart) and a content-pair mean of 0.43–0.45
    const other = norm(['Lauren', 'Sam', 'Jo'].map((name) => straggler.replace('Lauren', name)));
    const both = [...norm(script.slice(0, 3)), ...other];
    for (const x of other)
      for (const y of both.slice(0, 3)) expect(jaccardSorted(contentPairs(x), contentPairs(y))).toBeGreaterThan(0.4);
    const alone = clusterTexts(both, { similarity: 0.275, method: 'exact', followers: false });
    const followed = clusterTexts(both, { similarity: 0.275, method: 'exact' });
    expect(followed).toEqual(alone);
    expect(followed.filter((c) => c.length >= 3)).toHaveLength(2);
  });

  it('a reply that shares only stock words stays on its own', () => {
    const stock = norm(['Sorry to hear that! Can you DM us? We will look into it.']);
    const clusters = clusterTexts([...norm(script), ...stock], { similarity: 0.275, method: 'exact' });
    expect(holding(clusters, 4)).toEqual([4]);
  });

  it('is the same whatever the input order', () => {
    const reversed = [...texts].reverse();
    const sets = (cs: number[][], ts: readonly string[]) =>
      cs
        .map((c) =>
          c
            .map((i) => ts[i])
            .sort()
            .join('|'),
        )
        .sort();
    expect(sets(clusterTexts(reversed, { similarity: 0.275 }), reversed)).toEqual(
      sets(clusterTexts(texts, { similarity: 0.275 }), texts),
    );
  });
});

describe('followTemplates, on a graph made by hand', () => {
  // one template (a text sent three times) and two stragglers the candidate search linked to it
  const template = 'Your parcel is in the van and on the way to the depot in the morning.';
  const near = 'Sorry, your parcel is in a van on its way to the store this morning.';
  const far =
    'So sorry, your refund is in the system and on the way to the depot in the morning, we really hope that this helps you out today.';
  const distinct = norm([template, near, far]);
  const counts = [3, 1, 1];
  const graph = {
    cores: { starts: Uint32Array.from([0, 1, 2, 3]), members: Uint32Array.from([0, 1, 2]) },
    weight: Float64Array.from(counts),
    edges: { a: [0, 0], b: [1, 2], mass: [0.8, 0.8] },
  };

  it('a straggler follows when its content-pair mean reaches the follow similarity, and not below it', () => {
    const mean = (i: number) => jaccardSorted(contentPairs(distinct[i]!), contentPairs(distinct[0]!));
    expect(mean(1)).toBeGreaterThanOrEqual(FOLLOW_SIMILARITY);
    expect(mean(1)).toBeLessThan(0.4);
    expect(mean(2)).toBeLessThan(FOLLOW_SIMILARITY);
    expect(mean(2)).toBeGreaterThan(0.1);
    expect([
      ...followTemplates(Uint32Array.from([0, 1, 2]), graph, distinct, counts, { bar: FOLLOW_SIMILARITY }),
    ]).toEqual([0, 0, 2]);
  });

  it('only along the candidate edges: an unlinked straggler stays', () => {
    const unlinked = { ...graph, edges: { a: [0], b: [2], mass: [0.8] } };
    expect([
      ...followTemplates(Uint32Array.from([0, 1, 2]), unlinked, distinct, counts, { bar: FOLLOW_SIMILARITY }),
    ]).toEqual([0, 1, 2]);
  });

  it('two stragglers do not follow each other, and a template of three does not follow anything', () => {
    const small = { ...graph, weight: Float64Array.from([2, 1, 1]) };
    expect([
      ...followTemplates(Uint32Array.from([0, 1, 2]), small, distinct, [2, 1, 1], { bar: FOLLOW_SIMILARITY }),
    ]).toEqual([0, 1, 2]);
  });
});

describe('the settings the stragglers follow', () => {
  const twice = norm(['Lauren', 'Sam'].map((name) => straggler.replace('Lauren', name)));

  it('a template is cannedMinClusterSize replies: at 2, two of the same reply are a template and follow nothing', () => {
    const texts = [...norm(script.slice(0, 3)), ...twice];
    const clusters = clusterTexts(texts, { similarity: 0.275, method: 'exact', minTemplate: 2 });
    expect(clusters.map((c) => [...c].sort())).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    // at the default 3 they are a straggler pair, and follow the script
    expect(clusterTexts(texts, { similarity: 0.275, method: 'exact' }).map((c) => [...c].sort())).toEqual([
      [0, 1, 2, 3, 4],
    ]);
  });

  it('at 5, a group of three is no template: a straggler does not follow it', () => {
    const texts = [...norm(script.slice(0, 3)), twice[0]!];
    const clusters = clusterTexts(texts, { similarity: 0.275, method: 'exact', minTemplate: 5 });
    expect(clusters.map((c) => [...c].sort())).toEqual([[0, 1, 2], [3]]);
  });

  it('the follow bar is a share of the threshold: a stricter cannedSimilarity asks more of a follower', () => {
    const texts = norm([...script, straggler]);
    // content-pair mean 0.43–0.45 to the script: it follows at 0.275 (bar 0.25) and at 0.45 (bar 0.41)…
    for (const similarity of [0.275, 0.45])
      expect(holding(clusterTexts(texts, { similarity, method: 'exact' }), 4)).toHaveLength(5);
    // …not at 0.55 (bar 0.5), where the script's own replies are still one template
    const strict = clusterTexts(texts, { similarity: 0.55, method: 'exact' });
    expect(holding(strict, 0)).toHaveLength(4);
    expect(holding(strict, 4)).toEqual([4]);
  });
});

it("clusterTexts's own template size is cannedMinClusterSize's default", () => {
  expect(MIN_TEMPLATE).toBe(DEFAULT_SETTINGS.cannedMinClusterSize);
});
