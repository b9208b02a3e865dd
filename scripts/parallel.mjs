#!/usr/bin/env node
/**
 * `node scripts/parallel.mjs build typecheck lint`: runs npm scripts side by side (the two compilers of
 * `build` and `typecheck` each keep one core busy), prints each one's output whole when it ends, and
 * fails when any fails. Plain JavaScript so that it needs nothing built or installed.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const results = await Promise.all(
  scripts.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          const text = Buffer.concat(output).toString();
          process.stdout.write(`> npm run ${name}: ${code === 0 ? 'ok' : `failed (${signal ?? `exit ${code}`})`}\n${text}`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
