/**
 * Bundles the binary (run by `npm run build`, after tsc): dist/cli/main.js and everything it loads become
 * a few files, so a command no longer pays Node's module loader (a resolution, a realpath, a read and a
 * compile) for each of the ~500 modules of dist/ and its dependencies it used to load one by one. A
 * demo audit spent about half its CPU time there.
 *
 * - One esbuild run from tsc's output (so it runs the code tsc emitted, and its source maps lead back
 *   to src/), with `splitting`: every `import()` stays lazy and becomes its own file, and whatever two
 *   of them share goes to a shared chunk. Each module therefore exists exactly once in the process, and
 *   an error class thrown by a command is still `instanceof` the class the program tells apart.
 * - dist/cli/main.js stays the entry (the package's `bin`); the lazy files and chunks go to dist/chunks/,
 *   a folder at the same depth, so a path relative to `import.meta.url` means the same in either.
 * - Dependencies are bundled too (zod, ajv, yaml, undici… were another ~200 files). The library,
 *   dist/index.js, is not bundled: it stays tsc's separate files, as are its dependencies.
 * - Files a module finds by `new URL('…', import.meta.url)` are rewritten to be found from dist/chunks/.
 *   Those that are JavaScript are worker threads' scripts (the analysis, parse and sketch workers): each
 *   is bundled on its own into dist/chunks/, whole, as a worker is a separate isolate that shares no
 *   module, state or class with the thread that starts it (tasks and errors cross as plain data).
 *
 *   npm run build            (tsc, then this)
 */
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';

const ENTRY = resolve('dist/cli/main.js');
const DIST = resolve('dist');
const CHUNKS = resolve(DIST, 'chunks');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  outdir: DIST,
  sourcemap: 'linked',
  legalComments: 'eof',
  // loaded only to print a PDF (src/cli/pdf.ts), from node_modules as its package lays it out: bundled,
  // it would add 19 MB of code and maps to the package for one command
  external: ['playwright-core'] as string[],
  // some dependencies are CommonJS and require Node's own modules: give the ES module files a real `require`
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
} as const;

const URL_OF_FILE = /new URL\('([^']+)', import\.meta\.url\)/g;

/**
 * Rewrites `new URL('<path>', import.meta.url)` in dist/ so it finds the same file from dist/chunks/, and a
 * worker's script as its bundle there; collects those scripts in `workers`. Any other `import.meta` in
 * dist/ fails the build: it would silently point elsewhere once the module moved.
 */
function fileUrls(workers: Map<string, string>): Plugin {
  return {
    name: 'file-urls',
    setup(plugin) {
      plugin.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(`${DIST}/`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const contents = text.replace(URL_OF_FILE, (_match, path: string) => {
          let target = resolve(dirname(args.path), path);
          if (target.endsWith('.js')) {
            const bundled = resolve(CHUNKS, basename(target));
            if (workers.has(bundled) && workers.get(bundled) !== target) {
              throw new Error(`two worker scripts named ${basename(target)}: ${workers.get(bundled)} and ${target}`);
            }
            workers.set(bundled, target);
            target = bundled;
          }
          return `new URL(${JSON.stringify(relative(CHUNKS, target))}, import.meta.url)`;
        });
        if (text.replace(URL_OF_FILE, '').includes('import.meta')) {
          throw new Error(`${relative(DIST, args.path)}: an import.meta the bundle cannot relocate`);
        }
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * cheerio's main module is its `load` (load-parse.js) plus fetching and stream helpers the tool never uses,
 * which load undici, iconv-lite and the encoding sniffer at start (~1.5 MB of code) for every run that
 * reads a page. The binary takes `load` from load-parse.js itself: the same function, without those. A
 * future import of anything else from 'cheerio' fails the build ("No matching export"), not the run.
 */
const cheerioLoadOnly: Plugin = {
  name: 'cheerio-load-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^cheerio$/ }, (args) => {
      if (!args.importer.startsWith(`${DIST}/`)) return undefined;
      const main = createRequire(args.importer).resolve('cheerio/package.json');
      return { path: resolve(dirname(main), 'dist/esm/load-parse.js') };
    });
  },
};

/**
 * A package loaded by `import()` becomes a file of its own, and esbuild gives a CommonJS package there
 * (undici) only a default export, where Node's loader gives its named exports too (`const { Agent } =
 * await import('undici')` found `undefined`). So such an `import()` loads a small module that names the
 * exports Node gives the package, read here by importing it the way the program would.
 */
const namedExports: Plugin = {
  name: 'named-exports',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(`${DIST}/`)) return undefined;
      // an external package stays Node's to load: its `import` export condition may name other exports than
      // the CommonJS file require.resolve finds (playwright-core's index.mjs has `chromium`, its index.js not)
      if (common.external.includes(args.path)) return { path: args.path, external: true };
      return { path: args.path, namespace: 'named-exports', pluginData: { resolveDir: args.resolveDir } };
    });
    plugin.onLoad({ filter: /.*/, namespace: 'named-exports' }, async (args) => {
      const { resolveDir } = args.pluginData as { resolveDir: string };
      const url = pathToFileURL(createRequire(`${resolveDir}/`).resolve(args.path)).href;
      const names = Object.keys(await import(url)).filter(
        (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
      );
      const contents = [
        `import * as namespace from ${JSON.stringify(args.path)};`,
        `export const { ${names.join(', ')} } = namespace;`,
        'export default namespace.default;',
      ].join('\n');
      return { contents, loader: 'js', resolveDir };
    });
  },
};

rmSync(CHUNKS, { recursive: true, force: true });
const workers = new Map<string, string>();

// 1. the binary: main.js, and every module it loads, lazily or not, in shared chunks
await build({
  ...common,
  entryPoints: [{ in: ENTRY, out: 'cli/main' }],
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  allowOverwrite: true,
  plugins: [fileUrls(workers), cheerioLoadOnly, namedExports],
});

// 2. each worker's script, whole, where step 1 pointed the program at it (the analysis worker can start
// sketch workers, which step 1 also found)
const scripts = new Map<string, string>();
await build({
  ...common,
  entryPoints: [...workers].map(([bundled, source]) => ({ in: source, out: `chunks/${basename(bundled, '.js')}` })),
  plugins: [fileUrls(scripts), cheerioLoadOnly, namedExports],
});
const unbuilt = [...scripts.keys()].filter((bundled) => !workers.has(bundled));
if (unbuilt.length > 0) throw new Error(`a worker starts a script the program never does: ${unbuilt.join(', ')}`);

// the bundle is the package's `bin`: executable however it was made (npm sets the bit only when it
// installs, so a dist/ rebuilt from nothing left `npx channel-audit` with "Permission denied")
chmodSync(ENTRY, 0o755);
