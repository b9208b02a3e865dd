/** Baselines: findings new / unchanged / resolved, statuses that got worse, diff, --fail-on-new, and reading old reports. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ProfileResult, Report, Status } from '../src/model/index.js';
import { compareReports, isWorse } from '../src/report/compare.js';
import { parseReport, ReportFileError } from '../src/report/read.js';
import { cli, DEMO, schemaErrors } from './helpers/cli.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-baseline-'));

function finding(code: Finding['code'], severity: Finding['severity'], profileId: string | null = 'p'): Finding {
  return { code, title: code, severity, profileId, evidence: {}, message: code, recommendation: '', change: null };
}
function report(
  profiles: Array<{ id?: string; status: Status; findings: Finding[] }>,
  company: Finding[] = [],
): Report {
  const base = golden();
  const template = base.profiles[0]!;
  return {
    ...base,
    findings: company,
    profiles: profiles.map(
      (p) => ({ ...template, id: p.id ?? 'p', status: p.status, findings: p.findings }) as ProfileResult,
    ),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('compareReports', () => {
  it.each([
    {
      name: 'same finding',
      before: [finding('stale-profile', 'warning')],
      after: [finding('stale-profile', 'warning')],
      change: 'unchanged',
      resolved: 0,
    },
    {
      name: 'a finding that was not there',
      before: [],
      after: [finding('stale-profile', 'warning')],
      change: 'new',
      resolved: 0,
    },
    {
      name: 'more severe than before',
      before: [finding('canned-responses', 'warning')],
      after: [finding('canned-responses', 'critical')],
      change: 'new',
      resolved: 0,
    },
    {
      name: 'less severe than before',
      before: [finding('canned-responses', 'critical')],
      after: [finding('canned-responses', 'warning')],
      change: 'unchanged',
      resolved: 0,
    },
    {
      name: 'stale became abandoned',
      before: [finding('stale-profile', 'warning')],
      after: [finding('abandoned-profile', 'critical')],
      change: 'new',
      resolved: 1,
    },
  ])('$name', ({ before, after, change, resolved }) => {
    const got = compareReports(
      report([{ status: 'stale', findings: before }]),
      report([{ status: 'stale', findings: after }]),
    );
    expect(got.profiles[0]!.findings[0]!.change).toBe(change);
    expect(got.baseline!.findings.resolved).toBe(resolved);
    expect(got.baseline!.resolved.every((f) => f.change === null)).toBe(true);
  });

  it.each([
    ['active', 'stale', true],
    ['stale', 'abandoned', true],
    ['abandoned', 'unreachable', true],
    ['abandoned', 'active', false],
    ['active', 'blocked', false], // could not tell is not worse
    ['error', 'active', false],
  ] as Array<[Status, Status, boolean]>)('%s → %s worse: %s', (from, to, worse) => {
    expect(isWorse(from, to)).toBe(worse);
  });

  it('lists status changes, and profiles added to or removed from the inventory', () => {
    const got = compareReports(
      report([
        { id: 'a', status: 'active', findings: [] },
        { id: 'b', status: 'active', findings: [] },
      ]),
      report([
        { id: 'a', status: 'stale', findings: [] },
        { id: 'c', status: 'active', findings: [] },
      ]),
    );
    expect(got.baseline).toMatchObject({
      statusChanges: [{ profileId: 'a', from: 'active', to: 'stale', worse: true }],
      addedProfiles: ['c'],
      removedProfiles: ['b'],
    });
  });

  it('compares company-level findings too', () => {
    const got = compareReports(
      report([], [finding('company-unmeasured', 'info', null)]),
      report(
        [],
        [finding('company-unmeasured', 'info', null), finding('company-abandoned-profiles', 'critical', null)],
      ),
    );
    expect(got.findings.map((f) => f.change)).toEqual(['unchanged', 'new']);
  });

  it('a report against itself: everything unchanged, valid against the schema', () => {
    const got = compareReports(golden(), golden());
    expect(got.baseline!.findings).toEqual({
      new: 0,
      unchanged:
        got.summary.findingsBySeverity.critical +
        got.summary.findingsBySeverity.warning +
        got.summary.findingsBySeverity.info,
      resolved: 0,
    });
    expect(schemaErrors(got)).toBeNull();
  });
});

describe('reading saved reports', () => {
  it('upgrades a schemaVersion 1 report written before weeklyPosts, change and baseline existed', () => {
    const old = golden() as unknown as Record<string, unknown> & Report;
    delete (old as Partial<Report>).baseline;
    for (const p of old.profiles) {
      for (const f of p.findings) delete (f as Partial<Finding>).change;
      if (p.metrics) delete (p.metrics as Partial<typeof p.metrics>).weeklyPosts;
    }
    const upgraded = parseReport(JSON.stringify(old), 'old.json');
    expect(schemaErrors(upgraded)).toBeNull();
    expect(upgraded.profiles[0]!.metrics!.weeklyPosts).toEqual(Array(26).fill(null));
  });

  it('reads a report from before the sample definition and basis: unknown, not made up, and compares with it', () => {
    const old = golden() as unknown as Report;
    delete (old.summary as Partial<Report['summary']>).thinByStatus;
    for (const p of old.profiles) {
      for (const k of ['basis', 'basisNote', 'internal'] as const) delete (p as Partial<typeof p>)[k];
      if (!p.metrics) continue;
      delete (p.metrics as Partial<typeof p.metrics>).promoPosts;
      delete (p.metrics as Partial<typeof p.metrics>).cannedReplies;
      for (const k of ['posts', 'fetched', 'from', 'to', 'extended', 'complete', 'incompleteReason'] as const)
        delete (p.metrics.sample as Partial<typeof p.metrics.sample>)[k];
    }
    const upgraded = parseReport(JSON.stringify(old), 'old.json');
    expect(schemaErrors(upgraded)).toBeNull();
    const first = upgraded.profiles[0]!;
    expect([
      first.basis,
      first.internal,
      first.metrics!.sample.posts,
      first.metrics!.sample.complete,
      first.metrics!.promoPosts,
    ]).toEqual([null, false, null, null, null]);
    expect(first.metrics!.sample.fetched).toBe(first.metrics!.sample.size);
    expect(compareReports(golden(), upgraded).baseline!.findings.new).toBe(0);
  });

  it.each([
    [
      '{"schemaVersion": 2, "profiles": []}',
      /old\.json: written by a newer channel-audit \(schemaVersion 2\).*upgrade channel-audit/,
    ],
    ['{"profiles": []}', /not a channel-audit report \(no schemaVersion\)/],
    ['company: x', /not JSON/],
    ['{"schemaVersion": 1, "company": "x"}', /not a valid channel-audit report: asOf/],
  ])('rejects %s', (text, message) => {
    expect(() => parseReport(text, 'old.json')).toThrow(ReportFileError);
    expect(() => parseReport(text, 'old.json')).toThrow(message);
  });
});

describe('baselines from the command line', () => {
  let before: string, after: string;
  beforeAll(async () => {
    // the same evidence a month earlier: profiles that were active then are stale now
    before = join(tmp, 'before.json');
    after = join(tmp, 'after.json');
    const earlier = DEMO.map((a) => (a === '2026-11-01' ? '2026-10-01' : a));
    writeFileSync(before, (await cli([...earlier, '--format', 'json', '--fail-on', 'never'])).stdout);
    writeFileSync(after, (await cli([...DEMO, '--format', 'json', '--fail-on', 'never'])).stdout);
  });

  it('--baseline marks every finding and lists what got worse', async () => {
    const { code, stdout } = await cli([...DEMO, '--format', 'json', '--baseline', before]);
    expect(code).toBe(1); // --fail-on critical, and there are critical findings (known ones)
    const got = JSON.parse(stdout);
    expect(schemaErrors(got)).toBeNull();
    const changes = got.profiles.flatMap((p: ProfileResult) => p.findings.map((f) => f.change));
    expect(changes.every((c: string) => c === 'new' || c === 'unchanged')).toBe(true);
    expect(got.baseline.statusChanges.filter((c: { worse: boolean }) => c.worse).length).toBeGreaterThan(0);
  });

  it('--fail-on-new fails only on what is new', async () => {
    expect((await cli([...DEMO, '--baseline', after, '--fail-on-new', '--fail-on', 'info'])).code).toBe(0); // nothing new against itself
    expect((await cli([...DEMO, '--baseline', before, '--fail-on-new', '--fail-on', 'warning'])).code).toBe(1); // profiles went stale
    // and one new finding is critical: the repair channel, unreadable at the baseline, now misses the canned target
    const critical = await cli([...DEMO, '--baseline', before, '--fail-on-new', '--fail-on', 'critical']);
    expect(critical.code).toBe(1);
    expect(critical.stdout).toMatch(/critical canned-responses — YouTube repair channel: 52% of 21 replies/);
  });

  it('the table and Markdown reports say what changed', async () => {
    const table = await cli([...DEMO, '--baseline', before, '--fail-on', 'never']);
    expect(table.stdout).toMatch(/Since the baseline \(as of 2026-10-01\)/);
    expect(table.stdout).toMatch(/Bluesky crew: active → stale \(worse\)/);
    const md = await cli([...DEMO, '--baseline', before, '--fail-on', 'never', '--format', 'markdown']);
    expect(md.stdout).toMatch(/## Since the baseline \(as of 2026-10-01\)/);
    expect(md.stdout).toMatch(/\*\*\d+ new\*\*/);
  });

  it('diff OLD NEW prints the same comparison as --baseline', async () => {
    const diff = await cli(['diff', before, after]);
    expect(diff.code).toBe(0);
    // both reports are named with their dates, then the comparison --baseline prints
    expect(diff.stdout).toMatch(
      new RegExp(
        `^Comparing ${escapeRegExp(before)} \\(as of 2026-10-01\\) with ${escapeRegExp(after)} \\(as of 2026-11-01\\)\n\nSince the baseline \\(as of 2026-10-01\\)`,
      ),
    );
    // -o writes it to a file, in the format of its extension, one file per -o
    const md = join(dirname(after), 'diff.md');
    const js = join(dirname(after), 'diff.json');
    const written = await cli(['diff', before, after, '-o', md, '-o', js]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(md, 'utf8')).toMatch(
      /^Comparing .* \(as of 2026-10-01\) with .* \(as of 2026-11-01\)\n\n## Since the baseline/,
    );
    expect(JSON.parse(readFileSync(js, 'utf8')).baseline.asOf).toMatch(/^2026-10-01/);
    expect((await cli(['diff', before, after, '-o', join(dirname(after), 'diff.csv')])).code).toBe(2);
    const json = JSON.parse((await cli(['diff', before, after, '--format', 'json'])).stdout);
    const viaAudit = JSON.parse(
      (await cli([...DEMO, '--format', 'json', '--fail-on', 'never', '--baseline', before])).stdout,
    );
    expect({ ...json, generatedAt: null }).toEqual({ ...viaAudit, generatedAt: null });
    expect((await cli(['diff', before, after, '--fail-on', 'warning'])).code).toBe(1);
  });

  it.each([
    [['audit', 'examples/inventory.yaml', '--fail-on-new'], /--fail-on-new needs --baseline/],
    [['audit', 'examples/inventory.yaml', '--baseline', 'nope.json'], /--baseline nope\.json: no such file/],
    [['diff', 'examples/inventory.yaml', 'nope.json'], /no such file|not JSON/],
    [['diff', 'a.json', 'b.json', '--format', 'csv'], /--format: expected one of text, markdown, json/],
  ])('%j exits 2', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
