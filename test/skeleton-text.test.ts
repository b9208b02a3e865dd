import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_MEMBERS, MAX_WORDS, skeletonText } from '../src/analysis/skeleton-text.js';
import type { Report } from '../src/model/index.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { parseReport } from '../src/report/read.js';

const OPTIONS = { colorLevel: 0, width: null, failOn: 'never' } as const;
const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

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

  it('aligns a long reply by its first words and its signature: bounded work, the script still shown', () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `word${i}`).join(' ');
    const got = skeletonText(['AB', 'CD', 'EF'].map((who) => `Hi there, we'd like to help. ${filler} ^${who}`));
    expect(got.startsWith("Hi there, we'd like to help. word0 word1")).toBe(true);
    expect(got.endsWith('^{initials}')).toBe(true);
    expect(got.split(' ').length).toBeLessThanOrEqual(MAX_WORDS + 1);
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

describe('a template in the report', () => {
  it('reads an older report without skeleton or signers as its text, and null', () => {
    const older = golden();
    for (const p of older.profiles)
      for (const t of p.metrics?.templates ?? []) {
        delete (t as Partial<typeof t>).skeleton;
        delete (t as Partial<typeof t>).signedBy;
      }
    const t = parseReport(JSON.stringify(older), 'old.json').profiles.find((p) => p.metrics?.templates.length)!.metrics!
      .templates[0]!;
    expect(t.skeleton).toBe(t.text);
    expect(t.signedBy).toBeNull();
  });

  it('shows the script with its slots marked, how many follow it, who signed it and an example', () => {
    const report = golden();
    const t = report.profiles
      .flatMap((p) => p.metrics?.templates ?? [])
      .find((x) => x.skeleton.includes('{initials}'))!;
    const html = renderHtml(report, OPTIONS);
    expect(html).toContain('<mark class="slot">{initials}</mark>');
    expect(html).toContain(`${t.count} replies follow it`);
    expect(html).toContain(`signed by ${t.signedBy![0]}`);
    expect(html).toContain('<br>e.g. <q>');
    const md = renderMarkdown(report, OPTIONS);
    expect(md).toContain('*{initials}*');
    expect(md).toContain('> e.g. “');
  });
});
