/**
 * The live HTTP client: undici (through the proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY when set),
 * politeness per host, retries from one policy, manual redirects, timeouts, a body cap, and a run-wide
 * abort signal that turns every pending and in-flight request into an `interrupted` error.
 */
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { request } from 'undici';
import { isPrivateAddress, resolveHost, type Resolver } from './private-address.js';
import { dispatchers, type Dispatchers } from './proxy.js';
import { decompress } from './decode.js';
import { HostPausedError, Politeness, type HostLimits } from './politeness.js';
import {
  backoff,
  DEFAULT_RETRY,
  isRetryableError,
  retryAfterOf,
  RETRYABLE_STATUSES,
  RetryBudget,
  type RetryPolicy,
} from './retry.js';
import type { RobotsGate } from './robots.js';
import { carriesCredentials } from '../model/uri.js';
import { onSent } from './sent.js';
import { interrupted, rateLimited, toFetchError } from './fetch-errors.js';
import { FetchError, type GetOptions, type HttpClient, type HttpResponse } from './types.js';

export interface LiveClientOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  retry?: RetryPolicy;
  /** Requests in flight at once, across hosts. */
  globalConcurrency?: number;
  /** Per host, unless `hosts` overrides. */
  hostLimits?: HostLimits;
  hosts?: Record<string, Partial<HostLimits>>;
  /** Safety margin on every host's interval (Politeness `marginMs`): null for the default rule. */
  intervalMarginMs?: number | null;
  /** Aborting it stops every pending and in-flight request (Ctrl-C). */
  signal?: AbortSignal;
  /** Checks HTML page fetches against robots.txt; none: no checks. */
  robots?: RobotsGate;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
  /** Follow redirects from a public address to a private one (intranet audits); default: refuse them. */
  allowPrivateRedirects?: boolean;
  /** How host names are resolved for that check (tests map names to addresses). */
  resolve?: Resolver;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_HOST_LIMITS: HostLimits = { concurrency: 2, intervalMs: 250 };
const SENSITIVE_HEADERS = ['cookie', 'authorization', 'proxy-authorization'];

export class LiveHttpClient implements HttpClient {
  /** The connection pools, made (and undici loaded) at the first request: a client never used costs nothing. */
  private agents: Promise<Dispatchers> | null = null;
  private readonly agentOptions: { env: NodeJS.ProcessEnv; timeoutMs: number };
  private readonly options: Required<
    Omit<LiveClientOptions, 'signal' | 'robots' | 'hosts' | 'env' | 'intervalMarginMs'>
  > &
    Pick<LiveClientOptions, 'signal' | 'robots'>;
  private readonly addresses = new Map<string, Promise<string[]>>();
  private readonly politeness: Politeness;
  private readonly budget = new RetryBudget();

  constructor(options: LiveClientOptions) {
    this.options = {
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      maxRedirects: 5,
      retry: DEFAULT_RETRY,
      globalConcurrency: 16,
      hostLimits: DEFAULT_HOST_LIMITS,
      random: Math.random,
      allowPrivateRedirects: false,
      resolve: resolveHost,
      ...options,
    };
    // every request of the run waits on the one abort signal (a retry's backoff, a slot): a run with more
    // than 10 such waits at once is normal, not a leak, and Node's warning would only alarm the user
    if (options.signal) setMaxListeners(0, options.signal);
    this.agentOptions = { env: options.env ?? process.env, timeoutMs: options.timeoutMs };
    this.politeness = new Politeness({
      globalConcurrency: this.options.globalConcurrency,
      defaults: this.options.hostLimits,
      hosts: options.hosts,
      marginMs: options.intervalMarginMs ?? null,
      maxPauseMs: this.options.retry.maxRetryAfterMs,
    });
  }

  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    checkFetchable(url, url);
    if (options.from) await this.checkPrivateTarget(options.from, new URL(url), url, 'link');
    const retries = Math.min(options.retries ?? this.options.retry.retries, this.options.retry.retries);
    for (let attempt = 0; ; attempt++) {
      this.budget.request();
      let response: HttpResponse;
      try {
        response = await this.followRedirects(url, options);
      } catch (error) {
        if (!isRetryableError(error) || attempt >= retries || !this.budget.take()) throw error;
        await this.wait(backoff(attempt, null, this.options.retry, this.options.random), url);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status)) return response;
      const retryAfter = retryAfterOf(response.headers, Date.now());
      // the host was paused for retryAfter as the response came in (polite())
      if (retryAfter !== null && retryAfter > this.options.retry.maxRetryAfterMs)
        throw rateLimited(url, retryAfter, `HTTP ${response.status} from ${response.finalUrl}`);
      if (attempt >= retries || !this.budget.take()) return response;
      await this.wait(backoff(attempt, retryAfter, this.options.retry, this.options.random), url);
    }
  }

  private async wait(ms: number, url: string): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.options.signal });
    } catch {
      throw interrupted(url);
    }
  }

  private async followRedirects(url: string, options: GetOptions): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      ...options.headers,
      'user-agent': this.options.userAgent,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    const credential = options.credential;
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      seen.add(current);
      if (credential) withCredential(headers, credential, current, url);
      // robots.txt applies to every page a redirect leads to, not only the first
      if (options.kind === 'page' && this.options.robots)
        await this.options.robots.check(current, (u) => this.get(u, { accept: 'text/plain' }));
      const response = await this.polite(current, headers, options.slot);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
        return { ...response, url, finalUrl: current };
      }
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new FetchError(
          'bad-redirect',
          url,
          `redirect to an invalid URL (${JSON.stringify(location.slice(0, 200))})`,
        );
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FetchError('bad-redirect', url, `redirect to a non-http(s) URL (${next.protocol})`);
      }
      checkFetchable(next.href, url);
      await this.checkPrivateTarget(current, next, url, 'redirect');
      if (seen.has(next.href)) throw new FetchError('too-many-redirects', url, `redirect loop at ${next.href}`);
      if (hop + 1 > this.options.maxRedirects) {
        throw new FetchError('too-many-redirects', url, `more than ${this.options.maxRedirects} redirects`);
      }
      if (credential && next.origin !== credential.origin)
        throw new FetchError(
          'bad-redirect',
          url,
          `the API redirected to another origin (${next.origin}); its credential goes only to ${credential.origin}, so the redirect was not followed`,
        );
      if (next.origin !== new URL(current).origin) for (const h of SENSITIVE_HEADERS) delete headers[h];
      current = next.href;
    }
  }

  private addressesOf(host: string): Promise<string[]> {
    const hostname = host.replace(/^\[|\]$/g, ''); // an IPv6 literal without its brackets
    let found = this.addresses.get(hostname);
    if (!found) {
      found = this.options.resolve(hostname);
      this.addresses.set(hostname, found);
    }
    return found;
  }

  /**
   * A redirect, or a URL a server handed over (`link`), from a public address into a private one is
   * refused (unless allowed): SSRF to metadata services and intranets. Any private address among the
   * target's counts, so a name that resolves to a public and a private one cannot pass.
   */
  private async checkPrivateTarget(from: string, to: URL, url: string, how: 'redirect' | 'link'): Promise<void> {
    if (this.options.allowPrivateRedirects) return;
    const target = (await this.addressesOf(to.hostname)).filter(isPrivateAddress);
    if (target.length === 0) return;
    const origin = await this.addressesOf(new URL(from).hostname);
    if (origin.length > 0 && origin.every(isPrivateAddress)) return; // private to private: an intranet the inventory named
    const shown = `${to.host}${to.hostname.replace(/^\[|\]$/g, '') === target[0] ? '' : ` is ${target[0]}`}`;
    const what =
      how === 'redirect'
        ? 'redirect from a public address to a private one'
        : `a URL from ${new URL(from).host} (a public address) leading to a private one`;
    throw new FetchError(
      how === 'redirect' ? 'bad-redirect' : 'private-address',
      url,
      `${what} (${shown}) refused; set allowPrivateRedirects: true for intranet audits`,
    );
  }

  /** One request, when politeness allows; a host that asked to wait longer than the cap is not asked again. */
  private polite(
    url: string,
    headers: Record<string, string>,
    slot?: GetOptions['slot'],
  ): Promise<Omit<HttpResponse, 'finalUrl'>> {
    const host = new URL(url).host;
    slot?.waiting();
    const task = async (sent: () => void) => {
      slot?.started();
      const res = await this.once(url, headers, sent);
      // paused before the host's slot is released, so no request queued behind this one slips out first
      const retryAfter = RETRYABLE_STATUSES.has(res.status) ? retryAfterOf(res.headers, Date.now()) : null;
      if (retryAfter !== null) this.politeness.pause(host, Date.now() + retryAfter);
      return res;
    };
    return this.politeness.run(host, task, this.options.signal).catch((error) => {
      if (error instanceof HostPausedError) throw rateLimited(url, error.waitMs, `${host} asked to wait (Retry-After)`);
      throw this.options.signal?.aborted ? interrupted(url) : error;
    });
  }

  private async once(
    url: string,
    headers: Record<string, string>,
    sent: () => void = () => {},
  ): Promise<Omit<HttpResponse, 'finalUrl'>> {
    const cancel = onSent(url, sent);
    try {
      return await this.exchange(url, headers);
    } finally {
      cancel();
    }
  }

  private pools(): Promise<Dispatchers> {
    const { env, timeoutMs } = this.agentOptions;
    this.agents ??= dispatchers(env, {
      connectTimeoutMs: Math.min(timeoutMs, 10_000),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connections: 8,
    });
    return this.agents;
  }

  private async exchange(url: string, headers: Record<string, string>): Promise<Omit<HttpResponse, 'finalUrl'>> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs * 2);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, deadline]) : deadline;
    const agents = await this.pools();
    const { request: send } = await import('undici');
    const proxy = agents.proxyOf(new URL(url));
    const fail = (error: unknown) =>
      this.options.signal?.aborted ? interrupted(url) : toFetchError(error, url, this.options.timeoutMs, proxy);
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await send(url, { method: 'GET', headers, dispatcher: agents.for(new URL(url)), signal });
    } catch (error) {
      throw fail(error);
    }
    const responseHeaders = flattenHeaders(res.headers);
    const declared = Number(responseHeaders['content-length']);
    if (Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
      res.body.destroy();
      throw new FetchError(
        'too-large',
        url,
        `body of ${declared} bytes exceeds the ${this.options.maxBodyBytes}-byte cap`,
      );
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
      throw fail(error);
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
    if (this.agents) await (await this.agents).close();
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

/**
 * Writes the credential into the headers of a request to its own origin over https (or http to this
 * machine); anything else is refused before anything is sent, and so is a value with a line break or
 * another control character (undici would refuse the header, which reads as a connection failure).
 */
function withCredential(
  headers: Record<string, string>,
  credential: NonNullable<GetOptions['credential']>,
  target: string,
  url: string,
): void {
  const to = new URL(target);
  if (to.origin !== credential.origin)
    throw new FetchError(
      'credential',
      url,
      `an API credential is sent only to ${credential.origin}, not to ${to.origin}: the token was not sent`,
    );
  if (!carriesCredentials(to))
    throw new FetchError(
      'credential',
      url,
      `${credential.name} is not sent over plain http (${to.origin}), where anyone on the way can read it: the token was not sent`,
    );
  const value = `${credential.prefix}${credential.secret.reveal()}`;
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value))
    throw new FetchError(
      'credential',
      url,
      `${credential.name} holds a line break or a control character, which no request header can carry: the token was not sent`,
    );
  headers[credential.header] = value;
}

/**
 * A URL a server handed us (a Link header, a feed link, a redirect) must name a real host: http(s), a
 * host name without empty labels (`http://../x` parses, but names no host). Otherwise it is a
 * malformed response of that server (`bad-url`), never "host not found".
 */
function checkFetchable(target: string, url: string): void {
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    throw new FetchError('bad-url', url, `not a valid URL: ${JSON.stringify(target.slice(0, 200))}`);
  }
  const host = u.hostname.replace(/^\[.*\]$/, 'ip6');
  if (
    (u.protocol !== 'http:' && u.protocol !== 'https:') ||
    host === '' ||
    host.split('.').some((label, i, all) => label === '' && i !== all.length - 1)
  ) {
    throw new FetchError('bad-url', url, `not a fetchable URL: ${JSON.stringify(target.slice(0, 200))}`);
  }
}
