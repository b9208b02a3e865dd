/**
 * How far V8 lets the heap grow past what is live, for a large audit. By default V8 grows a heap up to
 * about four times what survived its last full collection when collecting is cheap, which is the case
 * for an audit's many short-lived bodies, feeds and timelines: bench:audit (10,000 profiles) peaked at
 * 480–550 MB of memory with 70 MB live. At 1.5 times it peaks at 335–370 MB at the same speed (25%
 * was slower; V8's own --optimize-for-size halved the speed). The setting is the process's (V8 has no
 * per-heap one), so the binary sets it for a large audit only; the library leaves it alone.
 */
import { setFlagsFromString } from 'node:v8';
import { POOL_FROM } from '../index.js';

/** The heap may grow to this much more than was live after its last full collection. */
export const HEAP_GROWING_PERCENT = 50;

/** Sets V8's heap growth for an audit of `profiles` when it is a large one (as large as gets worker threads). */
export function keepHeapNearLive(profiles: number): void {
  if (profiles >= POOL_FROM) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
