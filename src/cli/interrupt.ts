/**
 * Ctrl-C and SIGTERM: the first signal stops new profiles at once and gives in-flight requests a few
 * seconds to finish before abandoning them; a second signal abandons them at once. The report of what
 * was done is still written, and the exit code is 3. Should anything still hold the process
 * HARD_EXIT_MS after the requests were abandoned, it exits (code 3) whatever is pending: a signal
 * always ends the run.
 *
 * process.exit() alone is not enough for that: before the process ends, Node joins libuv's thread
 * pool, and a thread blocked in the system (an open() of a FIFO waits for a writer forever) is never
 * joined, so process.exit() itself hung and the signals after it were ignored. The failsafe starts
 * a watchdog first, a separate process that kills this one (SIGKILL, exit 137) if it is still there
 * WATCHDOG_MS after process.exit() — it checks that it is still this process's child, so a reused
 * process id is never hit.
 */
import { spawn } from 'node:child_process';

export const GRACE_MS = 2000;
export const HARD_EXIT_MS = 5000;
export const WATCHDOG_MS = 1000;

/** Ends the process with `code`; should exiting hang (a thread stuck in the system), a watchdog kills it. */
export function exitNow(code: number): never {
  try {
    const watchdog = spawn(
      process.execPath,
      [
        '-e',
        `setTimeout(() => { if (process.ppid === ${process.pid}) process.kill(${process.pid}, 'SIGKILL'); }, ${WATCHDOG_MS});`,
      ],
      { detached: true, stdio: 'ignore' },
    );
    watchdog.on('error', () => {});
    watchdog.unref();
  } catch {
    // no watchdog (no process slot left): the plain exit is all there is
  }
  process.exit(code);
}

export interface Interrupt {
  /** Aborted by the first signal: start nothing new. */
  stop: AbortSignal;
  /** Aborted after the grace period, or by a second signal: abandon in-flight requests. */
  abandon: AbortSignal;
  dispose(): void;
}

export function onInterrupt(notify: (message: string) => void): Interrupt {
  const stop = new AbortController();
  const abandon = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let hardExit: NodeJS.Timeout | undefined;
  abandon.signal.addEventListener('abort', () => {
    // unref'd: a run that ends by itself is not held for it
    hardExit = setTimeout(() => {
      notify(
        `the run did not stop ${HARD_EXIT_MS / 1000} s after its requests were abandoned: exiting without waiting for them\n`,
      );
      exitNow(3);
    }, HARD_EXIT_MS);
    hardExit.unref();
  });
  const handler = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      abandon.abort(new Error(signal));
      return;
    }
    notify(`\n${signal}: stopping; the report of the profiles done so far will still be written\n`);
    stop.abort(new Error(signal));
    timer = setTimeout(() => abandon.abort(new Error(signal)), GRACE_MS);
    timer.unref();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    dispose: () => {
      clearTimeout(timer);
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
