/** `channel-audit history` over a series of demo reports made with --as-of on several dates (issue 15, item 8). */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { History } from '../src/model/index.js';
import { scoreTrend } from '../src/render/sparkline.js';
import { cli, demoAt } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-history-'));
const nights = join(tmp, 'nights');
const DATES = ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'];
const file = (date: string) => join(nights, `report-${date}.json`);
/** The company score of each night's report, as the reports say it (the history must say the same). */
const scores = () =>
  DATES.map((d) => (JSON.parse(readFileSync(file(d), 'utf8')) as { summary: { score: number } }).summary.score);

beforeAll(async () => {
  mkdirSync(nights);
  for (const date of DATES) {
    const run = await cli([...demoAt(date), '--fail-on', 'never', '-q', '-o', file(date)], {
      SOURCE_DATE_EPOCH: '1793491200',
    });
    expect(run.code).toBe(0);
  }
}, 120_000);

describe('channel-audit history', () => {
  it('reads the reports in any order, oldest first, and says how each profile moved', async () => {
    const shuffled = await cli([
      'history',
      file(DATES[2]!),
      file(DATES[0]!),
      file(DATES[3]!),
      file(DATES[1]!),
      '-f',
      'json',
    ]);
    const folder = await cli(['history', nights, '-f', 'json']);
    expect(shuffled.code).toBe(0);
    expect(shuffled.stdout.replaceAll(nights, '')).toBe(folder.stdout.replaceAll(nights, ''));
    const h = JSON.parse(folder.stdout) as History;
    expect(h.reports.map((r) => r.asOf.slice(0, 10))).toEqual(DATES);
    expect(h.reports.map((r) => r.score)).toEqual(scores());
    expect(scores()[3]).toBeLessThan(scores()[0]!); // the demo company got worse over the autumn
    const events = h.profiles.find((p) => p.name === 'Mastodon events')!;
    expect(events.points.map((p) => p.status)).toEqual(['active', 'active', 'stale', 'stale']);
    expect(h.profiles).toHaveLength(29);
  });

  it('prints text and Markdown with first → newest and a score trend on a fixed scale', async () => {
    const text = await cli(['history', nights]);
    expect(text.stdout).toMatch(
      new RegExp(
        `^Northwind Outfitters — 4 reports, 2026-08-01 to 2026-11-01\ncompany score: ${scores().join(' → ')} \\(F\\)`,
      ),
    );
    expect(text.stdout).toMatch(/^Mastodon events +active → stale +100 → 69 +██▇▆ /m);
    const markdown = await cli(['history', nights, '-f', 'markdown']);
    expect(markdown.stdout).toMatch(/^# Audit history: Northwind Outfitters/);
    expect(markdown.stdout).toMatch(/^\| Mastodon events \| active → stale \| 100 → 69 \|/m);
    expect(scoreTrend([0, 49, 50, 100, null])).toBe('▁▄▅█ ');
  });

  it('writes an HTML page of small multiples: one panel per profile, the company score, no scripts', async () => {
    const page = join(tmp, 'history.html');
    expect((await cli(['history', nights, '-o', page])).code).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<div class="panel">/g)).toHaveLength(29);
    expect(html).toContain('aria-label="score over 4 reports"');
  });

  it('--fail-on-regression exits 1 when the newest is worse than the best of the --window before it, and says why', async () => {
    const worse = await cli(['history', nights, '--fail-on-regression']);
    expect(worse.code).toBe(1);
    const [first, , third, newest] = scores();
    expect(worse.stdout).toContain(
      `Regression: the newest report is worse than the best of the 3 reports before it — company score ${newest}, best of the 3 before: ${Math.max(first!, scores()[1]!, third!)}; Mastodon events: stale, active in the 3 before`,
    );
    // the same night twice is no regression
    const same = join(tmp, 'same');
    mkdirSync(same);
    copyFileSync(file(DATES[3]!), join(same, 'a.json'));
    copyFileSync(file(DATES[3]!), join(same, 'b.json'));
    const steady = await cli(['history', same, '--fail-on-regression']);
    expect(steady.code).toBe(0);
    expect(steady.stdout).toMatch(/No regression/);
    // --window 1 compares with the night before only
    const one = await cli(['history', nights, '--window', '1', '-f', 'json']);
    expect((JSON.parse(one.stdout) as History).regression.reasons[0]).toBe(
      `company score ${newest}, best of the 1 before: ${third}`,
    );
  });

  it('refuses reports of another company, shard reports, and folders without reports (exit 2)', async () => {
    const other = JSON.parse(readFileSync(file(DATES[0]!), 'utf8'));
    writeFileSync(join(tmp, 'other.json'), JSON.stringify({ ...other, company: 'Someone Else' }));
    const mixed = await cli(['history', file(DATES[1]!), join(tmp, 'other.json')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/is a report of "Someone Else".*a history is of one inventory/);
    const shardFile = join(tmp, 'shard.json');
    await cli([...demoAt('2026-11-01'), '--fail-on', 'never', '-q', '--shard', '1/2', '-o', shardFile]);
    const shard = await cli(['history', file(DATES[1]!), shardFile]);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/is the report of one shard; merge the shards first/);
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect((await cli(['history', empty])).stderr).toMatch(/a folder without \.json reports/);
    // a file name that says no format, as audit and report refuse it
    const unknown = await cli(['history', nights, '-o', join(tmp, 'history.pdf')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/cannot tell the format from the extension; add --format/);
  });

  // issue 30, a sibling of the FIFO in a download (item 5): a folder listing must not open one
  it.skipIf(process.platform === 'win32')(
    'skips a FIFO named *.json in a report folder instead of waiting on it forever',
    async () => {
      const folder = join(tmp, 'with-fifo');
      mkdirSync(folder);
      for (const d of DATES.slice(0, 2)) copyFileSync(file(d), join(folder, `report-${d}.json`));
      execFileSync('mkfifo', [join(folder, 'report-9999.json')]);
      const run = await cli(['history', folder, '-f', 'json']);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as History).reports).toHaveLength(2);
    },
    20_000,
  );
});
