/**
 * Text from outside (a fetched page, an owner export, an inventory, a saved report) as every output
 * shows it. Characters that are invisible or steer how text is drawn are removed, whatever the format:
 * C0 and C1 controls (ESC, CSI U+009B, OSC U+009D: terminal escapes such as OSC 52 "set clipboard" and
 * OSC 8 hyperlinks; BEL), bidi overrides and isolates (U+202A–202E, U+2066–2069, U+200E/F, U+061C: a
 * name that reads backwards), zero-width characters (U+200B–200D, U+2060–2064, U+FEFF, U+180E: a
 * look-alike name, or a token split so a scrubber misses it) and lone surrogates. Tab, CR and LF stay:
 * each format decides what a line break becomes. Names and handles are cut to MAX_NAME_CHARS.
 */

// eslint-disable-next-line no-control-regex
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The longest name or handle any output shows, in characters (a 200 kB display name is cut here). */
export const MAX_NAME_CHARS = 200;

/** The keys whose values are names or handles, wherever they sit in a report or history. */
const NAME_KEYS: ReadonlySet<string> = new Set(['company', 'name', 'displayName', 'handle', 'owner', 'preparedBy']);

/** The text without invisible and control characters (tab, CR and LF kept). */
export function displayText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** At most `max` characters (code points), the last one an ellipsis when cut. */
export function capChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A name or handle as shown: display text, at most MAX_NAME_CHARS characters. */
export function displayName(text: string): string {
  return capChars(displayText(text), MAX_NAME_CHARS);
}

/**
 * A copy of a report (or a history, or one profile) with every string made display text and every
 * name and handle capped: the one place renderers take their text from. Iterative, so a deep value
 * cannot exhaust the stack; keys are copied as data (a `__proto__` key stays a key).
 */
export function displayCopy<T>(value: T): T {
  const clean = (v: unknown, key: string | null): unknown =>
    typeof v === 'string' ? (key !== null && NAME_KEYS.has(key) ? displayName(v) : displayText(v)) : v;
  // `__proto__` assigned would set the prototype: it is defined as an own key instead
  const put = (into: Record<string, unknown>, key: string, v: unknown) => {
    if (key === '__proto__') Object.defineProperty(into, key, { value: v, enumerable: true, writable: true });
    else into[key] = v;
  };
  const root: Record<string, unknown> = {};
  const stack: Array<{ from: unknown; into: Record<string, unknown>; key: string | null; at: string }> = [
    { from: value, into: root, key: null, at: 'value' },
  ];
  while (stack.length > 0) {
    const { from, into, key, at } = stack.pop()!;
    if (from === null || typeof from !== 'object') {
      put(into, at, clean(from, key));
      continue;
    }
    const list = Array.isArray(from);
    const copy = (list ? new Array(from.length) : {}) as Record<string, unknown>;
    put(into, at, copy);
    for (const [k, v] of Object.entries(from)) {
      const name = list ? k : displayText(k);
      put(copy, name, null); // the key's place now: the stack fills it in later, key order is kept
      stack.push({ from: v, into: copy, key: list ? null : name, at: name });
    }
  }
  return root.value as T;
}
