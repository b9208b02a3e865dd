/** Runs the command line as a user would (in-process, or the built binary), with colour off unless asked for, and returns code, stdout and stderr. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run-cli.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const run = promisify(execFile);
export const BIN = 'dist/cli/main.js';
/** The demo audited from its recorded evidence, as of a date. */
export const demoAt = (asOf: string) => [
  'audit',
  'fixtures/demo/inventory.yaml',
  '--replay',
  'fixtures/demo/evidence',
  '--as-of',
  asOf,
];
export const DEMO = demoAt('2026-11-01');

/** The environment a test's command line runs with: colour off unless asked for, and no proxy of the machine. */
function testEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', ...env };
  if (!('FORCE_COLOR' in env)) delete base.FORCE_COLOR;
  // the table's width follows COLUMNS when stdout is a pipe: a terminal's own must not reach the tests
  if (!('COLUMNS' in env)) delete base.COLUMNS;
  // tests talk to 127.0.0.x only: a proxy of the machine running them must not get in the way
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']) {
    if (!(name in env)) delete base[name];
  }
  return base;
}

/** Captures what the command line writes, as a stream that is not a terminal would. */
function collector() {
  const out = { text: '' };
  const stream = {
    write(chunk: string, callback?: (error?: Error | null) => void) {
      out.text += chunk;
      callback?.();
      return true;
    },
  };
  return { out, stream };
}

/**
 * The command line run in-process (the program object with captured stdout, stderr and environment):
 * what a user sees, without a Node start-up per call. Use cliProcess for what needs a real process
 * (signals, file descriptors, a terminal).
 */
export async function cli(args: string[], env: Record<string, string> = {}) {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(['node', 'channel-audit', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: testEnv(env),
  });
  return { code: code as number, stdout: stdout.out.text, stderr: stderr.out.text };
}

/** The built binary as a child process, exactly as a user runs it; `node` flags go before it (`--stack-size=…`). */
export async function cliProcess(args: string[], env: Record<string, string> = {}, node: readonly string[] = []) {
  try {
    const { stdout, stderr } = await run('node', [...node, BIN, ...args], {
      env: testEnv(env),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let validator: ReturnType<Ajv2020['compile']> | null = null;
/** Validates a report against the shipped JSON Schema; returns the errors as text, or null. */
export function schemaErrors(report: unknown): string | null {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync('schema/report.schema.json', 'utf8')));
  }
  return validator(report) ? null : JSON.stringify(validator.errors);
}
