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

/** The plain texts a value is looked for as (as written, and in the readable view of a text: see readable). */
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

const INVISIBLE_TEXT = new Set(INVISIBLE.map((c) => String.fromCodePoint(c)));
// the same characters as UTF-8 bytes, each byte one latin1 character (how bodies are searched)
const INVISIBLE_BYTES = INVISIBLE.map((c) => Buffer.from(String.fromCodePoint(c), 'utf8').toString('latin1'));
/** Characters without which a text reads as it is written: no escape to undo, nothing invisible to drop. */
const ESCAPES_TEXT = new RegExp(`[%\\\\${INVISIBLE.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`);
const ESCAPES_BYTES = new RegExp(
  `[%\\\\${[...new Set(INVISIBLE_BYTES.map((b) => b.charCodeAt(0)))].map((b) => `\\x${b.toString(16)}`).join('')}]`,
);
const HEX = /^[0-9a-fA-F]+$/;

/**
 * The text as it reads: ASCII %-escapes and JSON escapes (`\u0041`, `\/`) undone, invisible characters
 * dropped, in one linear pass, with where each of its characters came from (a checkpoint wherever the
 * two stop running in step). Searching this view for the plain forms is linear whatever the input
 * (a regular expression with an escape or a separator at every character took a minute on 10 MB of
 * `A`s, the first characters of an X token).
 */
function readable(text: string, bytes: boolean): { text: string; from: number[]; to: number[] } {
  const out: string[] = [];
  const from: number[] = [0];
  const to: number[] = [0];
  let n = 0;
  let i = 0;
  let run = 0; // start of the current stretch copied as it is
  const flush = (end: number) => {
    if (end > run) out.push(text.slice(run, end));
    n += end - run;
  };
  const jump = (end: number, char: string | null) => {
    from.push(n);
    to.push(i);
    if (char !== null) {
      out.push(char);
      n++;
    }
    i = end;
    run = i;
    from.push(n);
    to.push(i);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '%' && HEX.test(text.slice(i + 1, i + 3)) && i + 2 < text.length) {
      const code = Number.parseInt(text.slice(i + 1, i + 3), 16);
      if (code < 0x80) {
        flush(i);
        jump(i + 3, String.fromCharCode(code));
        continue;
      }
    } else if (c === '\\' && text[i + 1] === '/') {
      flush(i);
      jump(i + 2, '/');
      continue;
    } else if (c === '\\' && text[i + 1] === 'u' && HEX.test(text.slice(i + 2, i + 6)) && i + 5 < text.length) {
      const char = String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      if (char.charCodeAt(0) < 0x80 || INVISIBLE_TEXT.has(char)) {
        flush(i);
        jump(i + 6, INVISIBLE_TEXT.has(char) ? null : char);
        continue;
      }
    } else if (!bytes && INVISIBLE_TEXT.has(c)) {
      flush(i);
      jump(i + 1, null);
      continue;
    } else if (bytes && c.charCodeAt(0) >= 0xc2) {
      const seq = INVISIBLE_BYTES.find((b) => text.startsWith(b, i));
      if (seq) {
        flush(i);
        jump(i + seq.length, null);
        continue;
      }
    }
    i++;
  }
  flush(text.length);
  return { text: out.join(''), from, to };
}

/** Where the readable view's character `k` starts in the text (the last checkpoint at or before it, then in step). */
function origin(view: { from: number[]; to: number[] }, k: number): number {
  let lo = 0;
  let hi = view.from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (view.from[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return view.to[lo]! + (k - view.from[lo]!);
}

/**
 * Finds and replaces a run's credential values, in text (reports, messages, log lines) and in bytes
 * (bodies kept in recordings and the cache, matched byte for byte, so a binary body stays intact).
 */
export class SecretScrubber {
  /** The plain forms, as written (found as they are) and as they read (found in the readable view). */
  private readonly plain: string[];
  private readonly read: string[];
  /** The values looked for. */
  readonly values: readonly string[];

  constructor(values: Iterable<string>) {
    this.values = [...new Set(values)];
    const forms = [...new Set(this.values.flatMap((v) => (v.length >= MIN_FORM ? secretForms(v) : [])))];
    this.plain = forms.sort((a, b) => b.length - a.length);
    // a form with %-escapes of its own (an X token) reads otherwise; as written, it is found in a text
    // that encoded it once more (its `%` as `%25`)
    this.read = [...new Set(forms.flatMap((f) => [f, readable(f, false).text]))]
      .filter((f) => f.length >= MIN_FORM)
      .sort((a, b) => b.length - a.length);
  }

  /** Whether there is any value to look for. */
  get active(): boolean {
    return this.plain.length > 0;
  }

  /** The stretches of the text that hold a value, in order and merged; none: []. */
  private find(text: string, bytes: boolean): Array<[number, number]> {
    if (!this.active) return [];
    const escaped = (bytes ? ESCAPES_BYTES : ESCAPES_TEXT).test(text);
    const forms = bytes ? this.plain.map((f) => Buffer.from(f, 'utf8').toString('latin1')) : this.plain;
    const found: Array<[number, number]> = [];
    const search = (haystack: string, needles: string[], place: (k: number) => number) => {
      for (const needle of needles)
        for (let k = haystack.indexOf(needle); k !== -1; k = haystack.indexOf(needle, k + 1))
          found.push([place(k), place(k + needle.length)]);
    };
    search(text, forms, (k) => k);
    if (escaped) {
      const view = readable(text, bytes);
      search(view.text, this.read, (k) => (k >= view.text.length ? text.length : origin(view, k)));
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [a, b] of found) {
      const last = merged.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  }

  private static replace(text: string, stretches: Array<[number, number]>): string {
    let out = '';
    let at = 0;
    for (const [a, b] of stretches) {
      out += text.slice(at, a) + SECRET_MARK;
      at = b;
    }
    return out + text.slice(at);
  }

  /** Whether the text holds a value in any form. */
  has(text: string): boolean {
    return this.find(text, false).length > 0;
  }

  /** The text with every form of every value replaced by `[secret]`. */
  scrub(text: string): string {
    const stretches = this.find(text, false);
    return stretches.length === 0 ? text : SecretScrubber.replace(text, stretches);
  }

  /** The bytes with every form replaced, byte for byte around it (latin1 maps each byte to one character). */
  scrubBytes(body: Buffer): Buffer {
    if (!this.active) return body;
    const text = body.toString('latin1');
    const stretches = this.find(text, true);
    return stretches.length === 0 ? body : Buffer.from(SecretScrubber.replace(text, stretches), 'latin1');
  }

  /** Every string in a JSON-like value scrubbed (the same object back when none held a value). */
  deep<T>(value: T): T {
    if (!this.active || !this.has(JSON.stringify(value) ?? '')) return value;
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
