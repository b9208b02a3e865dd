/**
 * Evidence: every HTTP exchange of a run, saved so the audit can be replayed offline.
 *
 * Layout (one exchange = two files, named only by the hash of the URL; see store.ts):
 *   DIR/<host>/<hash>.json  {url, finalUrl, status, headers, bodyBytes, bodySha256}  or  {url, error: {code, message}}
 *   DIR/<host>/<hash>.body  the decompressed body bytes, exactly as received
 * Cookies and credentials are never written, secrets in query strings are redacted in the stored
 * URLs, and headers that change on every request (Date, request ids, cache timers, rate-limit
 * counters) are left out, so two recordings of the same responses are byte-identical. The hash is the
 * first 16 hex digits of sha256(url) of the URL with the run's credential values replaced (scrub.ts,
 * storedUrl), which is the URL replay asks for when a paging cursor held a token. Replay refuses a body that is
 * a symlink, torn or edited (its length and sha256 are in the metadata).
 */
import { NO_SECRETS, type SecretScrubber } from '../model/secret-forms.js';
import { redactUrl, redactUrlsInText } from '../model/uri.js';
import { cleanText, scrubberFor, scrubError, scrubResponse, storedUrl } from './scrub.js';
import { BadEntryError, entryStem, readBody, readMeta, writeEntry, type BodySeal } from './store.js';

export { redactUrl } from '../model/uri.js';
import { FetchError, type FetchErrorCode, type GetOptions, type HttpClient, type HttpResponse } from './types.js';

const NEVER_RECORDED = new Set(['set-cookie', 'cookie', 'authorization', 'proxy-authorization', 'www-authenticate']);
/** Headers that differ between two fetches of the same content. */
const VOLATILE =
  /^(date|age|expires|keep-alive|x-request-id|x-correlation-id|x-trace-id|x-amzn-[\w-]+|x-amz-cf-id|cf-ray|x-runtime|server-timing|x-served-by|x-cache(-hits)?|x-timer|via|report-to|nel|alt-svc|x-ratelimit-[\w-]+|x-rate-limit-[\w-]+|ratelimit(-[\w-]+)?|x-app-usage|x-business-use-case-usage|x-ad-account-usage|x-response-time|x-fb-debug|x-fb-trace-id)$/;
export interface RecordedExchange {
  url: string;
  finalUrl?: string;
  status?: number;
  headers?: Record<string, string>;
  error?: { code: FetchErrorCode; message: string };
}

/**
 * Saves one exchange. `url` is the URL it is kept under (storedUrl: the run's credential values already
 * replaced); the outcome's message, headers and body are cleaned here of every form of them, and of
 * credentials in the URLs a server handed over.
 */
export async function writeExchange(
  dir: string,
  url: string,
  outcome: HttpResponse | FetchError,
  scrubber: SecretScrubber = NO_SECRETS,
): Promise<void> {
  const stem = entryStem(dir, url);
  if (outcome instanceof FetchError) {
    const message = cleanText(outcome.message.split(url).join(redactUrl(url)), scrubber);
    await writeEntry<RecordedExchange>(stem, { url: redactUrl(url), error: { code: outcome.code, message } }, null);
  } else {
    const kept = scrubResponse(outcome, scrubber);
    const headers = Object.fromEntries(
      Object.entries(kept.headers)
        .filter(([name]) => !NEVER_RECORDED.has(name) && !VOLATILE.test(name))
        .map(([name, value]) => [name, redactUrlsInText(value.replace(/\r?\n/g, ' '))])
        .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)),
    );
    await writeEntry<RecordedExchange>(
      stem,
      { url: redactUrl(url), finalUrl: redactUrl(kept.finalUrl), status: kept.status, headers },
      kept.body,
    );
  }
}

export async function readExchange(dir: string, url: string): Promise<HttpResponse> {
  let meta: (RecordedExchange & Partial<BodySeal>) | null;
  let body: Buffer;
  try {
    const stem = entryStem(dir, storedUrl(url));
    meta = await readMeta<RecordedExchange & Partial<BodySeal>>(stem);
    if (meta === null)
      throw new FetchError(
        'not-recorded',
        url,
        `no recorded response for ${url} in ${dir} (replay never goes to the network)`,
      );
    if (meta.error) throw new FetchError(meta.error.code, url, meta.error.message);
    body = await readBody(stem, meta, false);
  } catch (error) {
    if (error instanceof BadEntryError)
      throw new FetchError('not-recorded', url, `the recorded response for ${url} cannot be used: ${error.message}`);
    throw error;
  }
  return { url, finalUrl: meta.finalUrl ?? url, status: meta.status ?? 200, headers: meta.headers ?? {}, body };
}

/** Serves every request from a recorded evidence directory; an unrecorded URL is an error, never a network call. */
export class ReplayHttpClient implements HttpClient {
  constructor(private readonly dir: string) {}
  get(url: string, _options?: GetOptions): Promise<HttpResponse> {
    return readExchange(this.dir, url);
  }
  async close(): Promise<void> {}
}

/** Wraps a client and saves each exchange (responses and network failures) into an evidence directory. */
export class RecordingHttpClient implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly dir: string,
    /** The run's credential values: no page or API that echoes one gets it written into the evidence. */
    private readonly secrets: SecretScrubber = NO_SECRETS,
  ) {}
  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    const scrubber = scrubberFor(this.secrets, options?.credential);
    const kept = storedUrl(url, scrubber);
    try {
      const response = await this.inner.get(url, options);
      await writeExchange(this.dir, kept, response, scrubber);
      return response;
    } catch (error) {
      if (error instanceof FetchError) await writeExchange(this.dir, kept, scrubError(error, scrubber), scrubber);
      throw error;
    }
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
