/** --shard I/N cuts the inventory by host; merge puts the shard reports back together, identical to an unsharded run. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { MergeError, mergeReports, shardOfHosts, shardProfiles } from '../src/report/shard.js';
import { cli, DEMO, schemaErrors } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-shard-'));
const ENV = { SOURCE_DATE_EPOCH: '1793491200' };
const urls = (...hosts: string[]) => hosts.map((h, i) => ({ url: `https://${h}/p${i}` }));

describe('shardOfHosts', () => {
  const profiles = urls(
    'a.example',
    'a.example',
    'a.example',
    'b.example',
    'b.example',
    'c.example',
    'd.example',
    'e.example',
  );

  it('puts every profile of a host in one shard, balancing profiles across shards', () => {
    const assignment = shardOfHosts(profiles, 3);
    expect(Object.fromEntries(assignment)).toEqual({
      'a.example': 1,
      'b.example': 2,
      'c.example': 3,
      'd.example': 3,
      'e.example': 2,
    });
    const sizes = [1, 2, 3].map((i) => shardProfiles(profiles, i, 3).length);
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('does not depend on inventory order, and the shards partition the inventory', () => {
    expect(shardOfHosts([...profiles].reverse(), 3)).toEqual(shardOfHosts(profiles, 3));
    for (const n of [1, 2, 4, 9]) {
      const all = Array.from({ length: n }, (_, i) => shardProfiles(profiles, i + 1, n)).flat();
      expect(all.map((p) => p.url).sort()).toEqual(profiles.map((p) => p.url).sort());
    }
  });

  it('leaves shards empty when there are more shards than hosts', () => {
    expect(shardProfiles(urls('a.example'), 2, 2)).toEqual([]);
  });
});

describe('sharded audits of the demo', () => {
  const whole = join(tmp, 'whole.json');
  const shardFile = (i: number, n: number) => join(tmp, `shard-${i}-of-${n}.json`);
  beforeAll(async () => {
    writeFileSync(whole, (await cli([...DEMO, '--format', 'json', '--fail-on', 'never'], ENV)).stdout);
    const runs = [2, 3, 5].flatMap((n) => Array.from({ length: n }, (_, i) => [i + 1, n] as const));
    await Promise.all(
      runs.map(async ([i, n]) => {
        const { code, stdout, stderr } = await cli(
          [...DEMO, '--format', 'json', '--fail-on', 'never', '--shard', `${i}/${n}`],
          ENV,
        );
        if (code !== 0) throw new Error(`shard ${i}/${n} exited ${code}: ${stderr}`);
        writeFileSync(shardFile(i, n), stdout);
      }),
    );
  }, 120_000);

  it.each([2, 3, 5])('merging the %i shards gives the unsharded report, byte for byte', async (n) => {
    const files = Array.from({ length: n }, (_, i) => shardFile(i + 1, n)).reverse(); // any order
    const { code, stdout, stderr } = await cli(['merge', ...files, '--fail-on', 'never'], ENV);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(whole, 'utf8'));
    expect(schemaErrors(JSON.parse(stdout))).toBeNull();
  });

  it('each shard report is valid, holds whole hosts, and names the full inventory', () => {
    const shards: Report[] = [1, 2, 3].map((i) => JSON.parse(readFileSync(shardFile(i, 3), 'utf8')));
    const hostsOf = (r: Report) => new Set(r.profiles.map((p) => new URL(p.url).host));
    for (const r of shards) {
      expect(schemaErrors(r)).toBeNull();
      expect(r.shard!.inventory).toHaveLength(29);
      for (const other of shards.filter((o) => o !== r))
        expect([...hostsOf(r)].filter((h) => hostsOf(other).has(h))).toEqual([]);
    }
    expect(shards.map((r) => r.profiles.length).reduce((a, b) => a + b)).toBe(29);
  });

  it('merge writes any format and gates like audit', async () => {
    const files = [1, 2, 3].map((i) => shardFile(i, 3));
    const md = join(tmp, 'merged.md');
    expect((await cli(['merge', ...files, '-o', md, '--fail-on', 'never'])).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Social profile audit: Northwind Outfitters/);
    // the shards' own level (never) by default, as `report` renders a saved report; or the one given
    expect((await cli(['merge', ...files])).code).toBe(0);
    expect((await cli(['merge', ...files, '--fail-on', 'critical'])).code).toBe(1);
    expect(
      (await cli(['merge', ...files, '--baseline', whole, '--fail-on-new', '--fail-on', 'info', '--format', 'json']))
        .code,
    ).toBe(0);
  });

  it.each([
    [[1, 3], /shard 2\/3 missing/],
    [[1, 1, 2, 3], /are both shard 1\/3/],
  ])('refuses shards %j of 3', async (which, message) => {
    const { code, stderr } = await cli(['merge', ...which.map((i) => shardFile(i, 3))]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a whole report, shards of different runs, and a bad --shard', async () => {
    expect((await cli(['merge', whole])).stderr).toMatch(/not a shard report/);
    expect((await cli(['merge', shardFile(1, 2), shardFile(2, 3)])).stderr).toMatch(
      /the shard count differs: 3 in .*shard-2-of-3\.json, 2 in .*shard-1-of-2\.json/,
    );
    // merge names the field the shards disagree on, with both values (issue 35, item 1)
    const later = JSON.parse(readFileSync(shardFile(2, 2), 'utf8'));
    const variant = (name: string, change: object) => {
      const path = join(tmp, name);
      writeFileSync(path, JSON.stringify({ ...later, ...change }));
      return path;
    };
    const cases: Array<[object, RegExp]> = [
      [
        { asOf: '2026-12-01T00:00:00.000Z' },
        /other-day\.json is not from the same run as .*: the as-of date differs: 2026-12-01T00:00:00\.000Z in .*other-day\.json, 2026-11-01T00:00:00\.000Z in /,
      ],
      [{ tool: { ...later.tool, version: '9.9.9' } }, /the tool version differs: channel-audit 9\.9\.9 in /],
      [{ company: 'Other Co' }, /the company differs: Other Co in /],
      [{ settings: { ...later.settings, staleAfterDays: 5 } }, /the setting staleAfterDays differs: 5 in /],
      [
        { shard: { ...later.shard, inventory: [...later.shard.inventory, 'x'] } },
        /the inventory differs: .* were cut from different lists of profiles/,
      ],
    ];
    for (const [change, message] of cases) {
      const merged = await cli(['merge', shardFile(1, 2), variant('other-day.json', change)]);
      expect(merged.code).toBe(2);
      expect(merged.stderr).toMatch(message);
    }
    for (const bad of ['0/3', '4/3', 'two', '1/0']) {
      const { code, stderr } = await cli([...DEMO, '--shard', bad]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--shard: expected I\/N/);
    }
  });

  // issue 35, item 1: the published workflow's shards start at different moments and pass no --as-of
  it('shards started at different times of one UTC day are as of its start, and merge as one run', async () => {
    const started = ['1793521800', '1793523599']; // 2026-11-01 08:30:00 and 08:59:59 UTC
    const files = await Promise.all(
      [1, 2].map(async (i) => {
        const out = join(tmp, `clock-${i}.json`);
        const args = ['audit', 'fixtures/demo/inventory.yaml', '--replay', 'fixtures/demo/evidence'];
        const run = await cli([...args, '--shard', `${i}/2`, '--fail-on', 'never', '-q', '-o', out], {
          SOURCE_DATE_EPOCH: started[i - 1]!,
        });
        expect(run.code).toBe(0);
        return out;
      }),
    );
    expect(files.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as Report).asOf)).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
    ]);
    const merged = await cli(['merge', ...files, '--fail-on', 'never']);
    expect(merged.code).toBe(0);
    // the merged report is the unsharded audit's as of that day (generatedAt aside: the shards' latest)
    const report = JSON.parse(merged.stdout) as Report;
    const wholeReport = JSON.parse(readFileSync(whole, 'utf8')) as Report;
    expect({ ...report, generatedAt: null }).toEqual({ ...wholeReport, generatedAt: null });
  });

  it('mergeReports names the profile no shard holds', () => {
    const a: Report = JSON.parse(readFileSync(shardFile(1, 2), 'utf8'));
    const b: Report = JSON.parse(readFileSync(shardFile(2, 2), 'utf8'));
    b.profiles = b.profiles.slice(1);
    expect(() =>
      mergeReports([
        { file: 'a', report: a },
        { file: 'b', report: b },
      ]),
    ).toThrow(MergeError);
  });
});
