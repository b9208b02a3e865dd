/**
 * Bundles the binary's start-up path into one file (run by `npm run build`, after tsc).
 *
 * `channel-audit --help` used to load 12 of the tool's modules and commander's 7 files through Node's
 * module loader, one resolution and one read each: about 20 ms on top of bare Node's start. The bundle
 * is dist/cli/main.js itself, made from tsc's own output (so it runs the code tsc emitted, and its
 * source map leads back to src/). It holds commander and the modules only the start-up path uses
 * (main, program, run-cli). Everything else stays a separate file of dist/:
 *
 * - what the program loads lazily (each command's module, the error report): `import()` as before;
 * - every module those also import (the exit codes, the formats, the tool's name…): a module inlined in
 *   the bundle and also loaded by a command would exist twice, and an error class thrown by one copy
 *   would not be `instanceof` the other. So the bundle imports those modules from dist/ instead.
 *
 *   npm run build            (tsc, then this)
 */
import { chmodSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ENTRY = resolve('dist/cli/main.js');
const OUT_DIR = dirname(ENTRY);

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' } as const;

/** An import of dist/ as the bundle (at dist/cli/main.js) writes it. */
function fromBundle(file: string): string {
  const path = relative(OUT_DIR, file);
  return path.startsWith('.') ? path : `./${path}`;
}

/** Marks imports external: every `import()`, and the files in `shared`. Collects the `import()` targets. */
function externals(shared: ReadonlySet<string>, lazy: Set<string>): Plugin {
  return {
    name: 'cli-externals',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
        const file = resolve(args.resolveDir, args.path);
        if (args.kind === 'dynamic-import') lazy.add(file);
        else if (!shared.has(file)) return undefined;
        return { path: fromBundle(file), external: true };
      });
    },
  };
}

// 1. what the start-up path loads lazily
const lazy = new Set<string>();
await build({ ...common, entryPoints: [ENTRY], write: false, outdir: OUT_DIR, plugins: [externals(new Set(), lazy)] });

// 2. every module of dist/ those load
const graph = await build({
  ...common,
  entryPoints: [...lazy],
  write: false,
  outdir: OUT_DIR,
  splitting: true,
  packages: 'external',
  metafile: true,
});
const shared = new Set(Object.keys(graph.metafile.inputs).map((file) => resolve(file)));

// 3. the bundle: the start-up path and commander, importing the shared and lazy modules from dist/
await build({
  ...common,
  entryPoints: [ENTRY],
  outfile: ENTRY,
  allowOverwrite: true,
  plugins: [externals(shared, new Set())],
  // commander is CommonJS and requires Node's own modules: give the ES module bundle a real `require`
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'eof',
});

// the bundle is the package's `bin`: executable however it was made (npm sets the bit only when it
// installs, so a dist/ rebuilt from nothing left `npx channel-audit` with "Permission denied")
chmodSync(ENTRY, 0o755);
