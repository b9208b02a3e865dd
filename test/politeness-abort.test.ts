/**
 * Politeness under interruption (issue 19, item 4): every request waiting for a slot shares the run's
 * abort signal through one listener, and all of them leave the queue when it fires; a request with no
 * signal, or a later one, still gets its slot.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { intervalMargin, Politeness } from '../src/http/politeness.js';

describe('waiting for a slot, with the run’s abort signal', () => {
  it('adds one listener for all waiters, rejects them all on abort, and keeps the queue for others', async () => {
    const p = new Politeness({ globalConcurrency: 10, defaults: { concurrency: 1, intervalMs: 0 } });
    let release!: () => void;
    const first = p.run('h', (sent) => {
      sent();
      return new Promise<string>((resolve) => {
        release = () => resolve('first');
      });
    });
    await new Promise((r) => setImmediate(r));
    const run = new AbortController();
    const waiting = Array.from({ length: 50 }, (_, i) =>
      p
        .run(
          'h',
          async (sent) => {
            sent();
            return `w${i}`;
          },
          run.signal,
        )
        .catch((e: Error) => e.message),
    );
    const unsignalled = p.run('h', async (sent) => {
      sent();
      return 'no signal';
    });
    await new Promise((r) => setImmediate(r));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    run.abort(new Error('interrupted'));
    expect(await Promise.all(waiting)).toEqual(Array(50).fill('interrupted'));
    release();
    expect(await first).toBe('first');
    expect(await unsignalled).toBe('no signal');
    // an already aborted signal is never waited on
    let hold!: () => void;
    const busy = p.run('h', (sent) => {
      sent();
      return new Promise<void>((r) => {
        hold = r;
      });
    });
    await new Promise((r) => setImmediate(r));
    await expect(p.run('h', async () => 'x', run.signal)).rejects.toThrow('interrupted');
    hold();
    await busy;
  });
});

describe('the interval’s safety margin', () => {
  it('is 2% of the interval or 5 ms, whichever is larger, settable, and none for no interval', () => {
    expect(intervalMargin(250)).toBe(5);
    expect(intervalMargin(1000)).toBe(20);
    expect(intervalMargin(250, 0)).toBe(0);
    expect(intervalMargin(250, 12)).toBe(12);
    expect(intervalMargin(0)).toBe(0);
  });

  it('keeps request starts to one host at least interval + margin apart (a floor: slowness cannot break it)', async () => {
    const p = new Politeness({ globalConcurrency: 4, defaults: { concurrency: 4, intervalMs: 40 } });
    const starts: number[] = [];
    await Promise.all(
      [0, 1, 2].map(() =>
        p.run('h', async (sent) => {
          starts.push(performance.now());
          sent();
        }),
      ),
    );
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(44);
  });
});
