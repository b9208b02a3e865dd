/** Runs the built binary as a user would, with colour off unless asked for, and returns code, stdout and stderr. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run-cli.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const run = promisify(execFile);
export const BIN = 'dist/cli/main.js';
export const DEMO = [
  'audit',
  'fixtures/demo/inventory.yaml',
  '--replay',
  'fixtures/demo/evidence',
  '--as-of',
  '2026-11-01',
];

export async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const base: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1', ...env };
    if (!('FORCE_COLOR' in env)) delete base.FORCE_COLOR;
    // tests talk to 127.0.0.x only: a proxy of the machine running them must not get in the way
    for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'])
      if (!(name in env)) delete base[name];
    const { stdout, stderr } = await run('node', [BIN, ...args], { env: base, maxBuffer: 64 * 1024 * 1024 });
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
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync('schema/report.schema.json', 'utf8')));
  }
  return validator(report) ? null : JSON.stringify(validator.errors);
}
