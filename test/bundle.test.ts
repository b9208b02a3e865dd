/**
 * The built binary's start-up path is one bundled file (scripts/bundle-cli.ts): `--help` loads commander
 * and the program from dist/cli/main.js, and of the rest of dist/ only the few modules the commands
 * share with it; a command loads its own module when it runs. Errors a command throws keep their
 * meaning across the bundle's edge (one copy of each error class). Start-up time itself is measured by
 * `npm run bench:startup`, not here.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
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
  it("is executable, as the package's bin, however dist/ was built", () => {
    expect(statSync(BIN).mode & 0o111).toBe(0o111);
  });

  it('starts from one file: --help loads no dependency, and the program and commander from the bundle', async () => {
    const { stdout, files } = await filesLoaded(['--help']);
    expect(stdout).toMatch(/^Usage: channel-audit/);
    expect(files[0]).toBe('dist/cli/main.js');
    expect(files.filter((file) => file.startsWith('node_modules/'))).toEqual([]);
    expect(files).not.toContain('dist/cli/program.js');
    expect(files).not.toContain('dist/cli/run-cli.js');
    expect(files.length).toBeLessThanOrEqual(8);
  });

  it("keeps each error's meaning across the bundle's edge: exit codes and messages as documented", async () => {
    const fail = (args: string[]) =>
      run(process.execPath, [BIN, ...args]).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    // InventoryError, ReportFileError and UsageError are thrown by the commands' modules and told
    // apart in the bundle: a second copy of a class would make each "the run failed" with exit 3
    expect(await fail(['validate', 'test/fixtures/does-not-exist.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^invalid inventory:\n/),
    });
    expect(await fail(['report', 'package.json'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: cannot read report /),
    });
    expect(await fail(['audit', 'examples/inventory.yaml', '--format', 'nope'])).toMatchObject({ code: 2 });
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
