/**
 * `channel-audit compare`: the demo's report (yours) against two competitors audited from the demo's
 * evidence under other names (test/fixtures/compare/), in every format, against golden files
 * (UPDATE_GOLDEN=1 rewrites them after a deliberate change); the usage errors; and a hostile company
 * name, which every format shows as text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkRow, buildBenchmark, type ProfileResult, type Report } from '../src/index.js';
import { cli } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-compare-'));
const OURS = 'test/golden/demo-report.json';
const southwind = join(tmp, 'southwind.json');
const eastwind = join(tmp, 'eastwind.json');

async function audit(inventory: string, out: string): Promise<void> {
  const args = [
    'audit',
    inventory,
    '--replay',
    'fixtures/demo/evidence',
    '--as-of',
    '2026-11-01',
    '--fail-on',
    'never',
  ];
  const { code, stderr } = await cli([...args, '-o', out, '-q'], { SOURCE_DATE_EPOCH: '1793491200' });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
}

beforeAll(async () => {
  await audit('test/fixtures/compare/southwind.yaml', southwind);
  await audit('test/fixtures/compare/eastwind.yaml', eastwind);
}, 60_000);

const report = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;

describe('channel-audit compare: golden files', () => {
  it.each(['html', 'md', 'json'])('matches test/golden/compare.%s', async (ext) => {
    const out = join(tmp, `benchmark.${ext}`);
    const { code, stderr } = await cli(['compare', OURS, southwind, eastwind, '-o', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote \w+ benchmark of 3 companies to .*benchmark\./);
    const golden = `test/golden/compare.${ext}`;
    const text = readFileSync(out, 'utf8');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('prints the table on stdout by default, yours first', async () => {
    const { code, stdout } = await cli(['compare', OURS, southwind]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Northwind Outfitters \(as of 2026-11-01\) compared with 1 competitor: Southwind Gear/);
    expect(stdout).toMatch(/\nNorthwind Outfitters \(yours\) +29 /);
    expect(stdout).toContain('\nLinkedIn\n');
  });

  it('overall score is the score each audit gave its company', async () => {
    const b = buildBenchmark([OURS, southwind, eastwind].map((file) => ({ file, report: report(file) })));
    expect(b.companies.map((c) => [c.overall.score, c.grade])).toEqual(
      [OURS, southwind, eastwind].map((f) => [report(f).summary.score, report(f).summary.grade]),
    );
    expect(b.companies.map((c) => c.yours)).toEqual([true, false, false]);
  });
});

describe('channel-audit compare: what it refuses (exit 2)', () => {
  it.each([
    ['one report', () => [OURS], /compare needs two reports or more, the first one yours, got 1/],
    ['a missing report', () => [OURS, join(tmp, 'nope.json')], /nope\.json: no such file/],
    ['a file that is not a report', () => [OURS, 'package.json'], /cannot read report package\.json/],
    ['the same company twice', () => [OURS, southwind, OURS], /both reports of "Northwind Outfitters"/],
  ])('%s', async (_, files, message) => {
    const { code, stdout, stderr } = await cli(['compare', ...files()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('the same company under another case and spacing', async () => {
    const renamed = join(tmp, 'renamed.json');
    writeFileSync(renamed, JSON.stringify({ ...report(southwind), company: '  northwind   OUTFITTERS ' }));
    const { code, stderr } = await cli(['compare', OURS, renamed]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/are both reports of/);
  });

  it('a -o whose extension disagrees with --format', async () => {
    const { code, stderr } = await cli(['compare', OURS, southwind, '-f', 'json', '-o', join(tmp, 'x.html')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the format json does not match the extension \.html/);
  });
});

describe('channel-audit compare: a hostile company name', () => {
  const NAME = '<script>alert(1)</script> *[click](javascript:alert(2))* | `x` \u001b]52;c;AAAA\u0007\u202eevil';

  it.each(['html', 'md', 'json', 'txt'])('is text in the .%s output', async (ext) => {
    const hostile = join(tmp, 'hostile.json');
    writeFileSync(hostile, JSON.stringify({ ...report(southwind), company: NAME }));
    const out = join(tmp, `hostile.${ext}`);
    expect((await cli(['compare', OURS, hostile, '-o', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/[\u001b\u0007\u202e]/);
    if (ext === 'html') {
      expect(text).not.toContain('<script>alert');
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).not.toMatch(/href=|<a /);
      // the embedded JSON cannot close its element
      expect(text.match(/<\/script>/g)).toHaveLength(1);
    }
    if (ext === 'md') {
      expect(text).toContain('&lt;script&gt;');
      expect(text).toContain('\\[click\\](javascript:alert(2))');
      expect(text).toContain('\\|');
      expect(text).not.toContain('`x`');
    }
    if (ext === 'json') expect(JSON.parse(text).companies[1].company).toBe(NAME.replace(/[\u001b\u0007\u202e]/g, ''));
  });
});

describe('benchmarkRow: what no profile measured is null, not 0', () => {
  const blocked = { status: 'blocked', metrics: null, scores: { overall: null } } as unknown as ProfileResult;

  it('profiles with no metrics', () => {
    expect(benchmarkRow([blocked, blocked])).toMatchObject({
      profiles: 2,
      byStatus: { blocked: 2, active: 0 },
      postsPerWeek: null,
      conversationShare: null,
      answeredRate: null,
      answerMinutes: null,
      cannedShare: null,
      score: null,
      measured: { postsPerWeek: 0, conversationShare: 0, answeredRate: 0, answerMinutes: 0, cannedShare: 0, score: 0 },
    });
  });

  it('a measured 0 stays 0, and a profile that could not measure it does not count', () => {
    const silent = {
      status: 'active',
      scores: { overall: 40 },
      metrics: {
        postsPerWeek30d: 2,
        conversationRatio: 0,
        replies: 0,
        originals: 8,
        selfThreads: 0,
        mentions: 0,
        answeredRate: 0,
        answeredReplies: 0,
        audienceReplies: 5,
        medianAnswerMinutes: null,
        cannedRatio: null,
        cannedReplies: null,
        repliesAnalyzed: null,
      },
    } as unknown as ProfileResult;
    expect(benchmarkRow([silent, blocked])).toMatchObject({
      postsPerWeek: 2,
      conversationShare: 0,
      answeredRate: 0,
      answerMinutes: null,
      cannedShare: null,
      score: 40,
      measured: { postsPerWeek: 1, conversationShare: 1, answeredRate: 1, answerMinutes: 0, cannedShare: 0, score: 1 },
    });
  });
});
