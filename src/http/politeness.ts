/**
 * Politeness: at most `globalConcurrency` requests in flight, at most `concurrency` per host, request
 * starts to one host at least `intervalMs` apart, and a host that answered 429/503 with Retry-After is
 * left alone by every request until then. Per-host overrides come from the inventory's `settings.hosts`.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface HostLimits {
  concurrency: number;
  intervalMs: number;
}

export interface PolitenessOptions {
  globalConcurrency: number;
  defaults: HostLimits;
  /** Overrides by host name (as in the URL, without port) or host:port. */
  hosts?: Record<string, Partial<HostLimits>>;
  now?: () => number;
  /** A pause (Retry-After) longer than this is not waited out, also by requests already queued: they fail with HostPausedError. */
  maxPauseMs?: number;
  /**
   * Added to every host's interval, so the gap the host sees stays at least the interval when the
   * machine is busy (a request written a few ms late, a server's clock): null or absent, 2% of the
   * interval or 5 ms, whichever is larger; 0 for none. An interval of 0 gets no margin.
   */
  marginMs?: number | null;
}

/** The margin added to an interval (PolitenessOptions.marginMs). */
export function intervalMargin(intervalMs: number, marginMs: number | null = null): number {
  if (intervalMs <= 0) return 0;
  return marginMs ?? Math.max(0.02 * intervalMs, 5);
}

/** The host asked to be left alone for longer than the client waits. */
export class HostPausedError extends Error {
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`${host} asked to wait ${Math.ceil(waitMs / 1000)} s (Retry-After)`);
    this.name = 'HostPausedError';
  }
}

/** A host's limits: the defaults, overridden by its entry by name (without port), then by host:port. */
export function hostLimits(
  host: string,
  defaults: HostLimits,
  overrides: Record<string, Partial<HostLimits>> = {},
): HostLimits {
  return { ...defaults, ...overrides[host.replace(/:\d+$/, '')], ...overrides[host] };
}

interface Waiter {
  grant(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
}

/**
 * A counting semaphore with FIFO waiters. An abort signal gets one listener for all its waiters (a run
 * of 10,000 profiles shares one signal: a listener per waiting request cost 1.4 s of adding and
 * removing), and a signal already aborted is never waited on.
 */
class Semaphore {
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private readonly watched = new WeakSet<AbortSignal>();
  constructor(private readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    if (signal?.aborted) throw signal.reason;
    if (signal && !this.watched.has(signal)) {
      this.watched.add(signal);
      signal.addEventListener('abort', () => this.drop(signal), { once: true });
    }
    await new Promise<void>((resolve, reject) => {
      this.waiters.push({
        grant: () => {
          this.active++;
          resolve();
        },
        reject,
        signal,
      });
    });
  }

  /** Every waiter of an aborted signal leaves the queue with its reason. */
  private drop(signal: AbortSignal): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i]!.signal !== signal) continue;
      const [waiter] = this.waiters.splice(i, 1);
      waiter!.reject(signal.reason);
    }
  }

  release(): void {
    this.active--;
    this.waiters.shift()?.grant();
  }
}

interface HostState {
  limits: HostLimits;
  slots: Semaphore;
  /** No request may start before this time: the interval after the last one was sent. */
  nextStart: number;
  /** Retry-After from the host: no request before this time. */
  pausedUntil: number;
  /** Requests started but not yet on the wire: the next one waits for them. */
  unsent: number;
  /** Woken when a request of this host goes on the wire. */
  wake: Array<() => void>;
}

export class Politeness {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, HostState>();
  private readonly now: () => number;

  constructor(private readonly options: PolitenessOptions) {
    this.global = new Semaphore(options.globalConcurrency);
    this.now = options.now ?? Date.now;
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      const limits = hostLimits(host, this.options.defaults, this.options.hosts);
      s = { limits, slots: new Semaphore(limits.concurrency), nextStart: 0, pausedUntil: 0, unsent: 0, wake: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Retry-After: no request to `host` starts before `until` (epoch ms). Only ever extends. */
  pause(host: string, until: number): void {
    const s = this.state(host);
    s.pausedUntil = Math.max(s.pausedUntil, until);
  }

  private checkPause(host: string, s: HostState): void {
    const paused = s.pausedUntil - this.now();
    if (paused > (this.options.maxPauseMs ?? Infinity)) throw new HostPausedError(host, paused);
  }

  /**
   * Runs `task` as one request to `host`, when the host's slot, interval and pause and a global slot
   * allow. The task calls `sent()` when its request is on the wire (or is done, whichever is first):
   * the interval is counted from then, and no other request to the host starts before it.
   */
  async run<T>(host: string, task: (sent: () => void) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const s = this.state(host);
    // a host that asked for a long pause is not waited for: neither before a slot is free nor after
    this.checkPause(host, s);
    await s.slots.acquire(signal);
    try {
      for (;;) {
        if (s.unsent > 0) {
          await new Promise<void>((resolve) => s.wake.push(resolve));
          signal?.throwIfAborted();
          continue;
        }
        this.checkPause(host, s);
        const wait = Math.max(s.nextStart, s.pausedUntil) - this.now();
        if (wait > 0) await sleep(wait, undefined, { signal });
        await this.global.acquire(signal);
        // the check and the reservation happen together, with no await between them
        if (s.unsent === 0 && this.now() >= Math.max(s.nextStart, s.pausedUntil)) break;
        this.global.release();
      }
      const interval = s.limits.intervalMs + intervalMargin(s.limits.intervalMs, this.options.marginMs);
      s.nextStart = this.now() + interval;
      s.unsent++;
      let onWire = false;
      const sent = () => {
        if (onWire) return;
        onWire = true;
        s.unsent--;
        s.nextStart = Math.max(s.nextStart, this.now() + interval);
        for (const wake of s.wake.splice(0)) wake();
      };
      try {
        return await task(sent);
      } finally {
        sent();
        this.global.release();
      }
    } finally {
      s.slots.release();
    }
  }
}
