/**
 * The servers of bench:audit, in their own process so their work does not count against the audit's:
 * one HTTP server per loopback address (127.0.0.2 …), each answering /feed/N.xml after a fixed latency
 * with a feed of 20 items whose HTML descriptions make it about 21 KB, the median size of the real blog
 * feeds in ../shared/real-samples/blogs. Each host has VARIANTS feeds, built once (seeded by host and
 * variant), and /feed/N.xml is variant N mod VARIANTS with N written into its title, links and ids, so
 * every profile's feed differs while the servers spend little CPU on the 2-core machine the audit runs
 * on (building each feed when asked took 0.35 ms, a fifth of a core at 550 feeds/s) and hold 20 MB, not
 * 200 MB. Driven over IPC by bench/audit.ts: `start`, then `close`, answered with the CPU it used.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rss } from '../scripts/formats/feeds.js';
import { seeded } from './seeded.js';

const WORDS = [
  'trail',
  'boots',
  'rain',
  'shell',
  'pack',
  'summit',
  'river',
  'camp',
  'route',
  'gear',
  'weather',
  'maps',
];

/** Written where the feed's number goes, in a variant built once. */
const N = '{{n}}';
const VARIANTS = 8;

function feed(host: number, n: number | typeof N, variant: number): string {
  const random = seeded(host * 100_003 + variant);
  const word = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const sentence = () => Array.from({ length: 14 }, word).join(' ');
  const entries = Array.from({ length: 20 }, (_, i) => ({
    title: `${word()} ${word()} ${i}`,
    url: `https://blog${host}.example/${n}/${i}`,
    date: new Date(Date.UTC(2026, 9, 30) - (i * 5 + Math.floor(random() * 4)) * 86_400_000).toISOString(),
    summary: Array.from(
      { length: 4 },
      () => `<p>${sentence()} <a href="https://blog${host}.example/x">${word()}</a> <em>${sentence()}</em>.</p>`,
    ).join('\n'),
  }));
  return rss(`Blog ${host}/${n}`, `https://blog${host}.example/`, entries);
}

type Message = { type: 'start'; hosts: number; latencyMs: number } | { type: 'close' };

let servers: Server[] = [];
/** Each host's variants, split where N goes: built before the servers say they have started. */
let variants: string[][][] = [];
/** Feed N of host h: its variant, joined with N. */
function feedOf(h: number, n: number): string {
  return variants[h]![n % VARIANTS]!.join(String(n));
}

process.on('message', async (message: Message) => {
  if (message.type === 'close') {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    const used = process.cpuUsage();
    process.send!({ type: 'closed', cpuMs: (used.user + used.system) / 1000 }, () => process.exit(0));
    return;
  }
  // built here, not on a host's first request: building them all takes the server process about half a
  // second, in which it read no request while the audit's first requests waited (an audit slowed by its bench)
  variants = Array.from({ length: message.hosts }, (_, h) =>
    Array.from({ length: VARIANTS }, (_, v) => feed(h, N, v).split(N)),
  );
  servers = Array.from({ length: message.hosts }, (_, h) =>
    createServer((req, res) => {
      const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? Number.NaN);
      setTimeout(() => {
        if (Number.isNaN(n)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(feedOf(h, n));
      }, message.latencyMs);
    }),
  );
  const urls = await Promise.all(
    servers.map(
      (server, h) =>
        new Promise<string>((resolve) =>
          server.listen(0, `127.0.0.${h + 2}`, () =>
            resolve(`http://127.0.0.${h + 2}:${(server.address() as AddressInfo).port}`),
          ),
        ),
    ),
  );
  process.send!({ type: 'started', urls });
});
