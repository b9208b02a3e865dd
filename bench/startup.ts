/**
 * bench:startup — how long the CLI takes to start, against bare Node measured in the same run
 * (`node -e 0`): `channel-audit --help` and `channel-audit validate examples/inventory.yaml`.
 * Median of 15 runs each. Goal: ≤ 1.4× bare Node. The last row is the floor for `validate`: loading the
 * YAML parser and the schema library alone, which no lazy loading can remove. Run `npm run build` first (it times dist/).
 *
 *   npm run bench:startup
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const RUNS = 15;

function median(command: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    execFileSync(process.execPath, command, { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const bare = median(['-e', '0']);
const rows = [
  ['node -e 0 (baseline)', bare],
  ['channel-audit --help', median(['dist/cli/main.js', '--help'])],
  [
    'channel-audit validate examples/inventory.yaml',
    median(['dist/cli/main.js', 'validate', 'examples/inventory.yaml']),
  ],
  // what validate cannot avoid: the YAML parser (positions for file:line:col) and the schema library
  [
    "floor: import 'yaml' and 'zod' and nothing else",
    median(['--input-type=module', '-e', "import 'yaml'; import 'zod'"]),
  ],
] as const;
console.log(
  `bench:startup — median of ${RUNS} runs; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
console.log('| command | median | × bare Node |');
console.log('|---|--:|--:|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(0)} ms | **${(ms / bare).toFixed(2)}×** |`);
