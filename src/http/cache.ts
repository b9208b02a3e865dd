/**
 * Conditional re-fetching (`--cache DIR`): a response that carries an ETag or Last-Modified is kept,
 * and the next run asks with If-None-Match / If-Modified-Since; a 304 reuses the kept body, so a
 * nightly job downloads only what changed. Entries older than the maximum age are not used.
 * Layout: the evidence layout (store.ts: DIR/<host>/<hash>.json + .body), with the validators and the
 * time the entry was stored or last revalidated. Two runs may share the folder: entries are written
 * atomically and sealed with the body's length and sha256, and an entry that is torn, edited, a
 * symlink or unreadable is a miss (fetched in full), never a body used as it is.
 */
import { NO_SECRETS, type SecretScrubber } from '../model/secret-forms.js';
import { scrubberFor, scrubResponse, storedUrl } from './scrub.js';
import { entryStem, readBody, readMeta, writeEntry, type BodySeal } from './store.js';
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
    /** The run's credential values: never written into an entry, its URL or its name. */
    private readonly secrets: SecretScrubber = NO_SECRETS,
  ) {}

  /** `url` is the URL the entry is kept under (storedUrl). */
  private async read(url: string): Promise<{ entry: CacheEntry; body: Buffer } | null> {
    try {
      const stem = entryStem(this.dir, url);
      const entry = await readMeta<CacheEntry & Partial<BodySeal>>(stem);
      if (!entry || entry.url !== url || !(this.now() - Date.parse(entry.storedAt) <= this.maxAgeMs)) return null;
      return { entry, body: await readBody(stem, entry, true) };
    } catch {
      return null; // no entry, or one that cannot be trusted: fetch in full
    }
  }

  /** A response's entry; a cache that cannot be written costs the next run a full fetch, never this run's result. */
  private async write(
    url: string,
    res: Pick<HttpResponse, 'finalUrl' | 'status' | 'headers'>,
    body: Buffer,
  ): Promise<void> {
    const entry: CacheEntry = {
      url,
      finalUrl: res.finalUrl,
      status: res.status,
      headers: res.headers,
      storedAt: new Date(this.now()).toISOString(),
    };
    await writeEntry(entryStem(this.dir, url), entry, body).catch(() => undefined);
  }

  async get(url: string, options: GetOptions = {}): Promise<HttpResponse> {
    const scrubber = scrubberFor(this.secrets, options.credential);
    const key = storedUrl(url, scrubber);
    const cached = await this.read(key);
    const validators: Record<string, string> = {};
    if (cached?.entry.headers.etag) validators['if-none-match'] = cached.entry.headers.etag;
    if (cached?.entry.headers['last-modified']) validators['if-modified-since'] = cached.entry.headers['last-modified'];
    const conditional = Object.keys(validators).length > 0;
    const res = await this.inner.get(
      url,
      conditional ? { ...options, headers: { ...options.headers, ...validators } } : options,
    );
    if (res.status === 304 && cached && conditional) {
      await this.write(key, cached.entry, cached.body); // revalidated: the entry is fresh again
      return {
        url,
        finalUrl: cached.entry.finalUrl,
        status: cached.entry.status,
        headers: cached.entry.headers,
        body: cached.body,
      };
    }
    if (res.status === 200 && (res.headers.etag || res.headers['last-modified'])) {
      const kept = scrubResponse(res, scrubber); // an echoed credential is never written to disk
      await this.write(key, kept, kept.body);
    }
    return res;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
