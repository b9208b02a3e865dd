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
}

/** A counting semaphore with FIFO waiters. */
class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(grant);
    });
  }

  release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}

interface HostState {
  limits: HostLimits;
  slots: Semaphore;
  /** No request may start before this time: the interval after the last start. */
  nextStart: number;
  /** Retry-After from the host: no request before this time. */
  pausedUntil: number;
}

export class Politeness {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, HostState>();
  private readonly now: () => number;

  constructor(private readonly options: PolitenessOptions) {
    this.global = new Semaphore(options.globalConcurrency);
    this.now = options.now ?? Date.now;
  }

  limitsFor(host: string): HostLimits {
    const name = host.replace(/:\d+$/, '');
    return { ...this.options.defaults, ...this.options.hosts?.[name], ...this.options.hosts?.[host] };
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      const limits = this.limitsFor(host);
      s = { limits, slots: new Semaphore(limits.concurrency), nextStart: 0, pausedUntil: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Retry-After: no request to `host` starts before `until` (epoch ms). Only ever extends. */
  pause(host: string, until: number): void {
    const s = this.state(host);
    s.pausedUntil = Math.max(s.pausedUntil, until);
  }

  /** Epoch ms until which the host asked to be left alone, or 0. */
  pausedUntil(host: string): number {
    return this.hosts.get(host)?.pausedUntil ?? 0;
  }

  /** Runs `task` as one request to `host`, when the host's slot, interval and pause and a global slot allow. */
  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const s = this.state(host);
    await s.slots.acquire(signal);
    try {
      for (;;) {
        const wait = Math.max(s.nextStart, s.pausedUntil) - this.now();
        if (wait > 0) await sleep(wait, undefined, { signal });
        await this.global.acquire(signal);
        // the check and the reservation happen together, with no await between them
        if (this.now() >= Math.max(s.nextStart, s.pausedUntil)) break;
        this.global.release();
      }
      s.nextStart = this.now() + s.limits.intervalMs;
      try {
        return await task();
      } finally {
        this.global.release();
      }
    } finally {
      s.slots.release();
    }
  }
}
