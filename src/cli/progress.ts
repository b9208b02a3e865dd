/**
 * Progress on stderr: an ora spinner only when stderr is a terminal at least MIN_COLUMNS wide and not
 * in CI; otherwise silent. A terminal that reports 0 columns (a serial console, some CI pseudo-TTYs)
 * would make ora count infinitely many wrapped lines to clear and write without end, so it gets none.
 */
import ora from 'ora';
import { type ProfileResult, terminalSafe, truncate } from '../index.js';

export interface Progress {
  update(result: ProfileResult, done: number, total: number): void;
  stop(): void;
}

/** The narrowest terminal the spinner draws on. */
export const MIN_COLUMNS = 20;

interface Terminal {
  isTTY?: boolean;
  columns?: number;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { update() {}, stop() {} };
  const spinner = ora({ text: 'auditing…', stream }).start();
  return {
    update(result, done, total) {
      // one line, whatever the name: the spinner rewrites it in place
      const width = Math.max(MIN_COLUMNS, stream.columns ?? MIN_COLUMNS) - 3;
      spinner.text = truncate(`${done}/${total} ${terminalSafe(result.name ?? result.url)}: ${result.status}`, width);
    },
    stop() {
      spinner.stop();
    },
  };
}

export function progressEnabled(env: NodeJS.ProcessEnv, quiet: boolean, terminal: Terminal = process.stderr): boolean {
  return !quiet && terminal.isTTY === true && !env.CI && (terminal.columns ?? 0) >= MIN_COLUMNS;
}
