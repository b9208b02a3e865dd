/**
 * Ctrl-C and SIGTERM: the first signal stops new profiles at once and gives in-flight requests a few
 * seconds to finish before abandoning them; a second signal abandons them at once. The report of what
 * was done is still written, and the exit code is 3. Should anything still hold the process
 * HARD_EXIT_MS after the requests were abandoned, it exits (code 3) whatever is pending: a signal
 * always ends the run.
 */
export const GRACE_MS = 2000;
export const HARD_EXIT_MS = 5000;

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
      process.exit(3);
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
