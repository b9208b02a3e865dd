/**
 * A credential's value in every form a server or a page can echo it in: as written, percent-encoded
 * (any of its characters, either case of hex), percent-decoded (an X bearer token holds `%3D`), in
 * base64 and base64url at each of the three alignments it can sit at inside a longer encoded text,
 * with JSON escapes (`\/`, `\u0041`), and split by invisible characters (zero-width spaces, joiners,
 * soft hyphens, bidi marks) anywhere between its characters. A prefix of a token cannot be matched by
 * value: messages that quote what they failed to parse (JSON.parse) are rewritten where they are made.
 */

/** What a credential's value is replaced with. */
export const SECRET_MARK = '[secret]';

/** Invisible characters that may be slipped between a token's characters without changing how it reads. */
const INVISIBLE = [
  0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b,
  0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/** Forms shorter than this are not looked for (a 3-character value would be found in every text). */
const MIN_FORM = 4;
/** Base64 pieces shorter than this are too likely to occur by chance. */
const MIN_BASE64 = 8;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A byte as two hex digits matched in either case. */
const hexRe = (byte: number) =>
  byte
    .toString(16)
    .padStart(2, '0')
    .split('')
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('');

/** How one character of a form may be written: itself, percent-encoded, or JSON-escaped. */
function unitRe(char: string, bytes: boolean): string {
  const utf8 = [...Buffer.from(char, 'utf8')];
  const literal = bytes ? String.fromCharCode(...utf8) : char;
  const ways = [escapeRe(literal), utf8.map((b) => `%${hexRe(b)}`).join('')];
  const code = char.codePointAt(0)!;
  if (code < 0x80) ways.push(`\\\\u00${hexRe(code)}`);
  if (char === '/') ways.push('\\\\/');
  return `(?:${ways.join('|')})`;
}

function separatorRe(bytes: boolean): string {
  const chars = INVISIBLE.map((c) => String.fromCodePoint(c));
  if (!bytes) return `[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]*`;
  const sequences = chars.map((c) => escapeRe(String.fromCharCode(...Buffer.from(c, 'utf8'))));
  return `(?:${sequences.join('|')})*`;
}

/** The base64 (or base64url) characters that encode `value` alone, wherever it starts inside an encoded text. */
function base64Pieces(value: string, alphabet: 'base64' | 'base64url'): string[] {
  const raw = Buffer.from(value, 'utf8');
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), raw]).toString(alphabet);
    // the first characters also encode the filler before it, the last ones the bytes after it
    const from = [0, 2, 3][offset]!;
    const to = Math.floor(((offset + raw.length) * 8) / 6);
    return encoded.slice(from, to);
  });
}

/** The plain texts a value is looked for as (each then matched with the escapes and separators above). */
export function secretForms(value: string): string[] {
  const decoded = /%[0-9a-f]{2}/i.test(value) ? tryDecode(value) : null;
  const plain = [value, ...(decoded && decoded !== value ? [decoded] : [])].filter((f) => f.length >= MIN_FORM);
  const encoded = plain
    .flatMap((f) => [...base64Pieces(f, 'base64'), ...base64Pieces(f, 'base64url')])
    .filter((f) => f.length >= MIN_BASE64);
  return [...new Set([...plain, ...encoded])].sort((a, b) => b.length - a.length);
}

function tryDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Characters without which only the plain forms can occur (the fast path: indexOf, no regex). */
const ESCAPES_TEXT = new RegExp(`[%\\\\${INVISIBLE.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
// the bytes that begin the invisible characters in UTF-8
const ESCAPES_BYTES = new RegExp(
  `[%\\\\${[...new Set(INVISIBLE.map((c) => Buffer.from(String.fromCodePoint(c), 'utf8')[0]!))].map((b) => `\\x${b.toString(16)}`).join('')}]`,
);

/**
 * Finds and replaces a run's credential values, in text (reports, messages, log lines) and in bytes
 * (bodies kept in recordings and the cache, matched byte for byte, so a binary body stays intact).
 */
export class SecretScrubber {
  private readonly plain: string[];
  private readonly plainBytes: string[];
  private readonly text: RegExp | null;
  private readonly bytes: RegExp | null;
  /** The values looked for. */
  readonly values: readonly string[];

  constructor(values: Iterable<string>) {
    this.values = [...new Set(values)];
    const forms = [...new Set(this.values.flatMap((v) => (v.length >= MIN_FORM ? secretForms(v) : [])))].sort(
      (a, b) => b.length - a.length,
    );
    this.plain = forms;
    this.plainBytes = forms.map((f) => Buffer.from(f, 'utf8').toString('latin1'));
    const build = (bytes: boolean) => {
      const sep = separatorRe(bytes);
      return new RegExp(forms.map((f) => [...f].map((c) => unitRe(c, bytes)).join(sep)).join('|'), 'g');
    };
    this.text = forms.length > 0 ? build(false) : null;
    this.bytes = forms.length > 0 ? build(true) : null;
  }

  /** Whether there is any value to look for. */
  get active(): boolean {
    return this.text !== null;
  }

  /** Whether the text holds a value in any form. */
  has(text: string): boolean {
    if (!this.text) return false;
    if (!ESCAPES_TEXT.test(text)) return this.plain.some((f) => text.includes(f));
    this.text.lastIndex = 0;
    return this.text.test(text);
  }

  /** The text with every form of every value replaced by `[secret]`. */
  scrub(text: string): string {
    if (!this.text || !this.has(text)) return text;
    if (!ESCAPES_TEXT.test(text)) return this.plain.reduce((out, f) => out.split(f).join(SECRET_MARK), text);
    return text.replace(this.text, SECRET_MARK);
  }

  /** The bytes with every form replaced, byte for byte around it (latin1 maps each byte to one character). */
  scrubBytes(body: Buffer): Buffer {
    if (!this.bytes) return body;
    const text = body.toString('latin1');
    let out: string;
    if (!ESCAPES_BYTES.test(text)) {
      if (!this.plainBytes.some((f) => text.includes(f))) return body;
      out = this.plainBytes.reduce((acc, f) => acc.split(f).join(SECRET_MARK), text);
    } else {
      this.bytes.lastIndex = 0;
      if (!this.bytes.test(text)) return body;
      out = text.replace(this.bytes, SECRET_MARK);
    }
    return Buffer.from(out, 'latin1');
  }

  /** Every string in a JSON-like value scrubbed (the same object back when none held a value). */
  deep<T>(value: T): T {
    if (!this.text || !this.has(JSON.stringify(value) ?? '')) return value;
    const clean = (v: unknown): unknown => {
      if (typeof v === 'string') return this.scrub(v);
      if (Array.isArray(v)) return v.map(clean);
      if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
      return v;
    };
    return clean(value) as T;
  }
}

/** A scrubber with nothing to look for. */
export const NO_SECRETS = new SecretScrubber([]);
