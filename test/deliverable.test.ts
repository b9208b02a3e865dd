/**
 * The report as a client deliverable (issue 15): one verdict per profile, findings that agree, scores
 * that sort right, and the executive summary's ranked actions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import type { ProfileResult, Report } from '../src/model/index.js';
import { companyActions, scoreDriver } from '../src/scoring/actions.js';
import { checkAssertions } from '../src/scoring/assertions.js';
import { evaluateProfile, makeFinding } from '../src/scoring/evaluate.js';
import type { FindingCode } from '../src/scoring/findings/index.js';
import { ALSO_BREAKS, reconcileFindings } from '../src/scoring/reconcile.js';
import { decideStatus } from '../src/scoring/status.js';
import { firstWebLink } from '../src/sources/bio-link.js';
import { verdictFor } from '../src/scoring/verdict.js';
import { AS_OF, makePost, makeTimeline, settings } from './helpers/builders.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
const byName = (r: Report, name: string) => r.profiles.find((p) => p.name === name)!;

describe('verdicts', () => {
  it('gives every demo profile the verdict its status and findings call for', () => {
    const r = golden();
    const verdicts = Object.fromEntries(r.profiles.map((p) => [p.name, p.verdict]));
    expect(verdicts).toMatchObject({
      'Mastodon main': 'fix', // 23 audience questions unanswered for over a week
      'Mastodon support': 'fix', // active, 87% canned
      'Mastodon deals': 'fix', // broadcast only
      'Mastodon events': 'fix', // stale
      'Mastodon careers': 'close', // abandoned
      'Mastodon Europe': 'close', // never posted
      'Mastodon shop (old)': 'close', // gone
      // measured from the owner's download: active, and its only comments, under its own posts, answer
      // nobody the file names: its own thread, not conversation (issue 31, item 7)
      Instagram: 'fix',
      TikTok: 'close', // the owner's download: nothing since an agency's 2023 campaign
      'LinkedIn company page': 'check', // login wall (HTTP 999)
      'Trail Days microsite (2024 campaign)': 'check', // abandoned on thin evidence
    });
    expect(byName(r, 'Mastodon support').verdictReason).toBe('canned responses: 87% of 386 replies match 11 templates');
    expect(byName(r, 'Mastodon careers').verdictReason).toMatch(/^abandoned \(last post 13 months ago\): archive it/);
    for (const p of r.profiles) expect(p.verdictReason.length).toBeGreaterThan(10);
  });

  it('says check, not close, for a profile whose posts are all after the as-of date', () => {
    const timeline = makeTimeline([makePost(-3), makePost(-5)]);
    const metrics = analyzeTimeline(timeline, AS_OF, settings);
    const { status, reason, basis, basisNote } = decideStatus(
      { kind: 'ok', timeline, fetch: { httpStatus: 200, finalUrl: null, error: null, requests: 1 } },
      metrics,
      settings,
    );
    expect(status).toBe('empty');
    expect(verdictFor({ status, statusReason: reason, basis, basisNote, findings: [], metrics }).verdict).toBe('check');
  });
});

describe('findings that agree', () => {
  const asserted = (code: FindingCode, name: string, level: 'warning' | 'critical', message: string) => ({
    ...makeFinding(code, level, 'p', { name, actual: 1, limit: 0, level: level === 'critical' ? 'error' : 'warn' }),
    message,
  });

  it('folds an assertion into the rule that says the same thing, at the more severe level', () => {
    const rule = makeFinding('abandoned-profile', 'warning', 'p', { daysSinceLastPost: 400, lastPostAt: '2025-01-01' });
    const assertion = asserted(
      'assert-max-days-since-last-post',
      'maxDaysSinceLastPost',
      'critical',
      'days since the last post is 400 days; your target is at most 90 days',
    );
    const out = reconcileFindings([rule, assertion], 'abandoned');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      code: 'abandoned-profile',
      severity: 'critical',
      evidence: { alsoBreaks: 'maxDaysSinceLastPost' },
    });
    expect(out[0]!.message).toBe(`${rule.message}${ALSO_BREAKS}${assertion.message}`);
    expect(out[0]!.recommendation).toBe(rule.recommendation);
  });

  it('gives a profile to be closed no advice on how to talk', () => {
    const findings = [
      makeFinding('abandoned-profile', 'critical', 'p', { daysSinceLastPost: 400 }),
      makeFinding('canned-responses', 'critical', 'p', { cannedRatio: 0.9, replies: 50, templates: 3 }),
      makeFinding('promo-heavy', 'warning', 'p', { promoRatio: 0.8, ownPosts: 20 }),
      asserted(
        'assert-max-canned-ratio',
        'maxCannedRatio',
        'warning',
        'canned ratio is 90%; your target is at most 50%',
      ),
    ];
    const out = reconcileFindings(findings, 'abandoned');
    expect(out.map((f) => f.code)).toEqual(['abandoned-profile']);
    expect(out[0]!.evidence.alsoBreaks).toBe('maxCannedRatio');
    // the same findings on an active profile all stay, the assertion folded into the canned one
    expect(reconcileFindings(findings.slice(1), 'active').map((f) => f.code)).toEqual([
      'canned-responses',
      'promo-heavy',
    ]);
  });

  it('leaves no demo profile with contradictory advice, and no rule and assertion saying the same thing twice', () => {
    const r = golden();
    const closing = new Set(['abandoned-profile', 'empty-profile', 'dead-profile-link']);
    const talking = new Set([
      'canned-responses',
      'broadcast-only',
      'low-conversation',
      'promo-heavy',
      'stale-profile',
      'gone-quiet',
    ]);
    for (const p of r.profiles) {
      const codes = p.findings.map((f) => f.code);
      expect(codes.some((c) => closing.has(c)) && codes.some((c) => talking.has(c)), p.name!).toBe(false);
      if (codes.includes('abandoned-profile')) expect(codes).not.toContain('assert-max-days-since-last-post');
      if (codes.includes('canned-responses')) expect(codes).not.toContain('assert-max-canned-ratio');
    }
  });

  it('a rule-and-assertion pair still fails the run at the assertion level', () => {
    const timeline = makeTimeline(Array.from({ length: 3 }, (_, i) => makePost(400 + i)));
    const metrics = analyzeTimeline(timeline, AS_OF, settings);
    const { status, reason } = decideStatus(
      { kind: 'ok', timeline, fetch: { httpStatus: 200, finalUrl: null, error: null, requests: 1 } },
      metrics,
      settings,
    );
    const evaluated = evaluateProfile('p', status, reason, metrics, settings);
    const assertions = checkAssertions(
      'p',
      { maxDaysSinceLastPost: { level: 'error', limit: 90 } },
      metrics,
      evaluated.scores,
    );
    const out = reconcileFindings([...evaluated.findings, ...assertions], status);
    expect(out.filter((f) => f.code.startsWith('assert-'))).toEqual([]);
    expect(out.find((f) => f.code === 'abandoned-profile')!.severity).toBe('critical');
  });
});

describe('scores that sort right', () => {
  it('never puts an abandoned, empty or unreachable demo profile above a stale one', () => {
    const r = golden();
    const score = (p: ProfileResult) => p.scores.overall;
    const gone = r.profiles.filter((p) => ['abandoned', 'empty', 'unreachable'].includes(p.status));
    const stale = r.profiles.filter((p) => p.status === 'stale');
    expect(gone.length).toBeGreaterThan(3);
    for (const g of gone)
      for (const s of stale) expect(score(g)!, `${g.name} vs ${s.name}`).toBeLessThanOrEqual(score(s)!);
    // ordered by score, the demo reads: active profiles, then stale, then the ones to close
    const ordered = r.profiles.filter((p) => score(p) !== null).sort((a, b) => score(b)! - score(a)!);
    expect(ordered.at(-1)!.scores.overall).toBe(0);
    expect(ordered.slice(-gone.length).every((p) => score(p) === 0)).toBe(true);
  });

  it('computes the company score as the plain mean of the scored profiles, and says what drives it', () => {
    const r = golden();
    const scored = r.profiles.filter((p) => p.scores.overall !== null);
    expect(r.summary.score).toBe(Math.round(scored.reduce((s, p) => s + p.scores.overall!, 0) / scored.length));
    expect(r.summary.scoreDriver).toBe(scoreDriver(r.profiles, r.summary.score));
    expect(r.summary.scoreDriver).toMatch(
      /^\d+ of \d+ scored profiles are abandoned, empty or gone and score 0; the other \d+ average \d+/,
    );
  });
});

describe('the ranked actions', () => {
  it('ranks by severity, then by how many profiles each concerns, at most five, each naming its profiles', () => {
    const r = golden();
    expect(r.actions.length).toBeGreaterThanOrEqual(3);
    expect(r.actions.length).toBeLessThanOrEqual(5);
    expect(r.actions.map((a) => a.rank)).toEqual(r.actions.map((_, i) => i + 1));
    const rank = { critical: 3, warning: 2, info: 1 };
    for (let i = 1; i < r.actions.length; i++) {
      const [a, b] = [r.actions[i - 1]!, r.actions[i]!];
      expect(
        rank[a.severity] > rank[b.severity] ||
          (rank[a.severity] === rank[b.severity] && a.profileIds.length >= b.profileIds.length),
      ).toBe(true);
    }
    // six profiles leave their audience unanswered (two of them read through their owners' APIs), five should close
    expect(r.actions[0]).toMatchObject({ kind: 'answer-audience', severity: 'critical' });
    expect(r.actions[1]).toMatchObject({ kind: 'close', severity: 'critical' });
    expect(r.actions[1]!.text).toBe(
      'Close or hand over 5 abandoned or empty profiles: Mastodon careers, Mastodon Europe, Bluesky news, Trails newsletter and 1 more',
    );
    const canned = r.actions.find((a) => a.kind === 'answer-in-person')!;
    expect(canned.text).toMatch(/Mastodon support \(87% of replies canned\)/);
    expect(canned.profileIds.map((id) => byName(r, 'Mastodon support').id === id).some(Boolean)).toBe(true);
    expect(companyActions(r.profiles, r.findings)).toEqual(r.actions);
  });

  it('has only info-level advice for a company whose profiles are all kept', () => {
    const kept = golden().profiles.filter((p) => p.verdict === 'keep');
    const actions = companyActions(kept, []);
    expect(actions.map((a) => [a.kind, a.severity])).toEqual([['fix-website-links', 'info']]);
    expect(companyActions([], [])).toEqual([]);
  });
});

describe('account facts', () => {
  it('carries what the platform shows, and null where it shows nothing', () => {
    const r = golden();
    expect(byName(r, 'Mastodon main').account).toMatchObject({ handle: '@northwind', followers: 237, posts: 168 });
    expect(byName(r, 'Bluesky main').account.createdAt).toMatch(/^2023-09-19T/);
    expect(byName(r, 'Reddit staff account').account).toMatchObject({
      handle: 'u/northwind_official',
      followers: null,
    });
    expect(byName(r, 'LinkedIn company page').account).toEqual({
      handle: null,
      displayName: null,
      followers: null,
      posts: null,
      createdAt: null,
      bioLink: null,
      bio: null,
      bioLinkStatus: null,
    });
    // the bio as the platform shows it: Mastodon's note as text; the demo's Reddit account has no description field
    expect(byName(r, 'Mastodon main').account.bio).toBe('Northwind Outfitters — official account.');
    expect(byName(r, 'Bluesky main').account.bio).toBe('Northwind Outfitters. Posts from the Northwind team.');
    expect(byName(r, 'Reddit staff account').account.bio).toBeNull();
    expect(byName(r, 'X / Twitter support').account.bio).toBeNull();
  });

  it('shows them in the CSV and the HTML cards', () => {
    const csv = readFileSync('test/golden/demo-report.csv', 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/,handle,displayName,followers,accountPosts,accountCreatedAt,bioLink,/);
    const html = readFileSync('test/golden/demo-report.html', 'utf8');
    expect(html).toMatch(
      /<p class="account">@northwind · Northwind Outfitters · 237 followers · 168 posts · since 2022-11-07<\/p>/,
    );
  });

  it.each([
    [['<a href="https://northwind.example/" rel="me">northwind.example</a>'], 'https://northwind.example/'],
    [['see https://northwind.example/about.'], 'https://northwind.example/about'],
    [['<a href="javascript:alert(1)">x</a> and https://ok.example'], 'https://ok.example/'],
    [[null, 'mailto:a@b.example', 'ftp://x.example'], null],
    [['<a href="/relative">x</a>'], null],
    [['first', 'second: http://two.example'], 'http://two.example/'],
  ])('the bio link of %j is %s', (sources, expected) => {
    expect(firstWebLink(...sources)).toBe(expected);
  });
});
