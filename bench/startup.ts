/**
 * bench:startup — how long the CLI takes to start, against bare Node measured in the same run
 * (`node -e 0`): `channel-audit --help` and `channel-audit validate examples/inventory.yaml`. The runs
 * are paired: each round starts bare Node and then every command once, and a command's figure is the
 * median over rounds of its time divided by that round's bare Node, so a machine whose load drifts
 * during the run moves both sides of each ratio together. Goal: `--help` ≤ 1.4× bare Node. The last row
 * is the floor for `validate`: loading the YAML parser and the schema library alone, which no lazy
 * loading can remove. Run `npm run build` first: it times the built binary, dist/cli/main.js, which the
 * build bundles into a few files (scripts/bundle-cli.ts).
 *
 *   npm run bench:startup          (ROUNDS=41 for more)
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const ROUNDS = Number(process.env.ROUNDS ?? 21);

const COMMANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['channel-audit --help', ['dist/cli/main.js', '--help']],
  ['channel-audit validate examples/inventory.yaml', ['dist/cli/main.js', 'validate', 'examples/inventory.yaml']],
  // what validate cannot avoid: the YAML parser (positions for file:line:col) and the schema library
  ["floor: import 'yaml' and 'zod' and nothing else", ['--input-type=module', '-e', "import 'yaml'; import 'zod'"]],
];

function time(args: readonly string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - started;
}

const times = COMMANDS.map(() => [] as number[]);
const ratios = COMMANDS.map(() => [] as number[]);
time(COMMANDS[1]![1]); // one run first, so the file cache is warm for every round
for (let round = 0; round < ROUNDS; round++) {
  COMMANDS.forEach(([, args], c) => {
    times[c]!.push(time(args));
  });
  COMMANDS.forEach((_, c) => {
    ratios[c]!.push(times[c]!.at(-1)! / times[0]!.at(-1)!);
  });
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
console.log(
  `bench:startup — ${ROUNDS} paired rounds; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}\n`,
);
console.log('| command | median time | × bare Node, median of the rounds (min–max) |');
console.log('|---|--:|--:|');
COMMANDS.forEach(([name], c) => {
  const r = sorted(ratios[c]!);
  console.log(
    `| ${name} | ${median(times[c]!).toFixed(0)} ms | **${median(r).toFixed(2)}×** (${r[0]!.toFixed(2)}–${r.at(-1)!.toFixed(2)}) |`,
  );
});
