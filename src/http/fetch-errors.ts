/**
 * The words of a request that produced no HTTP response (the live client's FetchErrors): an
 * interruption, a rate limit waited out, and every transport failure, naming the URL (credentials
 * redacted), the limit that was hit, and whose socket failed — the proxy's, this machine's resolver,
 * or the target's.
 */
import { redactUrl } from '../model/uri.js';
import { FetchError, NO_SUCH_HOST } from './types.js';

export const interrupted = (url: string) =>
  new FetchError('interrupted', url, 'interrupted: the run was stopped before this request finished');
export const rateLimited = (url: string, ms: number, why: string) =>
  new FetchError('rate-limited', url, `rate limited for ${Math.ceil(ms / 1000)} s (${why})`);

/**
 * A transport failure in words that name the URL (credentials redacted) and, for a timeout, the limit.
 * Through a proxy (`proxy`), the socket is the proxy's: a connection refused, reset or closed, or a
 * host not found, is the proxy's failure, never the target's (which would read as a dead profile).
 */
export function toFetchError(error: unknown, url: string, timeoutMs: number, proxy: URL | null = null): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.message ?? String(error);
  const shown = redactUrl(url);
  const host = new URL(url).host;
  if (e.name === 'ProxyError' || (e.cause as { name?: string } | undefined)?.name === 'ProxyError') {
    return new FetchError(
      code.includes('TIMEOUT') ? 'timeout' : 'connection',
      url,
      `connection failed: ${e.name === 'ProxyError' ? message : (e.cause as Error).message}`,
    );
  }
  if (e.name === 'TimeoutError' || code.includes('TIMEOUT')) {
    const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
    const limit = `(--timeout / settings.timeoutMs: ${timeoutMs} ms)`;
    const what =
      code === 'UND_ERR_CONNECT_TIMEOUT'
        ? `could not connect to ${proxy ? `the proxy ${proxy.host}` : host} within ${seconds(Math.min(timeoutMs, 10_000))}`
        : code === 'UND_ERR_HEADERS_TIMEOUT'
          ? `no response from ${shown} within ${seconds(timeoutMs)} ${limit}`
          : code === 'UND_ERR_BODY_TIMEOUT'
            ? `the body of ${shown} stopped arriving for ${seconds(timeoutMs)} ${limit}`
            : `${shown} did not finish within ${seconds(timeoutMs * 2)}, twice the timeout ${limit}`;
    return new FetchError('timeout', url, `timed out: ${what}`);
  }
  const why = CONNECTION_CODES[code] ?? (code || message);
  if (proxy) {
    const failed = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'was not found' : `failed (${why})`;
    return new FetchError(
      'connection',
      url,
      `connection failed: the proxy ${proxy.host} ${failed} on the way to ${host}`,
    );
  }
  // the machine's resolver said so: that the name does not exist (ENOTFOUND), or nothing (EAI_AGAIN);
  // neither is the platform's answer that a profile is gone (platforms/outcomes.ts decides)
  if (code === 'ENOTFOUND')
    return new FetchError('dns', url, `could not reach ${host} from this machine: ${NO_SUCH_HOST}`);
  if (code === 'EAI_AGAIN')
    return new FetchError('dns', url, `could not reach ${host} from this machine: DNS lookup failed (no answer)`);
  return new FetchError('connection', url, `connection failed: cannot reach ${host} (${why})`);
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
};
