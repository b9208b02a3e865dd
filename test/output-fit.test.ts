/** Output that fits where it goes (issue 21, item 4): --width and COLUMNS, wrapped findings, -f against -o, ndjson. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { RENDERERS } from '../src/render/index.js';
import { wrap } from '../src/render/wrap.js';
import { cli, DEMO } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-fit-'));
const EPOCH = { SOURCE_DATE_EPOCH: '1793491200' };
const NEVER = ['--fail-on', 'never'];
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('the width of the table', () => {
  it('follows --width, and COLUMNS when stdout is not a terminal', async () => {
    const wide = await cli([...DEMO, ...NEVER]);
    expect(widest(wide.stdout)).toBeGreaterThan(150);
    for (const [args, env] of [
      [['--width', '80'], {}],
      [[], { COLUMNS: '80' }],
      [['--width', '80'], { COLUMNS: '200' }],
    ] as const) {
      const run = await cli([...DEMO, ...NEVER, ...args], env);
      expect(run.code).toBe(0);
      // a URL longer than a line is kept whole (it must stay copyable); everything else fits
      const over = run.stdout.split('\n').filter((l) => [...l].length > 80);
      expect(
        over.every((l) => /^\s+\S*https?:\/\/\S+\)?$/.test(l) || /https?:\/\/\S{40,}/.test(l)),
        over.join('\n'),
      ).toBe(true);
    }
  });

  it('wraps finding lines with the arrow indent', async () => {
    const run = await cli([...DEMO, ...NEVER, '--width', '70']);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  Canned responses — Mastodon support:'));
    expect(lines.slice(at, at + 5)).toEqual([
      '  Canned responses — Mastodon support: 87% of 386 replies match 11',
      '    templates; it also misses your target: canned ratio is 87%; your',
      '    target is at most 50%',
      '    → Personalise replies: answer the specific question and sign as a',
      '      person. [canned-responses]',
    ]);
  });

  it('refuses a width too narrow to show a profile', async () => {
    const run = await cli([...DEMO, '--width', '20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--width: expected a number of columns from 40 to 1000, got "20"/);
  });

  it('wrap keeps a word longer than the line whole, on its own line', () => {
    expect(wrap('see https://example.com/a/very/long/path for more', 20, '  ', '    ')).toEqual([
      '  see',
      '    https://example.com/a/very/long/path',
      '    for more',
    ]);
    expect(wrap('one two', null, '> ', '  ')).toEqual(['> one two']);
  });
});

describe('-f against -o', () => {
  it.each([
    [
      ['-f', 'json', '-o', 'r.html'],
      'the format json does not match the extension .html; pass -f html or a .json name',
    ],
    [
      ['-f', 'html', '-o', 'r.md'],
      'the format html does not match the extension .md; pass -f markdown or a .html name',
    ],
    [
      ['-f', 'ndjson', '-o', 'r.json'],
      'the format ndjson does not match the extension .json; pass -f json or a .ndjson name',
    ],
  ])('%j is a usage error, before the audit', async (args, message) => {
    const run = await cli([...DEMO, ...args.map((a) => (a.startsWith('r.') ? join(tmp, a) : a))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('takes -f as it is where the extension says nothing, and agrees where it matches', async () => {
    expect((await cli([...DEMO, ...NEVER, '-f', 'json', '-o', join(tmp, 'r.out')])).code).toBe(0);
    expect((await cli([...DEMO, ...NEVER, '-f', 'html', '-o', join(tmp, 'r.htm')])).code).toBe(0);
    expect((await cli([...DEMO, ...NEVER, '-o', join(tmp, 'r.jsonl')])).code).toBe(0);
    expect(readFileSync(join(tmp, 'r.jsonl'), 'utf8').split('\n').at(-2)).toMatch(/^\{"type":"summary",/);
  });
});

describe('--format ndjson', () => {
  /** The report put back together from the lines: the summary, with the profiles in its profileIds order. */
  function reassemble(ndjson: string): Report {
    const lines = ndjson
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id?: string; profileIds?: string[] });
    const { type: _s, profileIds, ...summary } = lines.at(-1)!;
    const profiles = new Map(
      lines.slice(0, -1).map(({ type, ...p }) => {
        expect(type).toBe('profile');
        return [p.id!, p];
      }),
    );
    return { ...summary, profiles: profileIds!.map((id) => profiles.get(id)) } as unknown as Report;
  }

  it('streams one profile per line, then a summary line, and the lines are the JSON report', async () => {
    const json = await cli([...DEMO, ...NEVER, '-f', 'json'], EPOCH);
    const ndjson = await cli([...DEMO, ...NEVER, '-f', 'ndjson'], EPOCH);
    expect(ndjson.code).toBe(0);
    const lines = ndjson.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(30); // 29 profiles and the summary
    for (const line of lines) expect(line).not.toContain('\n');
    expect(reassemble(ndjson.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('exits as --fail-on says, like every other format', async () => {
    expect((await cli([...DEMO, '-f', 'ndjson', '--fail-on', 'critical'])).code).toBe(1);
  });

  it('renders a saved report in report order: the same lines, with -o FILE', async () => {
    const saved = join(tmp, 'saved.json');
    const lines = join(tmp, 'saved.ndjson');
    await cli([...DEMO, ...NEVER, '-o', saved], EPOCH);
    await cli([...DEMO, ...NEVER, '-o', lines], EPOCH);
    const report = JSON.parse(readFileSync(saved, 'utf8')) as Report;
    expect(readFileSync(lines, 'utf8')).toBe(RENDERERS.ndjson(report, { colorLevel: 0, width: null, failOn: 'never' }));
    expect(
      readFileSync(lines, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l).id),
    ).toEqual(report.profiles.map((p) => p.id));
  });
});
