/**
 * A real HTTP server on 127.0.0.1 that serves recorded evidence (fixtures/demo/evidence) as if it were
 * the original host: a request for http://127.0.0.1:PORT/path?q is answered with the exchange recorded
 * for `${origin}/path?q`, with the origin rewritten in Link headers. Unrecorded requests get a 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readExchange } from '../../src/http/evidence.js';
import type { FetchOutcome } from '../../src/model/index.js';

export interface LocalServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveEvidence(dir: string, origin: string): Promise<LocalServer> {
  const requests: string[] = [];
  let local = '';
  const server: Server = createServer(async (req, res) => {
    requests.push(req.url ?? '/');
    try {
      const recorded = await readExchange(dir, `${origin}${req.url}`);
      const headers = Object.fromEntries(
        Object.entries(recorded.headers).map(([k, v]) => [k, v.split(origin).join(local)]),
      );
      res.writeHead(recorded.status, headers);
      res.end(recorded.body);
    } catch {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"Record not found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: local, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A server answering from a plain route table: path+query → status, headers, body. */
export async function serveRoutes(
  routes: Record<string, { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> }>,
): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const route = routes[req.url ?? '/'];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/octet-stream', ...route.headers });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs an adapter against routes served for that one run, closing the server whatever happens. */
export async function withRoutes(
  routes: Parameters<typeof serveRoutes>[0],
  run: (url: string) => Promise<FetchOutcome>,
): Promise<FetchOutcome> {
  const server = await serveRoutes(routes);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}
