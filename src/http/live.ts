/** The live HTTP client: one undici agent, timeouts, manual redirects, a body cap and a small retry loop. */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { decompress } from './decode.js';
import { DEFAULT_RETRY, isRetryableError, parseRetryAfter, RETRYABLE_STATUSES, retryDelay, type RetryPolicy } from './retry.js';
import { FetchError, type GetOptions, type HttpClient, type HttpResponse } from './types.js';

export interface LiveClientOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  retry?: RetryPolicy;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const SENSITIVE_HEADERS = ['cookie', 'authorization', 'proxy-authorization'];

export class LiveHttpClient implements HttpClient {
  private readonly agent: Agent;
  private readonly options: Required<LiveClientOptions>;

  constructor(options: LiveClientOptions) {
    this.options = { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, maxRedirects: 5, retry: DEFAULT_RETRY, ...options };
    this.agent = new Agent({
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connections: 4,
    });
  }

  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse;
      try {
        response = await this.followRedirects(url, options);
      } catch (error) {
        const delay = isRetryableError(error) ? retryDelay(attempt, null, this.options.retry) : null;
        if (delay === null) throw error;
        await sleep(delay);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status)) return response;
      const delay = retryDelay(attempt, parseRetryAfter(response.headers['retry-after'], Date.now()), this.options.retry);
      if (delay === null) return response;
      await sleep(delay);
    }
  }

  private async followRedirects(url: string, options: GetOptions): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      seen.add(current);
      const response = await this.once(current, headers);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
        return { ...response, url, finalUrl: current };
      }
      const next = new URL(location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FetchError('bad-redirect', url, `redirect to a non-http(s) URL (${next.protocol})`);
      }
      if (seen.has(next.href)) throw new FetchError('too-many-redirects', url, `redirect loop at ${next.href}`);
      if (hop + 1 > this.options.maxRedirects) {
        throw new FetchError('too-many-redirects', url, `more than ${this.options.maxRedirects} redirects`);
      }
      if (next.origin !== new URL(current).origin) for (const h of SENSITIVE_HEADERS) delete headers[h];
      current = next.href;
    }
  }

  private async once(url: string, headers: Record<string, string>): Promise<Omit<HttpResponse, 'finalUrl'>> {
    let res;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal: AbortSignal.timeout(this.options.timeoutMs * 2) });
    } catch (error) {
      throw toFetchError(error, url);
    }
    const responseHeaders = flattenHeaders(res.headers);
    const declared = Number(responseHeaders['content-length']);
    if (Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
      res.body.destroy();
      throw new FetchError('too-large', url, `body of ${declared} bytes exceeds the ${this.options.maxBodyBytes}-byte cap`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.options.maxBodyBytes) {
          res.body.destroy();
          throw new FetchError('too-large', url, `body exceeds the ${this.options.maxBodyBytes}-byte cap`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw toFetchError(error, url);
    }
    let body: Buffer;
    try {
      body = decompress(Buffer.concat(chunks), responseHeaders['content-encoding'], this.options.maxBodyBytes);
    } catch (error) {
      throw new FetchError('decode', url, `cannot decode the body: ${(error as Error).message}`);
    }
    delete responseHeaders['content-encoding'];
    delete responseHeaders['content-length'];
    return { url, status: res.statusCode, headers: responseHeaders, body };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function toFetchError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.message ?? String(error);
  if (e.name === 'TimeoutError' || code.includes('TIMEOUT')) return new FetchError('timeout', url, `timed out (${message})`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError('dns', url, `host not found (${new URL(url).host})`);
  if (e.name === 'AbortError') return new FetchError('aborted', url, 'aborted');
  return new FetchError('connection', url, `connection failed: ${code || message}`);
}
