/**
 * The HTTP client against a hostile local server (helpers/fault-server.ts) on loopback addresses
 * 127.0.0.2–127.0.0.20: politeness measured from what the servers saw, every way the network fails,
 * and nothing sent where it must not go.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeText } from '../src/http/decode.js';
import { LiveHttpClient, type LiveClientOptions } from '../src/http/live.js';
import { DEFAULT_RETRY } from '../src/http/retry.js';
import { RobotsGate } from '../src/http/robots.js';
import { FetchError } from '../src/http/types.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

const open: Array<FaultServer | LiveHttpClient> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function server(options: Parameters<typeof startFaultServer>[0] = {}): Promise<FaultServer> {
  const s = await startFaultServer(options);
  open.push(s);
  return s;
}
function client(options: Partial<LiveClientOptions> = {}): LiveHttpClient {
  const c = new LiveHttpClient({
    userAgent: 'channel-audit-test',
    timeoutMs: 2000,
    random: () => 0.5,
    env: {},
    ...options,
    retry: { ...DEFAULT_RETRY, baseDelayMs: 20, ...options.retry },
  });
  open.push(c);
  return c;
}
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
const gaps = (s: FaultServer) => s.seen.slice(1).map((r, i) => r.at - s.seen[i]!.at);
// the loopback and the event loop add a little jitter between "started" at the client and "arrived" at the server
const JITTER_MS = 8;
/**
 * The servers share this thread's event loop: a request's arrival is stamped when its handler runs, late by
 * as much as the loop was held up (other test files run beside this one on two cores), so two arrivals can
 * look closer than the client sent them. The slack is the loop's measured delay during the test, at least
 * JITTER_MS and at most half the interval checked (so a client that does not space its requests still fails).
 */
function loopLag() {
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  histogram.enable();
  return {
    slack(intervalMs: number): number {
      histogram.disable();
      return Math.min(intervalMs / 2, Math.max(JITTER_MS, histogram.max / 1e6));
    },
  };
}

describe('politeness, as the servers saw it', () => {
  it('never has more requests in flight than the host and global limits', async () => {
    const tracker = { inFlight: 0, max: 0 };
    const hosts = await Promise.all([2, 3, 4, 5].map((n) => server({ address: `127.0.0.${n}`, latency: 60, tracker })));
    const http = client({ globalConcurrency: 5, hostLimits: { concurrency: 2, intervalMs: 0 } });
    await Promise.all(hosts.flatMap((h) => Array.from({ length: 8 }, (_, i) => http.get(`${h.url}/feed/${i}.xml`))));
    for (const h of hosts) {
      expect(h.seen).toHaveLength(8);
      expect(h.maxInFlight).toBe(2);
    }
    expect(tracker.max).toBe(5);
  });

  it('spaces request starts to one host by the interval, and honours per-host overrides', async () => {
    const [a, b] = await Promise.all([server({ address: '127.0.0.6' }), server({ address: '127.0.0.7', latency: 50 })]);
    const lag = loopLag();
    const http = client({
      hostLimits: { concurrency: 2, intervalMs: 100 },
      hosts: { '127.0.0.7': { concurrency: 1, intervalMs: 0 } },
    });
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => http.get(`${a.url}/feed/${i}.xml`)),
      ...Array.from({ length: 5 }, (_, i) => http.get(`${b.url}/feed/${i}.xml`)),
    ]);
    const slack = lag.slack(50);
    expect(Math.min(...gaps(a))).toBeGreaterThanOrEqual(100 - slack);
    expect(b.maxInFlight).toBe(1);
    expect(Math.min(...gaps(b))).toBeGreaterThanOrEqual(50 - slack); // one at a time, each taking 50 ms
  });

  it('after a 429 with Retry-After, no request reaches that host before it expires; other hosts go on', async () => {
    const [slow, other] = await Promise.all([server({ address: '127.0.0.8' }), server({ address: '127.0.0.9' })]);
    const http = client({ hostLimits: { concurrency: 4, intervalMs: 0 } });
    const first = http.get(`${slow.url}/429?after=1`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [retried, sibling, elsewhere] = await Promise.all([
      first,
      http.get(`${slow.url}/feed/a.xml`),
      http.get(`${other.url}/feed/b.xml`),
    ]);
    expect([retried.status, sibling.status, elsewhere.status]).toEqual([200, 200, 200]);
    const refusedAt = slow.seen[0]!.at;
    expect(slow.seen.slice(1).every((r) => r.at - refusedAt >= 1000 - JITTER_MS)).toBe(true);
    expect(other.seen[0]!.at).toBeLessThan(1000);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const s = await server({ address: '127.0.0.10' });
    const res = await client().get(`${s.url}/429?after=2&date`);
    expect(res.status).toBe(200);
    expect(s.seen[1]!.at - s.seen[0]!.at).toBeGreaterThanOrEqual(1000 - JITTER_MS); // HTTP dates have whole seconds
  });

  it('does not sleep for an hour: a Retry-After beyond the cap is "rate limited for N s", and the host is not asked again', async () => {
    const s = await server({ address: '127.0.0.11' });
    const http = client({ retry: { ...DEFAULT_RETRY, maxRetryAfterMs: 5000 } });
    const error = await failure(http.get(`${s.url}/429?after=3600`));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/^rate limited for 3600 s \(HTTP 429 from /);
    const next = await failure(http.get(`${s.url}/feed/x.xml`));
    expect(next.message).toMatch(/^rate limited for 360\d s/);
    expect(s.seen).toHaveLength(1);
  });
});

describe('a long Retry-After, with requests already queued for the host', () => {
  it('fails the queued requests at once too, instead of waiting out the pause', async () => {
    const s = await server({ address: '127.0.0.11' });
    const http = client({
      hostLimits: { concurrency: 1, intervalMs: 0 },
      retry: { ...DEFAULT_RETRY, maxRetryAfterMs: 5000 },
    });
    // the first request is answered 429 Retry-After: 3600 while the other two wait for the host's one slot
    const started = performance.now();
    const results = await Promise.allSettled([
      http.get(`${s.url}/429?after=3600`),
      http.get(`${s.url}/feed/a.xml`),
      http.get(`${s.url}/feed/b.xml`),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as FetchError).code : r.value.status))).toEqual([
      'rate-limited',
      'rate-limited',
      'rate-limited',
    ]);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(s.seen).toHaveLength(1);
  });
});

describe('faults', () => {
  it('retries 503 bursts and resets, then succeeds', async () => {
    const s = await server({ address: '127.0.0.12' });
    const http = client({ hostLimits: { concurrency: 1, intervalMs: 0 } });
    expect((await http.get(`${s.url}/503-burst?n=2`)).status).toBe(200);
    expect((await http.get(`${s.url}/reset-once`)).status).toBe(200);
    expect(s.seen.map((r) => r.path)).toEqual([
      '/503-burst?n=2',
      '/503-burst?n=2',
      '/503-burst?n=2',
      '/reset-once',
      '/reset-once',
    ]);
  });

  it('gives up after the retries: the 503 response, or the connection error', async () => {
    const s = await server({ address: '127.0.0.12' });
    const http = client();
    expect((await http.get(`${s.url}/always-503`)).status).toBe(503);
    expect((await failure(http.get(`${s.url}/reset`))).code).toBe('connection');
    expect(s.seen.filter((r) => r.path === '/always-503')).toHaveLength(3);
  });

  it('stops retrying when the run-wide retry budget is spent', async () => {
    const s = await server({ address: '127.0.0.13' });
    const http = client({ hostLimits: { concurrency: 8, intervalMs: 0 } });
    await Promise.all(Array.from({ length: 20 }, () => http.get(`${s.url}/always-503`)));
    // 20 requests with 2 retries each would be 60; the budget (20 + a tenth per attempt) stops it near 42
    expect(s.seen.length).toBeLessThan(45);
    expect(s.seen.length).toBeGreaterThan(20);
  });

  it.each([
    ['/stall-headers', 'a server that never answers'],
    ['/trickle', 'a server that sends headers and then trickles the body'],
  ])('cuts off %s (%s), naming the URL and the limit', async (path) => {
    const s = await server({ address: '127.0.0.14' });
    const started = performance.now();
    const error = await failure(
      client({ timeoutMs: 300, retry: { ...DEFAULT_RETRY, retries: 0 } }).get(`${s.url}${path}`),
    );
    expect(error.code).toBe('timeout');
    // undici's own timers or the whole-exchange deadline, whichever fires first: either way the URL and the limit
    expect(error.message).toMatch(/^timed out: /);
    expect(error.message).toContain(`${s.url}${path}`);
    expect(error.message).toContain('(--timeout / settings.timeoutMs: 300 ms)');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('says a host is unreachable, not that robots.txt disallows the page (issue 21, item 2)', async () => {
    const s = await server({ address: '127.0.0.21' });
    const url = s.url;
    await s.close();
    open.splice(open.indexOf(s), 1);
    const http = client({ retry: { ...DEFAULT_RETRY, retries: 0 }, robots: new RobotsGate('channel-audit') });
    const error = await failure(http.get(`${url}/about`, { kind: 'page' }));
    expect(error.code).toBe('connection');
    expect(error.url).toBe(`${url}/about`);
    expect(error.message).toBe(`connection failed: cannot reach ${new URL(url).host} (connection refused)`);
    expect(error.message).not.toMatch(/robots|RFC 9309/);
  });

  it('caps the body while streaming (50 MB without content-length)', async () => {
    const s = await server({ address: '127.0.0.15' });
    const error = await failure(client().get(`${s.url}/huge`));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/exceeds the 10485760-byte cap/);
  });

  it.each([
    ['/loop-a', /redirect loop at .*\/loop-a/],
    ['/redirects?n=6', /more than 5 redirects/],
    ['/to-javascript', /redirect to a non-http\(s\) URL \(javascript:\)/],
  ])('refuses the redirects of %s', async (path, message) => {
    const s = await server({ address: '127.0.0.16' });
    expect((await failure(client().get(`${s.url}${path}`))).message).toMatch(message);
  });

  it('follows up to 5 redirects', async () => {
    const s = await server({ address: '127.0.0.16' });
    const res = await client().get(`${s.url}/redirects?n=4`);
    expect(res.status).toBe(200);
    expect(res.finalUrl).toBe(`${s.url}/feed/end.xml`);
  });

  it('never sends cookies or authorization to another origin', async () => {
    const [a, b] = await Promise.all([server({ address: '127.0.0.17' }), server({ address: '127.0.0.18' })]);
    const headers = { cookie: 'session=secret', authorization: 'Bearer secret' };
    const same = await client().get(`${a.url}/cross-origin?to=${encodeURIComponent(`${a.url}/echo`)}`, { headers });
    expect(JSON.parse(same.body.toString())).toEqual({ cookie: 'session=secret', authorization: 'Bearer secret' });
    const cross = await client().get(`${a.url}/cross-origin?to=${encodeURIComponent(`${b.url}/echo`)}`, { headers });
    expect(JSON.parse(cross.body.toString())).toEqual({ cookie: null, authorization: null });
    expect(b.seen[0]!.headers.cookie).toBeUndefined();
  });

  it.each(['/gzip', '/br'])('decodes %s bodies', async (path) => {
    const s = await server({ address: '127.0.0.19' });
    const res = await client().get(`${s.url}${path}`);
    expect(parseFeed(decodeText(res.body, res.headers['content-type'])).items).toHaveLength(3);
  });

  it.each([
    ['/latin1.xml', 'Salle de presse été', 'Communiqué été'],
    ['/utf16.xml', 'Zeitung für Käse', 'Grüße'],
  ])('reads the charset of %s', async (path, title, item) => {
    const s = await server({ address: '127.0.0.20' });
    const res = await client().get(`${s.url}${path}`);
    const feed = parseFeed(decodeText(res.body, res.headers['content-type']));
    expect([feed.title, feed.items[0]!.title]).toEqual([title, item]);
  });

  it('sends a User-Agent that names the tool', async () => {
    const s = await server();
    await client({ userAgent: 'channel-audit/9.9 (+https://example.org)' }).get(`${s.url}/feed/x.xml`);
    expect(s.seen[0]!.headers['user-agent']).toBe('channel-audit/9.9 (+https://example.org)');
  });
});
