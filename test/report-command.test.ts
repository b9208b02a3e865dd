/**
 * One crawl, every deliverable (issue 15, item 1): the audit writes every format at once, `report`
 * renders the saved JSON again, and both give the golden files byte for byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DEMO } from './helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-report-'));
// the golden files were rendered with --fail-on warning from a report made at this instant
const EPOCH = { SOURCE_DATE_EPOCH: '1793491200' };
const EXTENSIONS = ['json', 'ndjson', 'md', 'csv', 'html', 'xml', 'txt'];
const outputs = (prefix: string) => EXTENSIONS.flatMap((e) => ['-o', join(tmp, `${prefix}.${e}`)]);

describe('channel-audit report', () => {
  it('renders a saved report in every format, byte-identical to the audit and to the golden files', async () => {
    const audit = await cli([...DEMO, '--fail-on', 'warning', ...outputs('audit')], EPOCH);
    expect(audit.code).toBe(1);
    expect(audit.stderr).toContain(`wrote html report to ${join(tmp, 'audit.html')}`);
    const again = await cli(['report', join(tmp, 'audit.json'), '--fail-on', 'warning', ...outputs('again')]);
    expect(again.code).toBe(1);
    for (const e of EXTENSIONS) {
      const golden = readFileSync(`test/golden/demo-report.${e}`, 'utf8');
      expect(readFileSync(join(tmp, `audit.${e}`), 'utf8'), `audit.${e}`).toBe(golden);
      expect(readFileSync(join(tmp, `again.${e}`), 'utf8'), `again.${e}`).toBe(golden);
    }
  });

  it('prints the table by default, takes --format, and exits 0 unless --fail-on is given', async () => {
    await cli([...DEMO, '--fail-on', 'never', '-o', join(tmp, 'saved.json')], EPOCH);
    const table = await cli(['report', join(tmp, 'saved.json')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(readFileSync('test/golden/demo-report.txt', 'utf8'));
    const markdown = await cli(['report', join(tmp, 'saved.json'), '--format', 'markdown']);
    expect(markdown.stdout).toBe(readFileSync('test/golden/demo-report.md', 'utf8'));
    expect((await cli(['report', join(tmp, 'saved.json'), '--fail-on', 'critical'])).code).toBe(1);
  });

  // issue 35, item 4: a saved or merged report renders the audit's own verdicts, not `never`'s
  it("renders JUnit from a saved or merged report byte for byte as the audit's own, at the audit's --fail-on", async () => {
    const own = await cli([...DEMO, '-o', join(tmp, 'own.xml'), '-o', join(tmp, 'own.json')], EPOCH); // --fail-on critical
    expect(own.code).toBe(1);
    const xml = readFileSync(join(tmp, 'own.xml'), 'utf8');
    expect(xml).toMatch(/<testsuites [^>]*failures="[1-9]/);
    expect(JSON.parse(readFileSync(join(tmp, 'own.json'), 'utf8')).failOn).toBe('critical');
    const saved = await cli(['report', join(tmp, 'own.json'), '-f', 'junit']);
    expect(saved.code).toBe(1);
    expect(saved.stdout).toBe(xml);
    const shards = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const file = join(tmp, `own-shard-${i}.json`);
        await cli([...DEMO, '--shard', `${i}/3`, '-q', '-o', file], EPOCH);
        return file;
      }),
    );
    const merged = await cli(['merge', ...shards, '-o', join(tmp, 'merged.json'), '-o', join(tmp, 'merged.xml')]);
    expect(merged.code).toBe(1);
    expect(readFileSync(join(tmp, 'merged.xml'), 'utf8')).toBe(xml);
    expect((await cli(['report', join(tmp, 'merged.json'), '-f', 'junit'])).stdout).toBe(xml);
    // told otherwise, it renders otherwise, and the JSON it writes says so
    const never = await cli(['report', join(tmp, 'own.json'), '--fail-on', 'never', '-f', 'junit']);
    expect(never.code).toBe(0);
    expect(never.stdout).toMatch(/<testsuites [^>]*failures="0"/);
    const rewritten = await cli(['report', join(tmp, 'own.json'), '--fail-on', 'info', '-f', 'json']);
    expect(JSON.parse(rewritten.stdout).failOn).toBe('info');
    // a report written before reports kept the level is rendered as `report` always rendered it: never
    const older = JSON.parse(readFileSync(join(tmp, 'own.json'), 'utf8'));
    delete older.failOn;
    writeFileSync(join(tmp, 'older.json'), JSON.stringify(older));
    const old = await cli(['report', join(tmp, 'older.json'), '-f', 'json']);
    expect(old.code).toBe(0);
    expect(JSON.parse(old.stdout).failOn).toBe('never');
  });

  it('refuses what is not a report, a file given twice, and a format against its extension', async () => {
    const notReport = await cli(['report', 'fixtures/demo/inventory.yaml']);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/not JSON/);
    const twice = await cli(['report', join(tmp, 'saved.json'), '-o', join(tmp, 'x.md'), '-o', join(tmp, 'x.md')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/the same file is given twice/);
    const mismatch = await cli(['report', join(tmp, 'saved.json'), '-f', 'csv', '-o', join(tmp, 'x.md')]);
    expect(mismatch.stderr).toMatch(/the format csv does not match the extension \.md/);
  });
});
