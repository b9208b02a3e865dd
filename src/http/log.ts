/**
 * `--verbose`: one line per request on stderr — the URL (credentials in it redacted), the status or
 * the failure, how long it took, and which credential variable went with it (never its value).
 */
import { NO_SECRETS, type SecretScrubber } from '../model/secret-forms.js';
import { redactUrl } from '../model/uri.js';
import { cleanText, scrubberFor } from './scrub.js';
import { FetchError, type GetOptions, type HttpClient, type HttpResponse } from './types.js';

export class LoggingHttpClient implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly log: (line: string) => void,
    private readonly now: () => number = () => performance.now(),
    /** The run's credential values: never printed, whoever echoed them. */
    private readonly secrets: SecretScrubber = NO_SECRETS,
  ) {}

  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    const started = this.now();
    const credential = options?.credential;
    const scrubber = scrubberFor(this.secrets, credential);
    const shown = cleanText(redactUrl(url), scrubber);
    const tail = () => ` (${Math.round(this.now() - started)} ms${credential ? `, with ${credential.name}` : ''})`;
    try {
      const res = await this.inner.get(url, options);
      const moved = res.finalUrl !== url ? ` at ${cleanText(redactUrl(res.finalUrl), scrubber)}` : '';
      this.log(`GET ${shown} → ${res.status}${moved}${tail()}`);
      return res;
    } catch (error) {
      const why = error instanceof FetchError ? `${error.code}: ${error.message}` : String(error);
      this.log(`GET ${shown} failed: ${cleanText(why, scrubber)}${tail()}`);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
