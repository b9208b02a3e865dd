/**
 * HTTP(S)_PROXY and NO_PROXY, with every connection attempt bounded.
 *
 * undici 7's EnvHttpProxyAgent (and ProxyAgent in tunnel mode) retries a CONNECT forever when the
 * proxy closes each connection: the request never settles, ignores its AbortSignal, and opens
 * thousands of connections a second (docs/fetching.md, "Known issues"). So:
 * - an http:// target goes through undici's ProxyAgent without a tunnel (absolute-form requests),
 *   which fails such a proxy at once;
 * - an https:// target goes through a plain Agent whose `connect` opens the CONNECT tunnel itself:
 *   one attempt, bounded by the connect timeout, its failure the request's failure;
 * - a host that NO_PROXY names is connected to directly.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import { tryDecodeURIComponent } from '../model/uri.js';

export interface ProxyConfig {
  http: URL | null;
  https: URL | null;
  /** NO_PROXY entries, lower-cased: `*`, host names (and their subdomains), `host:port`. */
  noProxy: string[];
}

const env1 = (env: NodeJS.ProcessEnv, name: string) => env[name.toLowerCase()] ?? env[name] ?? '';

function proxyUrl(value: string): URL | null {
  if (!value) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return null;
  }
}

export function proxyConfig(env: NodeJS.ProcessEnv): ProxyConfig | null {
  const http = proxyUrl(env1(env, 'HTTP_PROXY'));
  const https = proxyUrl(env1(env, 'HTTPS_PROXY')) ?? http;
  if (!http && !https) return null;
  const noProxy = env1(env, 'NO_PROXY')
    .split(/[\s,]+/)
    .map((e) =>
      e
        .trim()
        .toLowerCase()
        .replace(/^\*?\./, ''),
    )
    .filter(Boolean);
  return { http, https, noProxy };
}

/** Whether NO_PROXY exempts this URL. */
export function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    const [name, entryPort] = entry.startsWith('[')
      ? [entry.slice(1, entry.indexOf(']')), entry.split(']:')[1]]
      : entry.split(':');
    if (entryPort && entryPort !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

/** A failure of the proxy itself, worded for the report ("the proxy refused a tunnel to …"). */
export class ProxyError extends Error {
  override name = 'ProxyError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
const proxyError = (message: string, code: string) => new ProxyError(message, code);

type ConnectOptions = { hostname: string; port: string; servername?: string | null };
type ConnectCallback = (error: Error | null, socket: Socket | null) => void;

/** One CONNECT through the proxy, then TLS to the target; every failure is reported once, to the request. */
function tunnelConnector(proxy: URL, timeoutMs: number) {
  return (opts: ConnectOptions, callback: ConnectCallback) => {
    let done = false;
    const finish = (error: Error | null, socket: Socket | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      callback(error, socket);
    };
    const target = `${opts.hostname}:${opts.port || 443}`;
    const headers: Record<string, string> = { host: target };
    const credential = (s: string) => tryDecodeURIComponent(s) ?? s;
    if (proxy.username)
      headers['proxy-authorization'] =
        `Basic ${Buffer.from(`${credential(proxy.username)}:${credential(proxy.password)}`).toString('base64')}`;
    const req = httpRequest({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port) || 80,
      method: 'CONNECT',
      path: target,
      headers,
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(
        proxyError(`the proxy did not open a tunnel to ${target} within ${timeoutMs} ms`, 'UND_ERR_CONNECT_TIMEOUT'),
        null,
      );
    }, timeoutMs);
    req.once('connect', (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        finish(proxyError(`the proxy refused a tunnel to ${target} (HTTP ${res.statusCode})`, 'ECONNREFUSED'), null);
        return;
      }
      const secure = tlsConnect({ socket, servername: opts.servername || opts.hostname, ALPNProtocols: ['http/1.1'] });
      secure.once('secureConnect', () => finish(null, secure));
      secure.once('error', (error) => finish(error, null));
    });
    req.once('error', (error) =>
      finish(
        proxyError(
          `the proxy ${proxy.host} failed: ${error.message}`,
          (error as NodeJS.ErrnoException).code ?? 'ECONNRESET',
        ),
        null,
      ),
    );
    req.end();
  };
}

export interface Dispatchers {
  /** The dispatcher for a request to this URL. */
  for(url: URL): Dispatcher;
  /** The proxy a request to this URL goes through, or null when it goes directly. */
  proxyOf(url: URL): URL | null;
  close(): Promise<void>;
}

export interface AgentOptions {
  connectTimeoutMs: number;
  headersTimeout: number;
  bodyTimeout: number;
  connections: number;
}

/** The pools for direct and proxied requests; undici loads here, at a client's first request. */
export async function dispatchers(env: NodeJS.ProcessEnv, options: AgentOptions): Promise<Dispatchers> {
  const { Agent, ProxyAgent } = await import('undici');
  const base = {
    headersTimeout: options.headersTimeout,
    bodyTimeout: options.bodyTimeout,
    connections: options.connections,
  };
  const direct = new Agent({ ...base, connect: { timeout: options.connectTimeoutMs } });
  const config = proxyConfig(env);
  if (!config) return { for: () => direct, proxyOf: () => null, close: () => direct.close() };
  const viaHttp = config.http
    ? new ProxyAgent({
        ...base,
        uri: config.http.href,
        proxyTunnel: false,
        proxyTls: { timeout: options.connectTimeoutMs },
        connect: { timeout: options.connectTimeoutMs },
      })
    : null;
  const viaTunnel = config.https
    ? new Agent({ ...base, connect: tunnelConnector(config.https, options.connectTimeoutMs) as never })
    : null;
  const all = [direct, viaHttp, viaTunnel].filter((d): d is Agent | ProxyAgent => d !== null);
  return {
    for: (url) => {
      if (bypassesProxy(url, config.noProxy)) return direct;
      return (url.protocol === 'https:' ? viaTunnel : viaHttp) ?? direct;
    },
    proxyOf: (url) => {
      if (bypassesProxy(url, config.noProxy)) return null;
      return url.protocol === 'https:' ? config.https : config.http;
    },
    close: async () => {
      await Promise.all(all.map((d) => d.close()));
    },
  };
}
