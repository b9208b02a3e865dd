/**
 * The third hostile-input pass (issue 30), item 1: worker pools never decide when the process ends (a
 * 300-profile audit, and a signal during one). The pass's other items are in hostile-3-secrets,
 * hostile-3-downloads, hostile-3-network and hostile-3-output (.test.ts), with the seeded properties
 * in fuzz-secrets and fuzz-urls; each test was seen failing before its fix. The first passes are in
 * hostile-input.test.ts and hostile.test.ts.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, schemaErrors } from './helpers/cli.js';
import { type FaultServer, startFaultServer } from './helpers/fault-server.js';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-3-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const spareCore = availableParallelism() >= 2;
// the demo's X archive, beside the inventories (an archive must sit under the inventory's folder)
mkdirSync(join(tmp, 'x'));
copyFileSync('fixtures/demo/exports/x/data/tweets.js', join(tmp, 'x', 'tweets.js'));
const ENV = { ...process.env, CI: '1', NO_COLOR: '1' };

function inventory(name: string, profiles: string, settings = ''): string {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, `company: Large client\n${settings}profiles:\n${profiles}`);
  return file;
}

const archives = (n: number) =>
  Array.from({ length: n }, (_, i) => `  - url: https://x.com/brand${i}\n    archive: x/tweets.js\n`).join('');

/** The built binary run to its end: exit code, stderr and the JSON report it wrote (or null). */
async function audit(inv: string, out: string): Promise<{ code: number; stderr: string; report: unknown }> {
  const args = [BIN, 'audit', inv, '--as-of', '2026-11-01', '--format', 'json', '-o', out, '--fail-on', 'never'];
  const result = await run('node', args, { env: ENV, maxBuffer: 1 << 26 }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  let report: unknown = null;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {}
  return { ...result, report };
}

describe('item 1: an audit of 300 or more profiles ends with a report (worker pools never decide when the process ends)', () => {
  it('a worker pool with a task out keeps the process alive until the answer comes', async () => {
    // a bare script: nothing but the pool's task holds the event loop (the audit of local files is this)
    const script = `
      import { WorkerPool } from ${JSON.stringify(resolve('dist/workers/pool.js'))};
      const pool = new WorkerPool(new URL(${JSON.stringify(`file://${resolve('dist/platforms/feed/parse-worker.js')}`)}), 1, () => 'in place');
      const feed = '<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>';
      const parsed = await pool.run(feed);
      process.stdout.write(parsed.title ?? JSON.stringify(parsed).slice(0, 40));
      await pool.close();`;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { env: ENV });
    expect(stdout).toBe('t');
  });

  it.skipIf(!spareCore)(
    '300 profiles of local exports',
    async () => {
      const out = join(tmp, 'exports-300.json');
      const { code, stderr, report } = await audit(inventory('exports-300', archives(300)), out);
      expect(stderr).not.toMatch(/Error|at /);
      expect(code).toBe(0);
      expect(schemaErrors(report)).toBeNull();
      expect((report as { profiles: unknown[] }).profiles).toHaveLength(300);
    },
    60_000,
  );

  describe('300 live feeds', () => {
    let site: FaultServer;
    beforeAll(async () => {
      site = await startFaultServer({ address: '127.0.0.5' });
    });
    afterAll(() => site.close());

    it.skipIf(!spareCore)(
      'finish with a report of every profile',
      async () => {
        const feeds = Array.from({ length: 300 }, (_, i) => `  - url: ${site.url}/feed/${i}.xml\n    platform: feed\n`);
        const settings = 'settings:\n  hostConcurrency: 8\n  hostIntervalMs: 0\n';
        const out = join(tmp, 'feeds-300.json');
        const { code, report } = await audit(inventory('feeds-300', feeds.join(''), settings), out);
        expect(code).toBe(0);
        const statuses = (report as { profiles: Array<{ status: string }> }).profiles.map((p) => p.status);
        expect(statuses).toEqual(Array(300).fill('active'));
      },
      60_000,
    );
  });

  describe('a signal during a 300-profile audit', () => {
    let slow: FaultServer;
    beforeAll(async () => {
      slow = await startFaultServer({ address: '127.0.0.6', latency: 100 });
    });
    afterAll(() => slow.close());

    it.skipIf(!spareCore).each(['SIGINT', 'SIGTERM'] as const)(
      '%s writes the report and exits 3',
      async (signal) => {
        const feeds = Array.from({ length: 300 }, (_, i) => `  - url: ${slow.url}/feed/${i}.xml\n    platform: feed\n`);
        const settings = 'settings:\n  hostConcurrency: 1\n  hostIntervalMs: 0\n';
        const inv = inventory(`signal-${signal}`, feeds.join(''), settings);
        const out = join(tmp, `signal-${signal}.json`);
        const args = [BIN, 'audit', inv, '--as-of', '2026-11-01', '-o', out, '--format', 'json', '--fail-on', 'never'];
        const child = spawn('node', args, { env: ENV });
        const before = slow.seen.length;
        while (slow.seen.length < before + 5) await new Promise((resolve) => setTimeout(resolve, 20));
        child.kill(signal);
        const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        expect(code).toBe(3);
        const report = JSON.parse(readFileSync(out, 'utf8'));
        expect(report.profiles).toHaveLength(300);
        expect(report.interrupted).toBe(true);
      },
      60_000,
    );
  });
});
