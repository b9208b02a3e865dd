/**
 * bench:fetch — how close the audit gets to the fastest schedule politeness allows.
 *
 * ≥500 feed profiles spread unevenly over 20 loopback hosts (127.0.0.2–21, fault-server with injected
 * latency), audited in-process through the real pipeline (runAudit + createHttpClient). For each
 * latency model it prints wall time divided by the politeness lower bound — the busiest host's queue:
 * max over hosts of max(Σ latency / c, (n−1)·interval + shortest latency), which for a fixed latency L
 * is max(⌈n/c⌉·L, (n−1)·interval + L); and wall time divided by the ideal schedule (idealSchedule: the
 * fastest the rules allow for the run's own latencies in its order; and in any order: the median over
 * random orders, the best a scheduler can expect when it cannot know a latency before the answer) — and
 * the politeness violations counted from the servers' logs
 * (in flight above c, or starts closer than the interval). Goal (issue 19): ratio ≤ 1.15, zero violations.
 * A listening case audits Mastodon profiles instead (lookup, a statuses page, then 5 threads each),
 * to show the extra thread requests keep to the same politeness (issue 17).
 *
 *   npm run bench:fetch            (PROFILES=1000 npm run bench:fetch for more)
 *   npm run bench:fetch -- --wire --load   (RUNS=10: violations counted from a tcpdump capture of the
 *                                           request packets, with a busy loop on the other core)
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { ask } from './ipc.js';
import { runAudit } from '../src/audit.js';
import { parseInventory } from '../src/config/load.js';
import { createHttpClient } from '../src/client.js';
import { intervalMargin } from '../src/http/politeness.js';
import { seeded } from './seeded.js';
import { startCapture, startCpuLoad, wireUnavailable, wireViolations } from './wire.js';

const HOSTS = 20;
const PROFILES = Number(process.env.PROFILES ?? 500);
const HOST_CONCURRENCY = 2;
const INTERVAL_MS = 40;
/** The interval the scheduler keeps: the setting plus its safety margin (settings.hostIntervalMarginMs). */
const EFFECTIVE_INTERVAL_MS = INTERVAL_MS + intervalMargin(INTERVAL_MS);
const JITTER_MS = 8;

interface Model {
  name: string;
  latency: (random: () => number) => number;
  /**
   * Listening on: Mastodon profiles (lookup, one statuses page, then one thread per own post that
   * people replied to, up to this budget) instead of feeds.
   */
  listen?: number;
}

const MODELS: Model[] = [
  { name: 'fixed 100 ms', latency: () => 100 },
  { name: 'fixed 100 ms, Mastodon with listening (5 threads)', latency: () => 100, listen: 5 },
  {
    // log-normal: median 80 ms, a long tail (about 1 in 100 above 500 ms)
    name: 'long-tailed (median 80 ms)',
    latency: (random) => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.round(80 * Math.exp(0.8 * z));
    },
  },
];

/** Profiles per host, uneven (weights 1/√(i+1)), summing to `profiles`. */
function spread(profiles: number): number[] {
  const weights = Array.from({ length: HOSTS }, (_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b);
  const counts = weights.map((w) => Math.floor((w / total) * profiles));
  for (let i = 0; counts.reduce((a, b) => a + b) < profiles; i++) counts[i % HOSTS]!++;
  return counts;
}

/**
 * The fastest schedule the politeness rules allow for these latencies, in this order, with no overhead:
 * each request starts as soon as one of the c slots is free and the interval since the last start has
 * passed (for a fixed order, starting any request later never lets another start sooner, so this is
 * the optimum). It is above the lower bound, which assumes the requests pack into the c slots with no
 * gap; with long-tailed latencies they cannot, whatever the scheduler.
 */
function idealSchedule(latencies: readonly number[], slots: number, interval: number): number {
  const free = new Array<number>(slots).fill(0);
  let lastStart = -Infinity;
  for (const latency of latencies) {
    const slot = free.indexOf(Math.min(...free));
    const start = Math.max(free[slot]!, lastStart + interval);
    free[slot] = start + latency;
    lastStart = start;
  }
  return Math.max(...free);
}

/**
 * The ideal schedule's median over `orders` random orders of each host's requests: what a scheduler
 * that cannot know a request's latency before it is answered can expect at best (any order it picks is,
 * for latencies it cannot foresee, as good as a random one). Seeded, so every run prints the same.
 */
function idealAnyOrder(perHost: readonly number[][], slots: number, interval: number, orders = 201): number {
  const random = seeded(7);
  const shuffled = (values: readonly number[]) => {
    const out = [...values];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const makespans = Array.from({ length: orders }, () =>
    Math.max(...perHost.map((latencies) => idealSchedule(shuffled(latencies), slots, interval))),
  ).sort((a, b) => a - b);
  return makespans[Math.floor(orders / 2)]!;
}

type Seen = Array<{ at: number; inFlight: number }>;

function violations(seen: Seen): number {
  const starts = seen.map((r) => r.at);
  const tooClose = starts.slice(1).filter((t, i) => t - starts[i]! < INTERVAL_MS - JITTER_MS).length;
  const tooMany = seen.filter((r) => r.inFlight > HOST_CONCURRENCY).length;
  return tooClose + tooMany;
}

async function runModel(model: Model) {
  const random = seeded(42);
  // with listening, a fifth of the profiles (each is 2 + budget requests) keeps the run as long as the feed case
  const counts = spread(model.listen ? Math.round(PROFILES / (2 + model.listen)) : PROFILES);
  const requestPaths = (i: number): string[] =>
    model.listen
      ? [
          `/api/v1/accounts/lookup?acct=p${i}`,
          `/api/v1/accounts/p${i}/statuses?limit=40`,
          ...Array.from({ length: model.listen }, (_, k) => `/api/v1/statuses/p${i}-${k}/context`),
        ]
      : [`/feed/${i}.xml`];
  const hosts = counts.map((n, h) => ({
    address: `127.0.0.${h + 2}`,
    latencies: Object.fromEntries(
      Array.from({ length: n }, (_, i) => requestPaths(i)).flatMap((paths) =>
        paths.map((path) => [path.split('?')[0]!, model.latency(random)]),
      ),
    ),
    requests: n * (model.listen ? 2 + model.listen : 1),
  }));
  // every request pays its path's latency (a lookup path is shared by a host's profiles: counted per request)
  const bound = Math.max(
    ...hosts.map((h) => {
      const ls = Object.values(h.latencies);
      const mean = ls.reduce((a, b) => a + b, 0) / ls.length;
      return Math.max(
        (h.requests * mean) / HOST_CONCURRENCY,
        (h.requests - 1) * EFFECTIVE_INTERVAL_MS + Math.min(...ls),
      );
    }),
  );
  // each host's requests in the order its lanes ask for them (profile by profile, a profile's requests in turn)
  const perHost = counts.map((n, h) =>
    Array.from({ length: n }, (_, i) => requestPaths(i)).flatMap((paths) =>
      paths.map((path) => hosts[h]!.latencies[path.split('?')[0]!]!),
    ),
  );
  const ideal = Math.max(
    ...perHost.map((latencies) => idealSchedule(latencies, HOST_CONCURRENCY, EFFECTIVE_INTERVAL_MS)),
  );
  const anyOrder = idealAnyOrder(perHost, HOST_CONCURRENCY, EFFECTIVE_INTERVAL_MS);
  const child = fork(new URL('./fetch-servers.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const { urls } = await ask<{ urls: string[] }>(child, { type: 'start', hosts }, 'started');
  const lines = hosts.flatMap((_, i) =>
    Array.from({ length: counts[i]! }, (_, p) =>
      model.listen
        ? `  - url: ${urls[i]}/@p${p}\n    platform: mastodon`
        : `  - url: ${urls[i]}/feed/${p}.xml\n    platform: feed`,
    ),
  );
  const yaml = `company: Bench\nsettings:\n  concurrency: 64\n  hostConcurrency: ${HOST_CONCURRENCY}\n  hostIntervalMs: ${INTERVAL_MS}\n  listenBudget: ${model.listen ?? 0}\nprofiles:\n${lines.join('\n')}\n`;
  const inventory = parseInventory(yaml, 'bench.yaml');
  // the client the binary builds from the inventory's settings (no proxy of the machine's)
  const http = createHttpClient(inventory.settings, { userAgent: 'channel-audit-bench', env: {} });
  const capture = WIRE ? await startCapture() : null;
  const stopLoad = LOAD ? startCpuLoad() : null;
  const started = performance.now();
  const report = await runAudit(inventory, {
    http,
    asOf: new Date('2026-11-01T00:00:00Z'),
    generatedAt: new Date(0),
    source: 'live',
    tool: { name: 'bench', version: '0' },
  });
  const wall = performance.now() - started;
  stopLoad?.();
  const wire = capture ? wireViolations(await capture.stop(), INTERVAL_MS) : null;
  await http.close();
  const active = report.profiles.filter((p) => p.status === 'active').length;
  const threads = report.profiles.reduce((sum, p) => sum + (p.metrics?.threadsRead ?? 0), 0);
  const requests = report.profiles.reduce((sum, p) => sum + (p.metrics?.listenRequests ?? 0), 0);
  const { seen } = await ask<{ seen: Seen[] }>(child, { type: 'log' }, 'log');
  const broken = seen.reduce((sum, log) => sum + violations(log), 0);
  child.send({ type: 'close' });
  return {
    model: model.name,
    profiles: report.profiles.length,
    threads,
    threadRequests: requests,
    busiest: Math.max(...hosts.map((h) => h.requests)),
    wall,
    bound,
    ratio: wall / bound,
    ideal,
    idealRatio: wall / ideal,
    anyOrderRatio: anyOrder / bound,
    violations: broken,
    wire,
    active,
  };
}

const WIRE = process.argv.includes('--wire');
const LOAD = process.argv.includes('--load');
const RUNS = Number(process.env.RUNS ?? 1);
if (WIRE && wireUnavailable()) {
  console.log(`bench:fetch --wire: skipped: ${wireUnavailable()}`);
  process.exit(0);
}

const rows = [];
const perRun: Array<Array<Awaited<ReturnType<typeof runModel>>>> = [];
for (let run = 0; run < RUNS; run++) {
  const these = [];
  for (const model of MODELS) these.push(await runModel(model));
  perRun.push(these);
  rows.push(...(run === RUNS - 1 ? these : []));
}
console.log(
  `bench:fetch — ${PROFILES} profiles on ${HOSTS} loopback hosts, ${HOST_CONCURRENCY} per host, ${INTERVAL_MS} ms interval (+ ${EFFECTIVE_INTERVAL_MS - INTERVAL_MS} ms margin: the lower bound uses ${EFFECTIVE_INTERVAL_MS} ms)`,
);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
console.log(
  '| case | requests to the busiest host | wall | politeness lower bound | ratio | the ideal schedule | × the ideal | the ideal in any order ÷ the bound | violations | profiles audited | threads read (requests) |',
);
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const r of rows) {
  console.log(
    `| ${r.model} | ${r.busiest} | ${(r.wall / 1000).toFixed(2)} s | ${(r.bound / 1000).toFixed(2)} s | **${r.ratio.toFixed(2)}** | ${(r.ideal / 1000).toFixed(2)} s | ${r.idealRatio.toFixed(2)} | ${r.anyOrderRatio.toFixed(2)} | ${r.violations} | ${r.active}/${r.profiles} | ${r.threads} (${r.threadRequests}) |`,
  );
}
if (rows.some((r) => r.active !== r.profiles)) process.exitCode = 1;
if (RUNS > 1 || WIRE) {
  const load = os.loadavg()[0]!.toFixed(2);
  console.log(
    `\n${RUNS} run${RUNS > 1 ? 's' : ''}${LOAD ? ', a busy loop on the other core' : ''}${WIRE ? ', violations on the wire (tcpdump)' : ''}; load average now ${load}:\n`,
  );
  console.log(
    '| case | ratio min / median / max | × the ideal schedule, min / median / max | the ideal in any order ÷ the bound | server-log violations | wire violations | closest wire gap |',
  );
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  MODELS.forEach((model, m) => {
    const runs = perRun.map((r) => r[m]!);
    const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
    const mid = ratios[Math.floor(ratios.length / 2)]!;
    const ideals = runs.map((r) => r.idealRatio).sort((a, b) => a - b);
    const idealMid = ideals[Math.floor(ideals.length / 2)]!;
    const wireCount = runs.reduce((sum, r) => sum + (r.wire?.count ?? 0), 0);
    const closest = runs.flatMap((r) => (r.wire?.worstMs == null ? [] : [r.wire.worstMs]));
    console.log(
      `| ${model.name} | ${ratios[0]!.toFixed(2)} / **${mid.toFixed(2)}** / ${ratios.at(-1)!.toFixed(2)} | ${ideals[0]!.toFixed(2)} / **${idealMid.toFixed(2)}** / ${ideals.at(-1)!.toFixed(2)} | ${runs[0]!.anyOrderRatio.toFixed(2)} | ${runs.reduce((sum, r) => sum + r.violations, 0)} | ${WIRE ? wireCount : '—'} | ${closest.length ? `${Math.min(...closest).toFixed(1)} ms` : '—'} |`,
    );
  });
}
