/** Percent-decoding of text from outside (pages, servers, inventories), which may be malformed. */

/** decodeURIComponent, or null where the text has a malformed escape (`20%off`, `%E0%A4%A`): never throws. */
export function tryDecodeURIComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const SECRET_PARAM = /token|key|secret|sig|signature|password|passwd|auth|session|credential/i;

/**
 * Whether a URL's host is this machine (localhost, 127.0.0.0/8, [::1]): plain http to it never leaves
 * the machine, so it may carry a credential (a local test server or an authenticating local proxy);
 * the Secure Contexts specification trusts the same hosts.
 */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Whether a credential may travel to this URL: https, or http to this machine. */
export const carriesCredentials = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));

/** The URL with its user name and password removed and the values of secret-looking query parameters replaced. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const name of [...u.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      u.searchParams.set(name, 'REDACTED');
      changed = true;
    }
  }
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
    changed = true;
  }
  return changed ? u.href : url;
}

/** The credentials a URL carries (user name, password, secret query values), as written and decoded. */
export function urlSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const raw = [
    u.username,
    u.password,
    ...[...u.searchParams].filter(([name]) => SECRET_PARAM.test(name)).map(([, value]) => value),
  ];
  const all = raw.flatMap((s) => [s, tryDecodeURIComponent(s) ?? s, encodeURIComponent(s)]);
  return [...new Set(all.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

/** The text with every one of the secrets replaced by REDACTED. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('REDACTED');
  return out;
}

/** Anything that reads as an absolute URL inside free text (a message, a header, a log line). */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const QUERY_PARAM = /([?&;])([^=&#;?]+)=([^&#;]*)/g;

/**
 * Every URL inside the text with its user name and password removed and the values of its
 * secret-looking query parameters replaced, the rest of the text as it was: URLs a server hands over
 * (a redirect to `user:pass@…`, a signed `?X-Amz-Signature=…&sig=…` link, `?access_token=…`) are
 * quoted in messages, logs and recorded headers, where redactUrl (one whole URL) cannot reach them.
 */
export function redactUrlsInText(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_IN_TEXT, (url) =>
    url
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1')
      .replace(QUERY_PARAM, (whole, lead: string, name: string) =>
        SECRET_PARAM.test(tryDecodeURIComponent(name) ?? name) ? `${lead}${name}=REDACTED` : whole,
      ),
  );
}
