/**
 * The repository's GitHub Action (action.yml), run as the runner runs a composite action (issue 35,
 * item 3): each `run:` step in `bash --noprofile --norc -eo pipefail`, its `${{ … }}` expressions
 * (inputs with their defaults, github.action_path, earlier steps' outputs) substituted in `env:` and
 * `run:`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files set; `uses:` steps are not run, only checked.
 * Against the demo, replayed through the `args` input, with the packed tarball as the `package` input,
 * and once by default: built from its own checkout (a copy of the repository's files, as `uses:` gets them).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parseYaml(readFileSync('action.yml', 'utf8')) as Action;

const tmp = mkdtempSync(join(tmpdir(), 'ca-action-'));
let tarball = '';
const npmEnv = {
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  // the dependencies are in npm's cache from installing this repository: no registry round trips
  npm_config_prefer_offline: 'true',
};

beforeAll(async () => {
  // the repository was built by `pretest`; --ignore-scripts packs that build instead of building again
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], { env: { ...process.env, ...npmEnv } });
  tarball = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

interface Outcome {
  code: number;
  uses: Step[];
  outputs: Record<string, string>;
  summary: string;
  /** Whether the install step ran. */
  installed: boolean;
}

/** The action's steps, run in `workspace` with these inputs, as the runner would. */
async function runAction(
  workspace: string,
  inputs: Record<string, string>,
  label: string,
  actionPath = resolve('.'),
): Promise<Outcome> {
  for (const name of Object.keys(inputs)) expect(action.inputs, `input ${name}`).toHaveProperty(name);
  const input = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
      if (expr === 'github.action_path') return actionPath;
      const inputRef = /^inputs\.([\w-]+)$/.exec(expr);
      if (inputRef) return input(inputRef[1]!);
      const outputRef = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (outputRef) return stepOutputs[outputRef[1]!]?.[outputRef[2]!] ?? '';
      throw new Error(`an expression the test runner does not know: ${expr}`);
    });
  const summary = join(tmp, `${label}-summary.md`);
  writeFileSync(summary, '');
  const runnerTemp = mkdtempSync(join(tmp, `${label}-runner-`));
  const uses: Step[] = [];
  let failed = false;
  let code = 0;
  let installed = false;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses) {
      uses.push(step);
      continue;
    }
    // a failed step skips the rest, except those that run always()
    if (failed && !/always\(\)/.test(step.if ?? '')) continue;
    if (step.id === 'install') installed = true;
    expect(step.shell, `step ${step.name}: a composite action's run step names its shell`).toBe('bash');
    const outputFile = join(runnerTemp, `output-${index}`);
    writeFileSync(outputFile, '');
    const script = join(runnerTemp, `step-${index}.sh`);
    writeFileSync(script, expand(step.run!));
    const env: Record<string, string> = {
      ...process.env,
      ...npmEnv,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: runnerTemp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(String(value));
    code = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => 0,
      (e: { code: number; stderr: string }) => {
        if (typeof e.code !== 'number') throw e;
        return e.code;
      },
    );
    if (code !== 0) failed = true;
    if (step.id)
      stepOutputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, o]) => [name, expand(o.value)]));
  return { code, uses, outputs, summary: readFileSync(summary, 'utf8'), installed };
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action with the inputs docs/ci.md documents', () => {
    expect(action.runs.using).toBe('composite');
    for (const name of [
      'inventory',
      'formats',
      'fail-on',
      'baseline',
      'fail-on-new',
      'history',
      'package',
      'args',
      'output-dir',
    ]) {
      expect(action.inputs, name).toHaveProperty(name);
      expect(readFileSync('docs/ci.md', 'utf8'), `docs/ci.md documents the input ${name}`).toContain(`\`${name}\``);
    }
    // inputs reach the scripts through env:, never pasted into a script (script injection)
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/);
  });

  it("docs/ci.md's workflow uses it with inputs it has, and keeps the history when the audit fails", () => {
    const doc = readFileSync('docs/ci.md', 'utf8');
    const block = /## The GitHub Action[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const workflow = parseYaml(block) as { jobs: Record<string, { steps: Step[] }> };
    const steps = workflow.jobs.audit!.steps;
    const uses = steps.find((s) => s.uses?.startsWith('OWNER/channel-audit@'))!;
    expect(uses).toBeDefined();
    for (const name of Object.keys(uses.with!)) expect(action.inputs, name).toHaveProperty(name);
    const after = steps.slice(steps.indexOf(uses) + 1);
    expect(after.every((s) => s.if === 'always()')).toBe(true);
  });

  it('audits the demo two nights running: the Markdown report on the summary, the exit code from fail-on', async () => {
    const workspace = join(tmp, 'workspace');
    cpSync('fixtures/demo', workspace, { recursive: true, filter: (src) => !src.includes('/evidence') });
    cpSync(tarball, join(workspace, 'channel-audit.tgz'));
    const replay = `--replay ${resolve('fixtures/demo/evidence')} --as-of 2026-11-01`;

    // night 1: the default fail-on (critical) and the demo's criticals: the action fails with 1
    const first = await runAction(
      workspace,
      { package: './channel-audit.tgz', args: replay, formats: 'html, junit', history: 'history', baseline: 'history' },
      'night-1',
    );
    expect(first.code).toBe(1);
    expect(first.outputs).toEqual({ 'exit-code': '1', report: 'channel-audit-report/report.json' });
    expect(first.summary).toMatch(/^# Social profile audit: Northwind Outfitters\n/);
    expect(first.summary).not.toContain('Since the baseline');
    expect(readFileSync(join(workspace, 'channel-audit-report', 'report.md'), 'utf8')).toBe(
      first.summary.slice(0, readFileSync(join(workspace, 'channel-audit-report', 'report.md'), 'utf8').length),
    );
    expect(readdirSync(join(workspace, 'channel-audit-report')).sort()).toEqual([
      'history.html',
      'report.html',
      'report.json',
      'report.md',
      'report.xml',
    ]);
    const report = JSON.parse(readFileSync(join(workspace, 'channel-audit-report', 'report.json'), 'utf8')) as {
      profiles: unknown[];
    };
    expect(report.profiles).toHaveLength(29);
    // the upload runs whatever the audit's code, and uploads the folder of reports
    expect(first.uses).toEqual([
      {
        name: 'Upload the reports',
        if: 'always()',
        uses: 'actions/upload-artifact@v4',
        with: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
          name: '${{ inputs.artifact-name }}',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
          path: '${{ inputs.output-dir }}',
          'if-no-files-found': 'warn',
        },
      },
    ]);

    // night 2: last night's report from the history folder as the baseline, fail-on never: exit 0
    const second = await runAction(
      workspace,
      { package: './channel-audit.tgz', args: replay, 'fail-on': 'never', history: 'history', baseline: 'history' },
      'night-2',
    );
    expect(second.code).toBe(0);
    expect(second.outputs['exit-code']).toBe('0');
    expect(second.summary).toMatch(/^# Social profile audit: Northwind Outfitters\n[\s\S]*Since the baseline/);
    expect(readdirSync(join(workspace, 'history'))).toHaveLength(2);
    expect(readFileSync(join(workspace, 'channel-audit-report', 'history.html'), 'utf8')).toContain('2 reports');
    expect(existsSync(join(workspace, 'channel-audit-report', 'report.xml'))).toBe(false); // formats: html only
  }, 240_000);

  it('exits 2 on a format it does not know, before installing or auditing anything', async () => {
    const workspace = join(tmp, 'workspace-2');
    cpSync('fixtures/demo', workspace, { recursive: true, filter: (src) => !src.includes('/evidence') });
    cpSync(tarball, join(workspace, 'channel-audit.tgz'));
    const args = `--replay ${resolve('fixtures/demo/evidence')} --as-of 2026-11-01`;
    const bad = await runAction(workspace, { package: './channel-audit.tgz', args, formats: 'html pdf' }, 'bad');
    expect(bad.code).toBe(2);
    expect(bad.summary).toBe('');
    expect(bad.installed).toBe(false);
    expect(bad.uses).toHaveLength(1); // the upload still runs (always())
  }, 240_000);

  it("by default builds the action's own checkout (npm ci, npm run build) and audits with it", async () => {
    // what `uses: OWNER/channel-audit@…` puts in github.action_path: the repository's files, nothing built
    const checkout = join(tmp, 'action-checkout');
    for (const file of execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean)) {
      if (!existsSync(file)) continue;
      mkdirSync(join(checkout, file, '..'), { recursive: true });
      cpSync(file, join(checkout, file));
    }
    const workspace = join(tmp, 'workspace-3');
    cpSync('fixtures/demo', workspace, { recursive: true, filter: (src) => !src.includes('/evidence') });
    const args = `--replay ${resolve('fixtures/demo/evidence')} --as-of 2026-11-01`;
    const outcome = await runAction(workspace, { args, 'fail-on': 'never', formats: '' }, 'checkout', checkout);
    expect(outcome.code).toBe(0);
    expect(existsSync(join(checkout, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(outcome.summary).toMatch(/^# Social profile audit: Northwind Outfitters\n/);
    expect(readdirSync(join(workspace, 'channel-audit-report')).sort()).toEqual(['report.json', 'report.md']);
  }, 300_000);
});
