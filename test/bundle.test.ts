/**
 * The built binary's start-up path is one file (scripts/bundle-cli.ts): `--help` and `--version`
 * load no module of the tool's or of its dependencies besides dist/cli/main.js, and a command still
 * loads its own module from dist/cli/commands/ when it runs. Start-up time itself is measured by
 * `npm run bench:startup`, not here.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';

const run = promisify(execFile);

// a module loader hook that prints every file the process loads (ES modules and CommonJS alike)
const LOADER = [
  "import { register } from 'node:module';",
  'register(\'data:text/javascript,export async function load(url, context, next) { if (url.startsWith("file:")) process.stderr.write("loaded " + url + "\\\\n"); return next(url, context); }\');',
  "import Module from 'node:module';",
  'const original = Module._load;',
  'Module._load = function (request, parent, ...rest) { process.stderr.write("required " + request + "\\n"); return original.call(this, request, parent, ...rest); };',
].join('\n');

async function filesLoaded(args: string[]): Promise<{ stdout: string; files: string[] }> {
  const { stdout, stderr } = await run(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(LOADER)}`, BIN, ...args],
    { env: { ...process.env, NO_COLOR: '1' } },
  );
  const files = stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded ') || line.startsWith('required '))
    .map((line) => line.replace(/^(loaded|required) /, '').replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/'))
    .filter((file) => !file.startsWith('node:'));
  return { stdout, files: [...new Set(files)] };
}

describe('the bundled binary', () => {
  it('starts from one file: --help loads nothing else of the tool or its dependencies', async () => {
    const { stdout, files } = await filesLoaded(['--help']);
    expect(stdout).toMatch(/^Usage: channel-audit/);
    expect(files).toEqual(['dist/cli/main.js']);
  });

  it('carries the version of package.json', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--version']);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it("loads a command's own module only when that command runs", async () => {
    const { files } = await filesLoaded(['platforms', '--format', 'json']);
    expect(files).toContain('dist/cli/commands/platforms.js');
    expect(files).not.toContain('dist/cli/commands/audit.js');
  });
});
