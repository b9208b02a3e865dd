/**
 * `--verbose`: one line per request on stderr — the URL (credentials in it redacted), the status or
 * the failure, how long it took, and which credential variable went with it (never its value).
 */
import { redactUrl } from '../model/uri.js';
import { scrubText } from './scrub.js';
import { FetchError, type GetOptions, type HttpClient, type HttpResponse } from './types.js';

export class LoggingHttpClient implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly log: (line: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    const started = this.now();
    const credential = options?.credential;
    const shown = scrubText(redactUrl(url), credential);
    const tail = () => ` (${Math.round(this.now() - started)} ms${credential ? `, with ${credential.name}` : ''})`;
    try {
      const res = await this.inner.get(url, options);
      const moved = res.finalUrl !== url ? ` at ${scrubText(redactUrl(res.finalUrl), credential)}` : '';
      this.log(`GET ${shown} → ${res.status}${moved}${tail()}`);
      return res;
    } catch (error) {
      const why = error instanceof FetchError ? `${error.code}: ${error.message}` : String(error);
      this.log(`GET ${shown} failed: ${scrubText(why, credential)}${tail()}`);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
