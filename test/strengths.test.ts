/** What's working: strengths are credited with their figures, and only over the sample the findings need. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Metrics, ProfileResult, Report, Status } from '../src/model/index.js';
import { parseReport } from '../src/report/read.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { companyStrengths } from '../src/scoring/strengths.js';

const OPTIONS = { colorLevel: 0, width: null, failOn: 'never' } as const;
const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
// the demo's main Mastodon profile: measured, with listening and canned metrics
const template = golden().profiles[0]!;
const SETTINGS = { minSamplePosts: 20 };
const QUIET: Partial<Metrics> = {
  audienceReplies: 0,
  answeredReplies: 0,
  answeredRate: null,
  medianAnswerMinutes: null,
  repliesAnalyzed: 0,
  cannedRatio: null,
  weeklyPosts: Array.from({ length: 26 }, () => 0),
};

function profile(metrics: Partial<Metrics>, status: Status = 'active', id = 'p'): ProfileResult {
  return { ...template, id, name: `Profile ${id}`, status, metrics: { ...template.metrics!, ...QUIET, ...metrics } };
}
const kinds = (p: ProfileResult) => companyStrengths([p], SETTINGS).map((s) => s.kind);

describe('companyStrengths', () => {
  it('credits a profile that answers most people, with its figures', () => {
    const got = companyStrengths([profile({ audienceReplies: 40, answeredReplies: 34, answeredRate: 0.85 })], SETTINGS);
    expect(got).toEqual([{ kind: 'answers-people', profileId: 'p', text: 'answered 85% of 40 replies from people' }]);
  });

  it('never praises on 2 replies: the findings need 10, and so does the praise', () => {
    expect(kinds(profile({ audienceReplies: 2, answeredReplies: 2, answeredRate: 1 }))).toEqual([]);
    expect(kinds(profile({ audienceReplies: 40, answeredReplies: 28, answeredRate: 0.7 }))).toEqual([]);
  });

  it('credits fast answers over 10 answers or more, not over 3', () => {
    const fast = profile({ audienceReplies: 40, answeredReplies: 12, answeredRate: 0.3, medianAnswerMinutes: 25 });
    expect(companyStrengths([fast], SETTINGS)).toEqual([
      { kind: 'answers-fast', profileId: 'p', text: 'half of its 12 answers came within 25 minutes' },
    ]);
    expect(
      kinds(profile({ audienceReplies: 5, answeredReplies: 3, answeredRate: 0.6, medianAnswerMinutes: 5 })),
    ).toEqual([]);
    expect(
      kinds(profile({ audienceReplies: 40, answeredReplies: 12, answeredRate: 0.3, medianAnswerMinutes: 180 })),
    ).toEqual([]);
  });

  it('credits personal replies over 10 replies or more, not over 4', () => {
    expect(companyStrengths([profile({ repliesAnalyzed: 50, cannedRatio: 0.04 })], SETTINGS)).toEqual([
      { kind: 'writes-personally', profileId: 'p', text: 'only 4% of 50 replies canned' },
    ]);
    expect(companyStrengths([profile({ repliesAnalyzed: 12, cannedRatio: 0 })], SETTINGS)[0]!.text).toBe(
      'none of 12 replies canned',
    );
    expect(kinds(profile({ repliesAnalyzed: 4, cannedRatio: 0 }))).toEqual([]);
    expect(kinds(profile({ repliesAnalyzed: 50, cannedRatio: 0.3 }))).toEqual([]);
  });

  it('credits a post in every one of the last 13 weeks, over minSamplePosts posts', () => {
    const weeks = [...Array.from({ length: 13 }, () => 0), ...Array.from({ length: 13 }, () => 2)];
    expect(
      companyStrengths([profile({ weeklyPosts: weeks, postsAnalyzed: 40, postsPerWeek90d: 2 })], SETTINGS),
    ).toEqual([
      { kind: 'posts-steadily', profileId: 'p', text: 'posted in every one of the last 13 weeks, 2 posts a week' },
    ]);
    const gap = [...weeks];
    gap[20] = 0;
    expect(kinds(profile({ weeklyPosts: gap, postsAnalyzed: 40 }))).toEqual([]);
    const unread: Array<number | null> = [...weeks];
    unread[25] = null;
    expect(kinds(profile({ weeklyPosts: unread, postsAnalyzed: 40 }))).toEqual([]);
    expect(kinds(profile({ weeklyPosts: weeks, postsAnalyzed: 19 }))).toEqual([]);
  });

  it('credits nothing on a profile nobody runs, and lists answering first', () => {
    const strong = {
      audienceReplies: 40,
      answeredReplies: 34,
      answeredRate: 0.85,
      repliesAnalyzed: 50,
      cannedRatio: 0,
    };
    expect(kinds(profile(strong, 'abandoned'))).toEqual([]);
    const got = companyStrengths(
      [profile({ repliesAnalyzed: 50, cannedRatio: 0 }, 'active', 'a'), profile(strong, 'active', 'b')],
      SETTINGS,
    );
    expect(got.map((s) => `${s.kind} ${s.profileId}`)).toEqual([
      'answers-people b',
      'writes-personally a',
      'writes-personally b',
    ]);
  });
});

describe("What's working in the reports", () => {
  it('is in the demo report and is filled in when an older report lacks it', () => {
    const report = golden();
    expect(report.strengths.length).toBeGreaterThan(0);
    const older = structuredClone(report) as Partial<Report>;
    delete older.strengths;
    expect(parseReport(JSON.stringify(older), 'old.json').strengths).toEqual(report.strengths);
  });

  it('is a section of the HTML and Markdown reports, named by display name, after the overview', () => {
    const report = golden();
    const html = renderHtml(report, OPTIONS);
    expect(html).toContain("<h2>What's working</h2>");
    expect(html).toContain('<h3>Posts steadily</h3>');
    // the executive summary and the overview stay first (html-browser.test.ts); what works comes right after
    expect(html.indexOf("What's working")).toBeGreaterThan(html.indexOf('<h2>Overview</h2>'));
    expect(html.indexOf("What's working")).toBeLessThan(html.indexOf('<h2>Profiles by status</h2>'));
    const markdown = renderMarkdown(report, OPTIONS);
    expect(markdown).toContain("## What's working");
    expect(markdown).toMatch(/- Mastodon events: none of 10 replies canned/);
  });

  it('is left out where nothing clears the bar', () => {
    const report = { ...golden(), strengths: [] };
    expect(renderHtml(report, OPTIONS)).not.toContain("What's working");
    expect(renderMarkdown(report, OPTIONS)).not.toContain("What's working");
  });
});
