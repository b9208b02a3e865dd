/**
 * The package as another program gets it: `npm pack`, installed into an empty folder, where both the
 * binary and `import … from 'channel-audit'` work; publint and arethetypeswrong find no problem.
 * (Needs the npm registry for the dependencies, as CI has.)
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-package-'));
const consumer = join(tmp, 'consumer');
let tarball = '';
let installLog = '';
const npm = (args: string[], cwd: string) =>
  run('npm', args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });

beforeAll(async () => {
  // the repository was built by `pretest`; --ignore-scripts packs that build instead of building again
  await npm(['pack', '--ignore-scripts', '--pack-destination', tmp], '.');
  tarball = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // as a user installs it: scripts allowed, so npm says so if the package still ships one
  installLog = (await npm(['install', '--no-save', '--prefer-offline', tarball], consumer)).stderr;
}, 240_000);
// the installed package is thousands of files: removing them can take longer than a hook's default 10 s on a busy machine
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

describe('the packed package', () => {
  it('installs without a warning: no install-time script (it builds in prepack), and is ready to publish', () => {
    expect(installLog).not.toMatch(/npm warn/i);
    const manifest = JSON.parse(
      readFileSync(join(consumer, 'node_modules', 'channel-audit', 'package.json'), 'utf8'),
    ) as Record<string, unknown> & { scripts: Record<string, string> };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(manifest.scripts[script], script).toBeUndefined();
    expect(manifest.scripts.prepack).toMatch(/npm run build/);
    for (const field of [
      'files',
      'exports',
      'types',
      'bin',
      'engines',
      'repository',
      'homepage',
      'bugs',
      'keywords',
      'author',
    ])
      expect(manifest[field], field).toBeDefined();
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
  });

  it('installs a working binary', async () => {
    const { stdout } = await run('npx', ['--no-install', 'channel-audit', '--help'], { cwd: consumer });
    expect(stdout).toMatch(/Usage: channel-audit/);
  });

  it('is importable, and audits the demo through the library API alone', async () => {
    const demo = resolve('fixtures/demo');
    const script = `
      import { loadInventory, createHttpClient, auditInventory, renderReport, compareReports, TOOL } from 'channel-audit';
      const inventory = await loadInventory(${JSON.stringify(join(demo, 'inventory.yaml'))});
      const http = createHttpClient(inventory.settings, { replay: ${JSON.stringify(join(demo, 'evidence'))} });
      const report = await auditInventory(inventory, { http, asOf: new Date('2026-11-01T00:00:00Z'), source: 'replay', generatedAt: new Date(0) });
      await http.close();
      const md = renderReport(report, 'markdown');
      console.log(JSON.stringify({ tool: TOOL.name, profiles: report.profiles.length, grade: report.summary.grade, heading: md.split('\\n')[0], same: compareReports(report, report).baseline.findings.new }));
    `;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({
      tool: 'channel-audit',
      profiles: 29,
      grade: 'F',
      heading: '# Social profile audit: Northwind Outfitters',
      same: 0,
    });
  });

  it('ships its types and the JSON Schema', async () => {
    const { stdout } = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); console.log(r.resolve('channel-audit/schema/report.schema.json'))",
      ],
      { cwd: consumer },
    );
    expect(stdout.trim()).toMatch(/node_modules\/channel-audit\/schema\/report\.schema\.json$/);
    expect(readdirSync(join(consumer, 'node_modules', 'channel-audit', 'dist'))).toContain('index.d.ts');
  });

  it('publint and arethetypeswrong (ESM-only profile) report no problem', async () => {
    const lint = await run('npx', ['--no-install', 'publint', 'run', tarball, '--strict']);
    expect(lint.stdout).toMatch(/All good/);
    await run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only']); // exits 1 on a problem
  });
});

describe("the manual's nightly GitHub Actions workflow (docs/ci.md), as written", () => {
  /** The `run:` steps of a job in the manual's workflow, in order. */
  const steps = (job: 'audit' | 'report'): string[] => {
    const doc = readFileSync('docs/ci.md', 'utf8');
    const block = /A nightly GitHub Actions workflow[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const workflow = parseYaml(block) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
    return workflow.jobs[job]!.steps.flatMap((s) => (s.run ? [s.run] : []));
  };

  it('runs every step against the demo company, two nights in a row, and gates on the second', async () => {
    const work = join(tmp, 'audit-repo');
    cpSync('fixtures/demo', work, { recursive: true, filter: (src) => !src.includes('/evidence') });
    mkdirSync(join(work, 'tools'));
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    cpSync(tarball, join(work, 'tools', `channel-audit-${version}.tgz`));
    const evidence = resolve('fixtures/demo/evidence');
    const summary = join(work, 'summary.md');
    // the runners' clock: SOURCE_DATE_EPOCH, which channel-audit honours as "now" (no --as-of is added)
    const sh = (command: string, clock: number) =>
      run('bash', ['-e', '-c', command], {
        cwd: work,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          SOURCE_DATE_EPOCH: String(clock),
          CI: 'true',
          GITHUB_STEP_SUMMARY: summary,
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          // the dependencies are in npm's cache from installing this repository: no registry round trips
          npm_config_prefer_offline: 'true',
        },
      });
    // each runner installs the tarball; here all runners share one folder, so it is installed once
    const installed = new Set<string>();
    const once = async (command: string, clock: number) => {
      if (command.startsWith('npm install') && installed.has(command)) return;
      await sh(command, clock);
      installed.add(command);
    };
    // offline: the audits read the demo's recorded evidence instead of the network; nothing else is
    // added, so the shards of a night must agree on their as-of by themselves (issue 35, item 1)
    const offline = (command: string) =>
      command.replace(/(npx --no-install channel-audit audit [^\n]*)/g, `$1 --replay ${evidence}`);
    // the cron's 04:17 UTC on 2026-11-01 and 2026-11-02: the second night's demo is a day older, idle
    // profiles' freshness decays a little, and the gates must still pass
    const nightStart = (night: number) => Date.UTC(2026, 10, night, 4, 17) / 1000;
    for (const night of [1, 2]) {
      // the workflow's own matrix placeholder, as written in docs/ci.md
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      const matrix = '${{ matrix.shard }}';
      // the matrix's four runners work side by side: each runs the job's steps in order, the install
      // (shared here, see `once`) before the shards' audits, which write their own files
      const shard = (n: number) => steps('audit').map((step) => offline(step.replaceAll(matrix, String(n))));
      for (const step of shard(1).filter((s) => s.startsWith('npm install'))) await once(step, nightStart(night));
      // each runner starts at its own moment: shard n some seconds after the cron fired
      await Promise.all(
        [1, 2, 3, 4].map(async (n) => {
          for (const step of shard(n)) await once(step, nightStart(night) + 7 * n);
        }),
      );
      for (const step of steps('report')) await once(step, nightStart(night) + 300);
      const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as {
        profiles: unknown[];
        baseline: unknown;
        asOf: string;
      };
      expect(report.profiles).toHaveLength(29);
      expect(report.asOf).toBe(`2026-11-0${night}T00:00:00.000Z`);
      expect(readFileSync(join(work, 'report.html'), 'utf8')).toMatch(
        /<title>Social profile audit: Northwind Outfitters<\/title>/,
      );
      // every night adds its report to the kept history, and the history page covers them all
      expect(readdirSync(join(work, 'history')).filter((f) => f.endsWith('.json'))).toHaveLength(night);
      expect(readFileSync(join(work, 'history.html'), 'utf8')).toContain(`${night} reports`);
      if (night === 2) expect(readdirSync(work)).toContain('baseline.json');
    }
    expect(readFileSync(summary, 'utf8')).toMatch(
      /# Social profile audit: Northwind Outfitters[\s\S]*Since the baseline/,
    );
  }, 300_000);
});
