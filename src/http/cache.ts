/**
 * Conditional re-fetching (`--cache DIR`): a response that carries an ETag or Last-Modified is kept,
 * and the next run asks with If-None-Match / If-Modified-Since; a 304 reuses the kept body, so a
 * nightly job downloads only what changed. Entries older than the maximum age are not used.
 * Layout: the evidence layout (DIR/<host>/<slug>.<hash>.json + .body), with the validators and the
 * time the entry was stored or last revalidated.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evidencePath } from './evidence.js';
import type { GetOptions, HttpClient, HttpResponse } from './types.js';

interface CacheEntry {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  storedAt: string;
}

export class CachingHttpClient implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly dir: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private async read(url: string): Promise<{ entry: CacheEntry; body: Buffer } | null> {
    const stem = evidencePath(this.dir, url);
    try {
      const entry = JSON.parse(await readFile(`${stem}.json`, 'utf8')) as CacheEntry;
      if (this.now() - Date.parse(entry.storedAt) > this.maxAgeMs) return null;
      return { entry, body: await readFile(`${stem}.body`) };
    } catch {
      return null; // no entry, or an unreadable one: fetch in full
    }
  }

  private async write(url: string, res: Pick<HttpResponse, 'finalUrl' | 'status' | 'headers'>, body: Buffer | null): Promise<void> {
    const stem = evidencePath(this.dir, url);
    await mkdir(join(stem, '..'), { recursive: true });
    const entry: CacheEntry = { url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, storedAt: new Date(this.now()).toISOString() };
    if (body) await writeFile(`${stem}.body`, body);
    await writeFile(`${stem}.json`, `${JSON.stringify(entry, null, 2)}\n`);
  }

  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    const cached = await this.read(url);
    const validators: Record<string, string> = {};
    if (cached?.entry.headers.etag) validators['if-none-match'] = cached.entry.headers.etag;
    if (cached?.entry.headers['last-modified']) validators['if-modified-since'] = cached.entry.headers['last-modified'];
    const conditional = Object.keys(validators).length > 0;
    const res = await this.inner.get(url, conditional ? { ...options, headers: { ...options.headers, ...validators } } : options);
    if (res.status === 304 && cached && conditional) {
      await this.write(url, cached.entry, null); // revalidated: the entry is fresh again
      return { url, finalUrl: cached.entry.finalUrl, status: cached.entry.status, headers: cached.entry.headers, body: cached.body };
    }
    if (res.status === 200 && (res.headers.etag || res.headers['last-modified'])) await this.write(url, res, res.body);
    return res;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
