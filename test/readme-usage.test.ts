/**
 * The README's Quick start and Usage block, run (issue 21, item 7; issue 32, item 6): every command in them, as written, against the demo
 * (a copy of fixtures/demo named my-company.yaml, its recorded evidence, --as-of its date), each in a
 * fresh folder through a `channel-audit` on PATH, and its exit code as the README documents it. What
 * needs the network is pointed at local servers: the site of `init --from-site` serves the demo's
 * recorded website, and `discover` asks a server that knows no one.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCOVERY_PLATFORMS } from '../src/discovery/platform-table.js';
import { BIN } from './helpers/cli.js';
import { NODE_WARNING } from './helpers/node-warning.js';
import { serveEvidence, type LocalServer } from './helpers/evidence-server.js';

const run = promisify(execFile);
const AS_OF = '2026-11-01';
const hasJq = await run('sh', ['-c', 'command -v jq']).then(
  () => true,
  () => false,
);
if (!hasJq)
  console.warn('jq is not installed: the README line piping ndjson to jq runs without the pipe (.ci/run installs jq)');

/** The command lines of a README section's `sh` blocks, with their comments. */
function commandLines(heading: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(`\n${heading}\n`);
  const section = readme.slice(from, readme.indexOf('\n## ', from + 1));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.split('\n'))
    .filter((l) => l.startsWith('channel-audit '));
}
/** The Usage block's command lines. */
const usageLines = () => commandLines('## Usage');

/** What each line exits with, as the README says: 1 where the demo has findings at or above --fail-on. */
const EXPECTED: Array<[RegExp, number]> = [
  [/^channel-audit init my-company\.yaml/, 0],
  [/^channel-audit init --from-site /, 0],
  [/^channel-audit discover /, 0],
  [/^channel-audit validate /, 0],
  [/^channel-audit platforms/, 0],
  [/^channel-audit diff /, 0], // diff's --fail-on is never unless asked
  [/^channel-audit merge /, 1], // the merged report has criticals (default --fail-on critical)
  [/^channel-audit report /, 1], // a saved report renders and exits at its audit's --fail-on (report.json: warning)
  [/^channel-audit history /, 0], // without --fail-on-regression
  [/^channel-audit compare /, 0], // a benchmark has no exit-code gate
  [/^channel-audit audit /, 1], // the demo has criticals, so every audit at the default --fail-on exits 1
];

/** Lines that cannot run without the internet, and the test that covers them instead. */
const NETWORK_ONLY: Record<string, string> = {
  '--record evidence/':
    "records live traffic: test/cli.test.ts 'records evidence that replays to the same report' does it against local servers",
};

let site: LocalServer;
let nobody: Server;
let nobodyUrl: string;
let root: string;
const bin = resolve(BIN);

beforeAll(async () => {
  site = await serveEvidence('fixtures/demo/evidence', 'https://www.northwind.example');
  nobody = createServer((_, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
  await new Promise<void>((done) => nobody.listen(0, '127.0.0.1', done));
  nobodyUrl = `http://127.0.0.1:${(nobody.address() as { port: number }).port}`;
  root = mkdtempSync(join(tmpdir(), 'channel-audit-usage-'));
  mkdirSync(join(root, 'bin'));
  writeFileSync(join(root, 'bin', 'channel-audit'), `#!/bin/sh\nexec node ${JSON.stringify(bin)} "$@"\n`);
  chmodSync(join(root, 'bin', 'channel-audit'), 0o755);
  // the reports that diff, --baseline, merge and compare read, made once from the demo
  const demo = join(root, 'demo');
  cpSync('fixtures/demo', demo, { recursive: true });
  renameSync(join(demo, 'inventory.yaml'), join(demo, 'my-company.yaml'));
  // the competitor `compare` reads: some of the demo's profiles under another company's name
  cpSync('test/fixtures/compare/southwind.yaml', join(demo, 'rival.yaml'));
  const audit = (...args: string[]) =>
    run('node', [bin, 'audit', 'my-company.yaml', '--replay', 'evidence', ...args], { cwd: demo }).catch(() => {});
  const auditRival = () =>
    run('node', [bin, 'audit', 'rival.yaml', '--replay', 'evidence', '--as-of', AS_OF, '-o', 'rival.json'], {
      cwd: demo,
    }).catch(() => {});
  // independent runs, each writing its own file: side by side, as the lines below are
  await Promise.all([
    audit('--as-of', '2026-08-01', '-o', 'last-night.json'),
    audit('--as-of', AS_OF, '-o', 'tonight.json'),
    audit('--as-of', AS_OF, '-o', 'report.json'),
    auditRival(),
    ...[1, 2, 3, 4].map((i) => audit('--as-of', AS_OF, '--shard', `${i}/4`, '-o', `shard-${i}.json`)),
  ]);
}, 120_000);
afterAll(async () => {
  await site?.close();
  await new Promise((done) => nobody?.close(done));
});

/** A fresh copy of the demo for one line; the line's network is pointed at the local servers. */
function prepare(line: string, index: number): { dir: string; command: string } {
  const dir = join(root, `line-${index}`);
  // the recorded evidence is only read (the --record line is not run here): linked, not copied, into each of
  // the 30 folders (it is 400 files)
  cpSync(join(root, 'demo'), dir, { recursive: true, filter: (src) => src !== join(root, 'demo', 'evidence') });
  symlinkSync(join(root, 'demo', 'evidence'), join(dir, 'evidence'));
  let command = line.replace(/\s+#.*$/, '');
  // the quick start audits the demo where it lies in a clone; here the copy is the folder itself
  command = command
    .replace('fixtures/demo/inventory.yaml', 'my-company.yaml')
    .replace('fixtures/demo/evidence', 'evidence');
  if (/^channel-audit init /.test(command)) {
    // init writes the file: it must not be there yet
    command = command.replace('https://company.example/', `${site.url}/`);
    renameSync(join(dir, 'my-company.yaml'), join(dir, 'inventory.yaml'));
  }
  if (/^channel-audit discover /.test(command)) {
    const endpoints = DISCOVERY_PLATFORMS.map((p) => `--endpoint ${p.id}=${nobodyUrl}/${p.id}`).join(' ');
    command = command.replace('channel-audit discover', `channel-audit discover ${endpoints}`);
  }
  if (/^channel-audit audit my-company\.yaml/.test(command)) {
    const replay = command.includes('--replay') ? '' : ' --replay evidence';
    command = command.replace(
      'channel-audit audit my-company.yaml',
      `channel-audit audit my-company.yaml${replay} --as-of ${AS_OF}`,
    );
  }
  if (!hasJq) command = command.replace(/\s*\|\s*jq .*$/, '');
  return { dir, command };
}

describe("the README's Quick start", () => {
  const lines = commandLines('## Quick start');

  it('audits the demo, then writes, checks and audits an inventory of your own', () => {
    expect(lines.filter((l) => l.startsWith('channel-audit audit fixtures/demo/')).length).toBeGreaterThan(0);
    for (const command of ['init', 'validate', 'audit'])
      expect(lines.some((l) => l.startsWith(`channel-audit ${command} `))).toBe(true);
  });

  // each line runs in its own copy of the demo, so they run side by side (the test's own expect, as concurrent tests need)
  it.concurrent.for(lines.map((line, i) => [line.replace(/\s+#.*$/, ''), 100 + i] as const))(
    '%s',
    async ([line, index], { expect }) => {
      const expected = EXPECTED.find(([pattern]) => pattern.test(line));
      expect(expected, `no documented exit code for: ${line}`).toBeDefined();
      const { dir, command } = prepare(line, index);
      const result = await run('bash', ['-c', command], {
        cwd: dir,
        env: { ...process.env, PATH: `${join(root, 'bin')}:${process.env.PATH}`, CI: '1', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code, `${command}\n${result.stderr}`).toBe(expected![1]);
      expect(result.stderr).not.toMatch(NODE_WARNING);
      for (const out of command.matchAll(/-o\s+(\S+)/g)) expect(existsSync(join(dir, out[1]!)), out[1]).toBe(true);
    },
  );
});

describe("the README's Usage block", () => {
  const lines = usageLines();

  it('lists the commands a newcomer needs', () => {
    expect(lines.length).toBeGreaterThan(15);
    for (const command of ['init', 'discover', 'validate', 'platforms', 'audit', 'report', 'history', 'diff', 'merge'])
      expect(lines.some((l) => l.startsWith(`channel-audit ${command} `) || l === `channel-audit ${command}`)).toBe(
        true,
      );
  });

  it.concurrent.for(lines.map((line, i) => [line.replace(/\s+#.*$/, ''), i] as const))(
    '%s',
    async ([line, index], { expect }) => {
      const skip = Object.entries(NETWORK_ONLY).find(([part]) => line.includes(part));
      if (skip) {
        console.warn(`not run here: ${line} — ${skip[1]}`);
        return;
      }
      const expected = EXPECTED.find(([pattern]) => pattern.test(line));
      expect(expected, `no documented exit code for: ${line}`).toBeDefined();
      const { dir, command } = prepare(line, index);
      const summary = join(dir, 'step-summary.md');
      const result = await run('bash', ['-c', `set -o pipefail; ${command}`], {
        cwd: dir,
        env: {
          ...process.env,
          PATH: `${join(root, 'bin')}:${process.env.PATH}`,
          CI: '1',
          NO_COLOR: '1',
          GITHUB_STEP_SUMMARY: summary,
        },
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(result.code, `${command}\n${result.stderr}`).toBe(expected![1]);
      expect(result.stderr).not.toMatch(/TypeError|RangeError|at .*\.js:\d+/);
      // no warning from Node (test/node-warnings.test.ts: a CI log that says ExperimentalWarning alarms for nothing)
      expect(result.stderr).not.toMatch(NODE_WARNING);
      // what each line says it makes is there
      const out = /(?:-o|>>?)\s+"?([^\s"]+)"?/.exec(command)?.[1];
      if (out) expect(existsSync(out.startsWith('$') ? summary : join(dir, out)), out).toBe(true);
    },
  );
});
