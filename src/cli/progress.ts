/** Progress on stderr: an ora spinner only when stderr is a terminal and not in CI; otherwise silent. */
import ora from 'ora';
import type { ProfileResult } from '../model/index.js';
import { terminalSafe } from '../render/sanitize.js';

export interface Progress {
  update(result: ProfileResult, done: number, total: number): void;
  stop(): void;
}

export function createProgress(enabled: boolean, total: number): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const spinner = ora({ text: `auditing ${total} profiles`, stream: process.stderr }).start();
  return {
    update(result, done) {
      spinner.text = `${done}/${total} ${terminalSafe(result.name ?? result.url)}: ${result.status}`;
    },
    stop() {
      spinner.stop();
    },
  };
}

export function progressEnabled(env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  return !quiet && process.stderr.isTTY === true && !env.CI;
}
