/**
 * A hostile HTTP server for the fetching tests: node:http on a loopback address (127.0.0.1 to
 * 127.0.0.20 for per-host behaviour), with an endpoint per way the network fails, and a log of every
 * request (arrival time, headers, how many were in flight) for tests to assert on what it saw.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** ms since the server started (performance.now based). */
  at: number;
  /** Requests in flight on this server when this one arrived (itself included). */
  inFlight: number;
}

export interface FaultServer {
  url: string;
  host: string;
  seen: SeenRequest[];
  maxInFlight: number;
  /** Per-path state (counters) for endpoints that change their answer. */
  counters: Map<string, number>;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  address?: string;
  /** Latency of the /feed endpoints in ms: fixed, or per request path. */
  latency?: number | ((path: string) => number);
  /** robots.txt body; absent: 404. */
  robots?: string;
  /** Shared across servers: requests in flight on all of them, and the most seen at once. */
  tracker?: { inFlight: number; max: number };
}

export function rss(title: string, items: Array<{ title: string; date: string }>, encoding = 'UTF-8'): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>https://example.org/${encodeURIComponent(i.title)}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>${entries}</channel></rss>`;
}

const FEED = rss('Fault server', [
  { title: 'Third', date: '2026-10-28T10:00:00Z' },
  { title: 'Second', date: '2026-10-14T10:00:00Z' },
  { title: 'First', date: '2026-09-30T10:00:00Z' },
]);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const started = performance.now();
  const seen: SeenRequest[] = [];
  const counters = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  const count = (key: string) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };

  async function handle(req: IncomingMessage, res: ServerResponse, self: () => string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/robots.txt')
      return options.robots === undefined
        ? send(404, 'text/plain', 'no robots here')
        : send(200, 'text/plain', options.robots);
    if (path.startsWith('/feed/')) {
      const latency = typeof options.latency === 'function' ? options.latency(path) : (options.latency ?? 0);
      if (latency > 0) await wait(latency);
      return send(200, 'application/rss+xml; charset=utf-8', FEED);
    }
    if (path === '/page.html')
      return send(
        200,
        'text/html; charset=utf-8',
        '<!DOCTYPE html><html><head><title>Page</title><meta property="article:published_time" content="2026-10-20T10:00:00Z"></head><body><p>News</p></body></html>',
      );
    if (path === '/429') {
      // the first request is refused with Retry-After (seconds, or an HTTP date with ?date)
      if (count(path + url.search) === 1) {
        const after = Number(url.searchParams.get('after') ?? '1');
        const value = url.searchParams.has('date') ? new Date(Date.now() + after * 1000).toUTCString() : String(after);
        return send(429, 'text/plain', 'slow down', { 'retry-after': value });
      }
      return send(200, 'application/rss+xml', FEED);
    }
    if (path === '/503-burst') {
      const n = Number(url.searchParams.get('n') ?? '2');
      return count(path) <= n
        ? send(503, 'text/html', '<h1>Service Unavailable</h1>')
        : send(200, 'application/rss+xml', FEED);
    }
    if (path === '/always-503') return send(503, 'text/html', '<h1>Service Unavailable</h1>');
    if (path === '/reset') {
      req.socket.destroy();
      return;
    }
    if (path === '/reset-once') {
      if (count(path) === 1) {
        req.socket.destroy();
        return;
      }
      return send(200, 'application/rss+xml', FEED);
    }
    if (path === '/stall-headers') return; // never answers
    if (path === '/trickle') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 10_000 && !res.destroyed; i++) {
        res.write(' ');
        await wait(100);
      }
      res.end();
      return;
    }
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }); // no content-length: the cap must hold while streaming
      const chunk = Buffer.alloc(1024 * 1024, 32);
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
      return;
    }
    if (path === '/loop-a') return send(302, 'text/plain', '', { location: '/loop-b' });
    if (path === '/loop-b') return send(302, 'text/plain', '', { location: '/loop-a' });
    if (path === '/redirects') {
      const n = Number(url.searchParams.get('n'));
      return send(302, 'text/plain', '', { location: n > 0 ? `/redirects?n=${n - 1}` : '/feed/end.xml' });
    }
    if (path === '/to-javascript') return send(302, 'text/plain', '', { location: 'javascript:alert(1)' });
    if (path === '/cross-origin')
      return send(302, 'text/plain', '', { location: url.searchParams.get('to')!, 'set-cookie': 'session=secret' });
    if (path === '/echo')
      return send(
        200,
        'application/json',
        JSON.stringify({ cookie: req.headers.cookie ?? null, authorization: req.headers.authorization ?? null }),
      );
    if (path === '/gzip') return send(200, 'application/rss+xml', gzipSync(FEED), { 'content-encoding': 'gzip' });
    if (path === '/br') return send(200, 'application/rss+xml', brotliCompressSync(FEED), { 'content-encoding': 'br' });
    if (path === '/latin1.xml') {
      return send(
        200,
        'application/rss+xml',
        Buffer.from(
          rss('Salle de presse été', [{ title: 'Communiqué été', date: '2026-10-20T10:00:00Z' }], 'ISO-8859-1'),
          'latin1',
        ),
      );
    }
    if (path === '/utf16.xml') {
      const text = rss('Zeitung für Käse', [{ title: 'Grüße', date: '2026-10-20T10:00:00Z' }], 'UTF-16');
      return send(200, 'application/rss+xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    }
    if (path === '/truncated.json') return send(200, 'application/json', '{"id": "1", "username": "trunc');
    if (path === '/html-as-json')
      return send(200, 'application/json', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
    if (path === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') return send(304, 'application/rss+xml', '', { etag: '"v1"' });
      return send(200, 'application/rss+xml', FEED, { etag: '"v1"' });
    }
    if (path === '/last-modified') {
      const stamp = 'Wed, 28 Oct 2026 10:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp)
        return send(304, 'application/rss+xml', '', { 'last-modified': stamp });
      return send(200, 'application/rss+xml', FEED, { 'last-modified': stamp });
    }
    if (path === '/self') return send(200, 'text/plain', self());
    if (path === '/api/v1/accounts/lookup') {
      const acct = url.searchParams.get('acct');
      if (acct === 'trunc') return send(200, 'application/json; charset=utf-8', '{"id": "1", "username": "trunc');
      if (acct === 'html')
        return send(200, 'application/json', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
    }
    const masto = mastodonAnswer(path, url.searchParams, self());
    if (masto !== null) {
      const latency = typeof options.latency === 'function' ? options.latency(path) : (options.latency ?? 0);
      if (latency > 0) await wait(latency);
      return send(200, 'application/json; charset=utf-8', JSON.stringify(masto));
    }
    return send(404, 'text/plain', 'not found');
  }

  let base = '';
  const server = createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const tracker = options.tracker;
    if (tracker) tracker.max = Math.max(tracker.max, ++tracker.inFlight);
    seen.push({ path: req.url ?? '/', headers: req.headers, at: performance.now() - started, inFlight });
    let done = false;
    const finish = () => {
      if (!done) {
        inFlight--;
        if (tracker) tracker.inFlight--;
      }
      done = true;
    };
    res.on('close', finish);
    handle(req, res, () => base).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const address = options.address ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://${address}:${port}`;
  return {
    url: base,
    host: `${address}:${port}`,
    seen,
    get maxInFlight() {
      return state.maxInFlight;
    },
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const MASTO_AS_OF = Date.parse('2026-11-01T00:00:00Z');
/** Own statuses of a simulated Mastodon account: one every 6 days back from the as-of date, each replied to twice. */
export const MASTO_STATUSES = 10;

/**
 * A small Mastodon API for bench:fetch's listening case, answering for any account name:
 * lookup, one page of statuses (each with replies_count 2), and each status's context (a question,
 * answered by the account, and a comment).
 */
function mastodonAnswer(path: string, params: URLSearchParams, base: string): unknown | null {
  const account = (name: string) => ({ id: name, username: name, acct: name, url: `${base}/@${name}` });
  const at = (k: number, minutes = 0) => new Date(MASTO_AS_OF - k * 6 * 86_400_000 + minutes * 60_000).toISOString();
  if (path === '/api/v1/accounts/lookup' && params.get('acct')) return account(params.get('acct')!);
  const statuses = /^\/api\/v1\/accounts\/([\w-]+)\/statuses$/.exec(path);
  if (statuses) {
    const name = statuses[1]!;
    return Array.from({ length: MASTO_STATUSES }, (_, k) => ({
      id: `${name}-${k}`,
      created_at: at(k + 1),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog: null,
      content: `<p>Post ${k} of ${name}</p>`,
      url: `${base}/@${name}/${name}-${k}`,
      replies_count: 2,
      account: account(name),
    }));
  }
  const context = /^\/api\/v1\/statuses\/([\w-]+)-(\d+)\/context$/.exec(path);
  if (context) {
    const [, name, k] = context as unknown as [string, string, string];
    const reply = (id: string, parent: string, who: string, minutes: number, text: string) => ({
      id,
      in_reply_to_id: parent,
      created_at: at(Number(k) + 1, minutes),
      content: `<p>${text}</p>`,
      url: `${base}/@${who}/${id}`,
      account: account(who),
    });
    return {
      ancestors: [],
      descendants: [
        reply(`q${k}`, `${name}-${k}`, 'ann', 30, 'When is it back in stock?'),
        reply(`a${k}`, `q${k}`, name, 90, 'Next week!'),
        reply(`c${k}`, `${name}-${k}`, 'bob', 45, 'Nice.'),
      ],
    };
  }
  return null;
}
