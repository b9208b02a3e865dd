/** Evidence that can be trusted (deterministic, secrets stripped, replay never goes out) and conditional re-fetching. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachingHttpClient } from '../src/http/cache.js';
import { RecordingHttpClient, redactUrl, ReplayHttpClient } from '../src/http/evidence.js';
import { LiveHttpClient } from '../src/http/live.js';
import { FetchError } from '../src/http/types.js';
import { startFaultServer, type FaultServer } from './helpers/fault-server.js';

let s: FaultServer;
beforeAll(async () => {
  s = await startFaultServer({ address: '127.0.0.5' });
});
afterAll(() => s.close());

const live = () =>
  new LiveHttpClient({
    userAgent: 'channel-audit-test',
    timeoutMs: 2000,
    env: {},
    hostLimits: { concurrency: 2, intervalMs: 0 },
  });
const tree = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
};

describe('--record', () => {
  it('writes byte-identical evidence for the same responses (no Date, no request ids), sorted and without secrets', async () => {
    const urls = [`${s.url}/feed/a.xml?access_token=abc123&page=2`, `${s.url}/gzip`, `${s.url}/reset`];
    const record = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
      const http = new RecordingHttpClient(live(), dir);
      for (const url of urls) await http.get(url).catch(() => null);
      await http.close();
      return tree(dir);
    };
    const first = await record();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new Date header
    const second = await record();
    expect(second).toEqual(first);
    const metas = Object.entries(first)
      .filter(([name]) => name.endsWith('.json'))
      .map(([, text]) => text);
    expect(metas.join('\n')).not.toMatch(/abc123|"date"|\r/);
    expect(metas.join('\n')).toContain('access_token=REDACTED&page=2');
    const meta = JSON.parse(metas.find((m) => m.includes('/feed/a.xml'))!);
    expect(Object.keys(meta.headers)).toEqual([...Object.keys(meta.headers)].sort());
  });

  it('redacts secret query parameters and userinfo, and leaves other URLs alone', () => {
    expect(redactUrl('https://api.example/x?key=1&q=shoes&sig=zz')).toBe(
      'https://api.example/x?key=REDACTED&q=shoes&sig=REDACTED',
    );
    expect(redactUrl('https://user:pw@api.example/x')).toBe('https://api.example/x');
    expect(redactUrl('https://api.example/x?q=1')).toBe('https://api.example/x?q=1');
  });

  it('replays what was recorded and fails clearly on anything else, without going to the network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    const rec = new RecordingHttpClient(live(), dir);
    await rec.get(`${s.url}/feed/replayed.xml`);
    await rec.close();
    const before = s.seen.length;
    const replay = new ReplayHttpClient(dir);
    expect((await replay.get(`${s.url}/feed/replayed.xml`)).status).toBe(200);
    const error = await replay.get(`${s.url}/feed/never.xml`).catch((e: unknown) => e as FetchError);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(
      /^no recorded response for .*\/feed\/never\.xml in .* \(replay never goes to the network\)$/,
    );
    expect(s.seen.length).toBe(before);
  });
});

describe('--cache', () => {
  it.each(['/etag', '/last-modified'])('revalidates %s: a 304 reuses the stored body', async (path) => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    let now = Date.parse('2026-11-01T00:00:00Z');
    const http = new CachingHttpClient(live(), dir, 7 * 86_400_000, () => now);
    const first = await http.get(`${s.url}${path}`);
    now += 86_400_000;
    const second = await http.get(`${s.url}${path}`);
    await http.close();
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    const asked = s.seen.filter((r) => r.path === path);
    expect(asked.at(-1)!.headers[path === '/etag' ? 'if-none-match' : 'if-modified-since']).toBeDefined();
    expect(asked.at(-2)!.headers['if-none-match']).toBeUndefined();
  });

  it('fetches in full once an entry is older than the maximum age', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-'));
    let now = Date.parse('2026-11-01T00:00:00Z');
    const http = new CachingHttpClient(live(), dir, 86_400_000, () => now);
    await http.get(`${s.url}/etag`);
    now += 2 * 86_400_000;
    await http.get(`${s.url}/etag`);
    await http.close();
    expect(s.seen.filter((r) => r.path === '/etag').at(-1)!.headers['if-none-match']).toBeUndefined();
  });
});
