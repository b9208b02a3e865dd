import { describe, expect, it } from 'vitest';
import { clusterTexts } from '../src/analysis/cluster.js';
import { asTextSets, scriptsIn, uberScript, uberTexts } from './helpers/uber-shaped.js';
import { normaliseReply } from '../src/analysis/normalise.js';

describe('skeleton linkage (issue 34 item 2)', () => {
  const texts = uberTexts;
  const script = uberScript;

  it('single link at the core similarity chains the two scripts (why skeletons are needed)', () => {
    const clusters = clusterTexts(texts, { similarity: 0.3, method: 'exact', linkage: 'single' });
    expect(clusters.some((c) => scriptsIn(c).size === 2)).toBe(true);
  });

  for (const method of ['exact', 'lsh'] as const)
    it(`keeps Uber-shaped "DM us your email" and "send us a note via <link>" apart (${method})`, () => {
      const clusters = clusterTexts(texts, { similarity: 0.3, method, linkage: 'skeleton' });
      expect(clusters.every((c) => scriptsIn(c).size <= 1)).toBe(true);
      // and each script is still one template of all its replies, whatever the opener
      for (const name of ['email', 'note']) {
        const holding = clusters.filter((c) => c.some((i) => script(i) === name));
        expect(holding).toHaveLength(1);
        expect(holding[0]!.filter((i) => script(i) === name)).toHaveLength(6);
      }
    });

  it('on the LSH path, a reply holding the script inside a long opener follows it by containment', () => {
    // alike to no member at the core similarity, so in no LSH component with them: before, skeletons were
    // formed and followed only within a component, and this reply stayed alone
    const long = normaliseReply(
      'Hi pat, we are really sorry that your driver took the long way round twice this week and that the ' +
        'receipt you got afterwards showed a fare far above the estimate you were quoted in the app. ' +
        'Please DM us the email address linked to your account so we can look into it.',
    ).text;
    const all = [...texts, long];
    const clusters = clusterTexts(all, { similarity: 0.3, method: 'lsh', linkage: 'skeleton' });
    const home = clusters.find((c) => c.includes(all.length - 1))!;
    expect(home.filter((i) => script(i) === 'email')).toHaveLength(6);
  });

  it('is the same whatever the input order', () => {
    const reversed = [...texts].reverse();
    expect(asTextSets(clusterTexts(reversed, { similarity: 0.3, linkage: 'skeleton' }), reversed)).toEqual(
      asTextSets(clusterTexts(texts, { similarity: 0.3, linkage: 'skeleton' }), texts),
    );
  });
});
