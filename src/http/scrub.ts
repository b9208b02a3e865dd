/**
 * A credential's value removed from what is kept of an exchange (recorded evidence, cache entries,
 * error messages): a server that echoes the token it was sent (into an error message, a body, a
 * header) must not get it written to disk. The value is replaced as written and percent-encoded.
 */
import type { FetchError, HttpResponse, RequestCredential } from './types.js';

export const SCRUBBED = '[secret]';

const forms = (credential: RequestCredential): string[] => {
  const value = credential.secret.reveal();
  return [...new Set([value, encodeURIComponent(value)])].filter((s) => s.length >= 4);
};

export function scrubText(text: string, credential: RequestCredential | undefined): string {
  if (!credential) return text;
  let out = text;
  for (const form of forms(credential)) out = out.split(form).join(SCRUBBED);
  return out;
}

function scrubBytes(body: Buffer, credential: RequestCredential): Buffer {
  let out = body;
  for (const form of forms(credential)) {
    const needle = Buffer.from(form);
    if (out.indexOf(needle) === -1) continue;
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, from)) {
      parts.push(out.subarray(from, at), Buffer.from(SCRUBBED));
      from = at + needle.length;
    }
    parts.push(out.subarray(from));
    out = Buffer.concat(parts);
  }
  return out;
}

/** The response as it may be kept: the credential's value gone from its body, headers and URLs. */
export function scrubResponse(res: HttpResponse, credential: RequestCredential | undefined): HttpResponse {
  if (!credential) return res;
  return {
    ...res,
    url: scrubText(res.url, credential),
    finalUrl: scrubText(res.finalUrl, credential),
    headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, scrubText(v, credential)])),
    body: scrubBytes(res.body, credential),
  };
}

export function scrubError<E extends FetchError>(error: E, credential: RequestCredential | undefined): E {
  if (!credential || !forms(credential).some((f) => error.message.includes(f))) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  Object.assign(copy, error);
  Object.defineProperty(copy, 'message', { value: scrubText(error.message, credential) });
  return copy;
}
