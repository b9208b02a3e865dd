/**
 * Bundles the binary's start-up path into one file (run by `npm run build`, after tsc).
 *
 * `channel-audit --help` used to load 13 of the tool's modules and commander's 7 through Node's ESM
 * loader, one resolution and one file read each: about 20 ms on top of bare Node's start, half the
 * start-up. The bundle is dist/cli/main.js itself, made from tsc's own output (so it runs exactly the
 * code tsc emitted, and its source map leads back to src/). Each command's module stays a separate
 * file, loaded when that command runs (program.ts imports them lazily), so the bundle holds only what
 * every invocation needs: the program, its help text, the exit codes and commander.
 *
 *   npm run build            (tsc, then this)
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const ENTRY = 'dist/cli/main.js';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

await build({
  entryPoints: [ENTRY],
  outfile: ENTRY,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // the commands: loaded from dist/cli/commands/ when one runs, as before
  external: ['./commands/*'],
  // commander is CommonJS and requires Node's own modules: give the ES module bundle a real `require`
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // src/tool.ts reads package.json relative to its own file; in the bundle that file is one folder
  // deeper, so the bundle carries the name and version instead
  define: { CHANNEL_AUDIT_PACKAGE: JSON.stringify({ name: pkg.name, version: pkg.version }) },
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});
