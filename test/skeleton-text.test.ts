import { describe, expect, it } from 'vitest';
import { MAX_MEMBERS, skeletonText } from '../src/analysis/skeleton-text.js';

/** Issue 34 item 4: a template shown as its script, slots marked (made-up replies, no corpus text in the repo). */
describe('skeletonText', () => {
  it('marks the greeted name, a varying word and the signature as slots', () => {
    const got = skeletonText([
      "Hi Anna, we'd like to help. DM us your iPhone and iOS version. ^AB",
      "Hi Bob, we'd like to help. DM us your iPad and iOS version. ^CD",
      "Hey Carl, we'd like to help. DM us your Mac and iOS version. ^EF",
      "Hi Dee, we'd like to help. DM us your iPhone and iOS version. ^GH",
    ]);
    expect(got).toBe("Hi {name}, we'd like to help. DM us your {…} and iOS version. ^{initials}");
  });

  it('shows a link as {link} and a dashed signature as -{initials}', () => {
    const got = skeletonText([
      'Thanks for waiting. Send a note via https://x.example/a and we will check. -Becky',
      'Thanks for waiting. Send a note via <link> and we will check. -Sam',
      'Thanks for waiting! Send a note via <link> and we will check. -Jo',
    ]);
    expect(got).toBe('Thanks for waiting. Send a note via {link} and we will check. -{initials}');
  });

  it('keeps a link every reply writes and a signature after varying words as slots of their own', () => {
    const got = skeletonText([
      'Track your order here: <link> Ref #41230. ^AB',
      'Track your order here: <link> Ref #99817. ~Jen',
      'Track your order here: <link> Ref #12001. -MK',
    ]);
    expect(got).toBe('Track your order here: {link} Ref {…}. {initials}');
  });

  it('keeps identical replies as they are, with no slot', () => {
    const text = 'We are sorry for the trouble. Please DM us your order number.';
    expect(skeletonText([text, text, text])).toBe(text);
  });

  it('merges an opener some replies write and others do not into one slot', () => {
    const got = skeletonText([
      'Sorry about that, Dan. Please DM us your email.',
      'Oh no! Please DM us your email.',
      'Please DM us your email.',
    ]);
    expect(got).toBe('{…}. Please DM us your email.');
  });

  it('aligns at most MAX_MEMBERS replies', () => {
    const many = Array.from({ length: MAX_MEMBERS + 500 }, (_, i) => `Hi Person${i}, please follow us.`);
    expect(skeletonText(many)).toBe('Hi {name}, please follow us.');
    expect(skeletonText([])).toBe('');
  });
});
