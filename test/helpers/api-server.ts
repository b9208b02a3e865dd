/**
 * A local HTTP server on 127.0.0.1 playing an owner API: each request (URL and headers) is kept, so a
 * test can check which credential went where, and answered by a handler from the parsed URL.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiRequest {
  url: string;
  headers: IncomingHttpHeaders;
}

export interface ApiAnswer {
  status?: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface ApiServer {
  url: string;
  requests: ApiRequest[];
  close(): Promise<void>;
}

export async function serveApi(handler: (url: URL, origin: string) => ApiAnswer | undefined): Promise<ApiServer> {
  const requests: ApiRequest[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '/', headers: req.headers });
    const answer = handler(new URL(req.url ?? '/', origin), origin);
    if (!answer) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":404,"message":"no such route in the test server"}}');
      return;
    }
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.type ?? 'application/json; charset=UTF-8',
      ...answer.headers,
    });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
