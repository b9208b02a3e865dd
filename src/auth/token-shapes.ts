/**
 * What a credential looks like when someone pastes it where its variable's name belongs. The shapes
 * are the issuers' own prefixes (Meta's `EAA…` and Instagram's `IGQV…`/`IGAA…` access tokens, Google's
 * `AIza…` API keys and `ya29.` OAuth tokens, X's app-only bearer tokens that start with a run of `A`s
 * and `Bearer …` headers), so a company name or a URL is never mistaken for one.
 */
// Each run is matched up to its minimum length only (no open-ended `{30,}`): an unbounded run over a
// 10 MB value made the regular expression engine's backtracking overflow the stack.
const SHAPES: ReadonlyArray<{ issuer: string; pattern: RegExp }> = [
  { issuer: 'a Meta access token', pattern: /\bEAA[A-Za-z0-9]{30}/ },
  { issuer: 'an Instagram access token', pattern: /\bIG(?:QV|AA)[A-Za-z0-9_-]{30}/ },
  { issuer: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { issuer: 'a Google OAuth token', pattern: /\bya29\.[0-9A-Za-z_-]{20}/ },
  { issuer: 'an X bearer token', pattern: /\bA{12}[A-Za-z0-9%]{20}/ },
  { issuer: 'an Authorization header', pattern: /\bBearer\s{1,16}[A-Za-z0-9._~+/%-]{16}/ },
];

/** How much of one inventory value is looked at (docs/security.md): a pasted token is near its start. */
export const TOKEN_SCAN_CHARS = 64 * 1024;

/** Which issuer's credential the text holds (in its first TOKEN_SCAN_CHARS characters), or null. */
export function tokenShape(text: string): string | null {
  const scanned = text.length > TOKEN_SCAN_CHARS ? text.slice(0, TOKEN_SCAN_CHARS) : text;
  return SHAPES.find((s) => s.pattern.test(scanned))?.issuer ?? null;
}

/** An environment variable's name, as `auth: {env: NAME}` takes it. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
