/**
 * What is kept of an exchange (recorded evidence, cache entries, `--verbose` lines, error messages)
 * without the run's credentials: a server or a public page that echoes a token — sent to it or not,
 * raw, percent-encoded or decoded, in base64 or split by invisible characters (model/secret-forms.ts)
 * — must not get it written to disk or printed. Every value the run knows is looked for, and the
 * request's own credential too (a library user may build a client without naming the run's secrets).
 * URLs a server hands over lose their user:password@ and signed query values (model/uri.ts).
 */
import { redactUrlsInText } from '../model/uri.js';
import { NO_SECRETS, SECRET_MARK, SecretScrubber } from '../model/secret-forms.js';
import { FetchError, type GetOptions, type HttpClient, type HttpResponse, type RequestCredential } from './types.js';

export const SCRUBBED = SECRET_MARK;

const perCredential = new WeakMap<SecretScrubber, Map<string, SecretScrubber>>();

/** The run's scrubber, with the request's credential among its values. */
export function scrubberFor(run: SecretScrubber, credential: RequestCredential | undefined): SecretScrubber {
  if (!credential) return run;
  const value = credential.secret.reveal();
  if (run.values.includes(value)) return run;
  const known = perCredential.get(run) ?? new Map<string, SecretScrubber>();
  perCredential.set(run, known);
  const scrubber = known.get(value) ?? new SecretScrubber([...run.values, value]);
  known.set(value, scrubber);
  return scrubber;
}

/** Text as it may be kept or shown: no credential value, no credential in a URL it quotes. */
export const cleanText = (text: string, scrubber: SecretScrubber): string => redactUrlsInText(scrubber.scrub(text));

/**
 * The URL an exchange is kept under (evidence and cache): the credentials' values replaced, and the
 * mark written one way. Replay, which knows no value, asks for the URL the recorded (scrubbed) answers
 * lead to — a paging cursor that was a token is `[secret]` there, percent-encoded or not — and finds
 * the same entry.
 */
export function storedUrl(url: string, scrubber: SecretScrubber = NO_SECRETS): string {
  return scrubber.scrub(url).replace(/%5Bsecret%5D/gi, SECRET_MARK);
}

/** The response as it may be kept: the values gone from its body, headers and URLs. */
export function scrubResponse(res: HttpResponse, scrubber: SecretScrubber): HttpResponse {
  if (!scrubber.active) return res;
  return {
    ...res,
    url: scrubber.scrub(res.url),
    finalUrl: scrubber.scrub(res.finalUrl),
    headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, scrubber.scrub(v)])),
    body: scrubber.scrubBytes(res.body),
  };
}

/** The error with its message cleaned (a copy, of the same class, when anything changed). */
export function scrubError<E extends FetchError>(error: E, scrubber: SecretScrubber): E {
  const message = cleanText(error.message, scrubber);
  if (message === error.message) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  Object.assign(copy, error);
  Object.defineProperty(copy, 'message', { value: message });
  return copy;
}

/**
 * Replaces the run's credential values in every response and failure before anything reads them: a
 * reader that cuts a message to 200 characters, or JSON.parse quoting what it failed on, could
 * otherwise keep half a token that no later scrubbing by value can recognise. Live runs and replays
 * then read the same bytes (a paging cursor that was a token is `[secret]` in both).
 */
export class ScrubbingHttpClient implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly secrets: SecretScrubber,
  ) {}

  async get(url: string, options?: GetOptions): Promise<HttpResponse> {
    const scrubber = scrubberFor(this.secrets, options?.credential);
    try {
      return scrubResponse(await this.inner.get(url, options), scrubber);
    } catch (error) {
      throw error instanceof FetchError ? scrubError(error, scrubber) : error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
