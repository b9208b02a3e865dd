/**
 * The servers of bench:audit, in their own process so their work does not count against the audit's:
 * one HTTP server per loopback address (127.0.0.2 …), each answering /feed/N.xml after a fixed latency
 * with a feed of 20 items whose HTML descriptions make it about 21 KB, the median size of the real blog
 * feeds in ../shared/real-samples/blogs. Each feed differs (seeded by host and path) and is built when asked, so the servers
 * hold no 200 MB of feeds. Driven over IPC by bench/audit.ts: `start`, then `close`.
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

function feed(host: number, n: number): string {
  const random = seeded(host * 100_003 + n);
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
process.on('message', async (message: Message) => {
  if (message.type === 'close') {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    process.exit(0);
  }
  servers = Array.from({ length: message.hosts }, (_, h) =>
    createServer((req, res) => {
      const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? Number.NaN);
      setTimeout(() => {
        if (Number.isNaN(n)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(feed(h, n));
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
