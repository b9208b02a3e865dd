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
