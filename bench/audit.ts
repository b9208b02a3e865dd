/**
 * bench:audit — a large audit, end to end (issue 19, item 4): 10,000 feed profiles on 100 loopback
 * hosts (bench/audit-servers.ts: 100 ms latency, ~21 KB feeds of 20 items), through the real pipeline
 * (runAudit + createHttpClient), with limits that allow 640 profiles a second: 100 hosts × 1 request at a
 * time × one request every 151 ms plus the 5 ms safety margin (6.4 a second per host). Prints profiles per second against that
 * limit (the baseline: the fastest the politeness settings allow), the main thread's CPU share, and
 * peak RSS, with what it is made of at its peak. Goal: ≥ 560 profiles/s (0.9 of the limit), peak RSS ≤ 400 MB.
 * It runs the library as the binary does, with the binary's V8 heap setting for a large audit
 * (src/cli/heap.ts), and its feeds parsed and timelines measured on worker threads (one each on 2 cores).
 *
 *   npm run bench:audit            (PROFILES=2000 for a quick run; RUNS=3)
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import { ask } from './ipc.js';
import { runAudit } from '../dist/audit.js'; // the built modules, as a user runs them
import { parseInventory } from '../dist/config/load.js';
import { createHttpClient } from '../dist/client.js';
import { intervalMargin } from '../dist/http/politeness.js';
import { keepHeapNearLive } from '../dist/cli/heap.js';

const HOSTS = 100;
const PROFILES = Number(process.env.PROFILES ?? 10_000);
const LATENCY_MS = 100;
const INTERVAL_MS = 151;
const RUNS = Number(process.env.RUNS ?? 1);
/** The fastest the settings allow: every host one request per interval (its margin included). */
const LIMIT_PER_S = (HOSTS * 1000) / (INTERVAL_MS + intervalMargin(INTERVAL_MS));

// the binary's V8 heap setting for a run this large (src/cli/heap.ts), as `channel-audit audit` sets it
keepHeapNearLive(PROFILES);

async function run() {
  const child = fork(new URL('./audit-servers.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const { urls } = await ask<{ urls: string[] }>(
    child,
    { type: 'start', hosts: HOSTS, latencyMs: LATENCY_MS },
    'started',
  );
  const lines = Array.from(
    { length: PROFILES },
    (_, i) => `  - url: ${urls[i % HOSTS]}/feed/${Math.floor(i / HOSTS)}.xml\n    platform: feed`,
  );
  const inventory = parseInventory(
    `company: Bench\nsettings:\n  concurrency: 128\n  hostConcurrency: 1\n  hostIntervalMs: ${INTERVAL_MS}\nprofiles:\n${lines.join('\n')}\n`,
    'bench.yaml',
  );
  // the client the binary builds from the inventory's settings (no proxy of the machine's)
  const http = createHttpClient(inventory.settings, { userAgent: 'channel-audit-bench', env: {} });
  // what the peak is made of: the main thread's V8 heap, and memory outside it (buffers), sampled
  let peak = { rss: 0, heapTotal: 0, external: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = { rss: m.rss, heapTotal: m.heapTotal, external: m.external };
  }, 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runAudit(inventory, {
    http,
    asOf: new Date('2026-11-01T00:00:00Z'),
    generatedAt: new Date(0),
    source: 'live',
    tool: { name: 'bench', version: '0' },
  });
  const wall = performance.now() - started;
  clearInterval(sampler);
  const used = process.cpuUsage(cpu);
  await http.close();
  const { cpuMs } = await ask<{ cpuMs: number }>(child, { type: 'close' }, 'closed');
  const active = report.profiles.filter((p) => p.status === 'active').length;
  return {
    wall,
    perSecond: PROFILES / (wall / 1000),
    cpuShare: (used.user + used.system) / 1000 / wall,
    serverCpuShare: cpuMs / wall,
    rss: process.resourceUsage().maxRSS * 1024,
    peak,
    active,
  };
}

const mb = (bytes: number) => Math.round(bytes / 1e6);
console.log(
  `bench:audit — ${PROFILES.toLocaleString('en')} feed profiles on ${HOSTS} loopback hosts, ${LATENCY_MS} ms latency, limits allowing ${LIMIT_PER_S.toFixed(0)} profiles/s; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
console.log(
  "| run | wall | profiles/s | × the limit | this process CPU (of one core) | the servers' CPU | peak RSS | at the peak: main heap, buffers, the rest (workers, code) | profiles audited |",
);
console.log('|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (let i = 1; i <= RUNS; i++) {
  const r = await run();
  console.log(
    `| ${i} | ${(r.wall / 1000).toFixed(1)} s | **${r.perSecond.toFixed(0)}** | ${(r.perSecond / LIMIT_PER_S).toFixed(2)} | ${(r.cpuShare * 100).toFixed(0)}% | ${(r.serverCpuShare * 100).toFixed(0)}% | ${Math.round(r.rss / 1e6)} MB | ${mb(r.peak.heapTotal)}, ${mb(r.peak.external)}, ${mb(r.peak.rss - r.peak.heapTotal - r.peak.external)} MB | ${r.active}/${PROFILES} |`,
  );
  if (r.active !== PROFILES) process.exitCode = 1;
}
console.log(
  `\nload average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
