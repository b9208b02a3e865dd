/**
 * The built binary is bundled (scripts/bundle-cli.ts): dist/cli/main.js and a few shared chunks in
 * dist/chunks/ instead of hundreds of modules of dist/ and node_modules. `--help` loads commander and the
 * program from main.js and a few small chunks; a command loads its own file when it runs. Errors a
 * command throws keep their meaning across files (one copy of each error class), and the worker threads'
 * scripts and data files the code finds by `import.meta.url` are found from where the bundle put it.
 * Start-up time itself is measured by `npm run bench:startup`, not here.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { packTexts } from '../src/analysis/packed-texts.js';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { packedSets } from './helpers/packed-sets.js';

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
    .filter((file) => !file.startsWith('node:') && !isBuiltin(file));
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
    expect(files.some((file) => /^dist\/chunks\/platforms-\w+\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^dist\/chunks\/audit-\w+\.js$/.test(file))).toBe(false);
  });

  it('runs a demo audit from a few files of its own: the bundle and its chunks, nothing of node_modules', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ca-bundle-')), 'report.json');
    const { files } = await filesLoaded([
      'audit',
      'fixtures/demo/inventory.yaml',
      '--replay',
      'fixtures/demo/evidence',
      '--as-of',
      '2026-11-01',
      '--fail-on',
      'never',
      '-f',
      'json',
      '-o',
      out,
    ]);
    expect(files.filter((file) => !/^dist\/(cli\/main|chunks\/[\w-]+)\.js$/.test(file))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(80); // tsc's separate files and the packages' were ~500
    rmSync(dirname(out), { recursive: true, force: true });
  });
});

/** Each `new URL('…', import.meta.url)` of the bundle: the file it names, from the file it is in. */
function filesFoundByUrl(): string[] {
  const bundle = [
    'dist/cli/main.js',
    ...readdirSync('dist/chunks')
      .filter((f) => f.endsWith('.js'))
      .map((f) => `dist/chunks/${f}`),
  ];
  return bundle.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) =>
      relative('.', resolve(dirname(file), m[1]!)),
    ),
  );
}

/** Starts a worker's script; resolves with its first message, or its exit code if it ends first. */
function firstWord(script: string, workerData?: unknown, transferList?: MessagePort[]): Promise<unknown> {
  return new Promise((done, fail) => {
    const worker = new Worker(resolve(script), { workerData, transferList, execArgv: [] });
    worker.once('error', fail);
    worker.once('message', (message) => {
      done(message);
      void worker.terminate();
    });
    worker.once('exit', (code) => done({ exit: code }));
  });
}

describe("the bundle's files found by path", () => {
  const found = [...new Set(filesFoundByUrl())];

  it('all exist: the package, the starter inventory, the schema, and each worker script, bundled in dist/chunks/', () => {
    expect(found).toEqual(
      expect.arrayContaining(['package.json', 'examples/inventory.yaml', 'schema/report.schema.json']),
    );
    expect(found.filter((file) => !existsSync(file))).toEqual([]);
    const scripts = found.filter((file) => file.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['dist/chunks/analyze-worker.js', 'dist/chunks/parse-worker.js']));
    expect(scripts.filter((file) => !file.startsWith('dist/chunks/'))).toEqual([]);
  });

  it("each worker script loads on a worker thread: a pool's worker says it is ready, a fan-out worker answers its share", async () => {
    const sets = packedSets(['the same words here', 'the same words here']);
    for (const script of found.filter((file) => /-worker\.js$/.test(file))) {
      if (script.endsWith('sketch-worker.js')) {
        const texts = packTexts(['the same words here', 'the same words here'], 0, 2);
        const { result } = (await served(script, texts)) as { result: { flat: Uint32Array; starts: Uint32Array } };
        // both texts' shingle sets, the same for the same text
        const half = result.starts[1]!;
        expect(half).toBeGreaterThan(0);
        expect(Array.from(result.starts)).toEqual([0, half, 2 * half]);
        expect(Array.from(result.flat.subarray(0, half))).toEqual(Array.from(result.flat.subarray(half)));
      } else if (script.endsWith('candidate-worker.js')) {
        // two cores of one text each, the same text: one candidate pair, key 0 · 2 + 1
        const share = {
          sets,
          ids: Uint32Array.of(0, 1),
          coreOf: Uint32Array.of(0, 1),
          cores: 2,
          floor: 0.25,
          from: 0,
          to: 64,
        };
        expect(Array.from(((await served(script, share)) as { result: Float64Array }).result)).toEqual([1]);
      } else if (script.endsWith('lsh-join-worker.js')) {
        const share = { sets, rows: 2, from: 0, to: 4, similarity: 0.5 };
        expect(Array.from(((await served(script, share)) as { result: Uint32Array }).result)).toEqual([0, 0]);
      } else {
        // the analysis worker reads its run (as-of, settings) from workerData; the parse worker needs none
        expect(await firstWord(script, { asOf: '2026-11-01T00:00:00Z' })).toEqual({ ready: true });
      }
    }
  });
});

/** What a fan-out worker (src/analysis/fan-out-worker.ts) answers for `data`. */
async function served(script: string, data: unknown): Promise<unknown> {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const answer = new Promise((resolveAnswer) => port1.once('message', resolveAnswer));
  await firstWord(script, { data, port: port2, done }, [port2]);
  const message = await answer;
  port1.close();
  expect(message).not.toHaveProperty('error');
  return message;
}
