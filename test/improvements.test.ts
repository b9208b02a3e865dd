/** Better since the last audit: two hand-built reports, what moved, and that it is told ahead of what got worse. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding, Metrics, ProfileResult, Report, Status } from '../src/model/index.js';
import { compareReports } from '../src/report/compare.js';
import { metricChanges } from '../src/report/metric-changes.js';
import { parseReport } from '../src/report/read.js';
import { comparisonLines, PLAIN_STYLE } from '../src/render/comparison.js';
import { renderHtml } from '../src/render/html.js';
import { improvements } from '../src/render/improvements.js';
import { renderMarkdown } from '../src/render/markdown.js';

const OPTIONS = { colorLevel: 0, width: null, failOn: 'never' } as const;
const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
const template = golden().profiles[0]!;

function finding(code: string, profileId: string): Finding {
  return {
    code,
    title: code,
    severity: 'warning',
    profileId,
    evidence: {},
    message: code,
    recommendation: '',
    change: null,
  };
}
function profile(id: string, status: Status, metrics: Partial<Metrics>, findings: Finding[] = []): ProfileResult {
  return { ...template, id, name: `Profile ${id}`, status, findings, metrics: { ...template.metrics!, ...metrics } };
}
const report = (profiles: ProfileResult[]): Report => ({
  ...golden(),
  findings: [],
  actions: [],
  strengths: [],
  website: null,
  profiles,
});
const listened = (answered: number, of: number): Partial<Metrics> => ({
  audienceReplies: of,
  answeredReplies: answered,
  answeredRate: of === 0 ? null : Math.round((answered / of) * 10_000) / 10_000,
});
const canned = (ratio: number, of: number): Partial<Metrics> => ({ cannedRatio: ratio, repliesAnalyzed: of });

// last month: a silent brand, a canned one, a dead link and a dormant profile; this month all better, one worse
const before = report([
  profile('silent', 'active', { ...listened(0, 40), ...canned(0.2, 30) }),
  profile('canned', 'active', { ...listened(10, 20), ...canned(0.8, 100) }),
  profile('dormant', 'abandoned', { ...listened(0, 0), ...canned(0, 0) }),
  profile('dead', 'unreachable', {}, [finding('dead-profile-link', 'dead')]),
  profile('slipping', 'active', { ...listened(16, 20), ...canned(0.1, 50) }),
  profile('few', 'active', { ...listened(0, 3), ...canned(0.9, 4) }),
]);
const after = report([
  profile('silent', 'active', { ...listened(4, 40), ...canned(0.21, 30) }),
  profile('canned', 'active', { ...listened(10, 20), ...canned(0.3, 100) }),
  profile('dormant', 'active', { ...listened(0, 0), ...canned(0, 0) }),
  profile('slipping', 'active', { ...listened(8, 20), ...canned(0.1, 50) }),
  profile('few', 'active', { ...listened(3, 3), ...canned(0, 4) }),
]);

describe('metricChanges', () => {
  it('records what moved 5 points or from none, over the samples the findings need on both sides', () => {
    expect(metricChanges(before.profiles, after.profiles)).toEqual([
      { profileId: 'silent', metric: 'answeredRate', from: 0, to: 0.1, better: true },
      { profileId: 'canned', metric: 'cannedRatio', from: 0.8, to: 0.3, better: true },
      { profileId: 'slipping', metric: 'answeredRate', from: 0.8, to: 0.4, better: false },
    ]);
  });
});

describe('Better since the last audit', () => {
  const compared = compareReports(before, after);

  it('tells revived profiles, a brand that started answering, fewer canned replies and the dead link gone', () => {
    expect(improvements(compared)).toEqual([
      'Profile dormant is active again (was abandoned)',
      'Profile silent started answering: 10% of the replies from people answered, none before',
      'Profile canned writes more in person: canned replies 80% → 30%',
      'dead link removed from the list: dead',
    ]);
  });

  it('comes ahead of what got worse in diff, the table and Markdown', () => {
    const lines = comparisonLines(compared, PLAIN_STYLE);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('Better since the last audit:')).toBeGreaterThan(0);
    expect(at('Better since the last audit:')).toBeLessThan(at('Status changes:'));
    expect(at('Worse since the last audit:')).toBeGreaterThan(at('Better since the last audit:'));
    expect(lines[at('Worse since the last audit:') + 1]).toBe(
      '  Profile slipping answers fewer people: 80% → 40% of the replies from people answered',
    );
    const markdown = renderMarkdown(compared, OPTIONS);
    expect(markdown).toContain('- Profile silent started answering');
  });

  it('is an HTML section ahead of the baseline section', () => {
    const html = renderHtml(compared, OPTIONS);
    expect(html).toContain('<h2>Better since the last audit</h2>');
    expect(html.indexOf('Better since the last audit')).toBeLessThan(html.indexOf('<h2>Since the baseline</h2>'));
    expect(renderHtml(after, OPTIONS)).not.toContain('Better since the last audit');
  });

  it('survives the JSON round trip, and an older comparison without metric changes reads as none', () => {
    expect(parseReport(JSON.stringify(compared), 'now.json').baseline!.metricChanges).toHaveLength(3);
    const older = structuredClone(compared) as Report;
    delete (older.baseline as Partial<NonNullable<Report['baseline']>>).metricChanges;
    expect(parseReport(JSON.stringify(older), 'old.json').baseline!.metricChanges).toEqual([]);
  });
});
