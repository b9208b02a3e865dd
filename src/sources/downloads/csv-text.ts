/**
 * A CSV's bytes as the parser needs them, whatever wrote it: its encoding found from its BOM or its
 * bytes (UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM, or without one, told by the zero
 * byte beside each ASCII character), its delimiter from its header line (comma, tab or semicolon),
 * and quotes escaped with a backslash (`\"`, as some exports write them) turned into the doubled
 * quotes of RFC 4180, which still read as they are. Streamed: chunks in, chunks out.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding of a CSV from its first bytes. */
export function csvEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // no BOM: a header in UTF-16 is ASCII names with a zero byte after (LE) or before (BE) each one
  const n = Math.min(head.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) i % 2 === 0 ? even++ : odd++;
  if (n >= 4 && odd >= n / 8 && odd > 4 * even) return 'utf-16le';
  if (n >= 4 && even >= n / 8 && even > 4 * odd) return 'utf-16be';
  return 'utf-8';
}

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter its header line uses most, outside quotes: comma, tab or semicolon (comma when none). */
export function csvDelimiter(text: string): string {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** UTF-16 chunks as UTF-8 (its BOM dropped); a character split between chunks is kept whole. */
export async function* utf8Of(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<Uint8Array> {
  if (encoding === 'utf-8') {
    yield* chunks;
    return;
  }
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest) yield Buffer.from(rest, 'utf8');
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * UTF-8 chunks with each `\"` inside a quoted field written `""` (the same length, so in place):
 * `"He said \"yes\""` reads as `He said "yes"`, and RFC 4180's `""` is left alone. A backslash
 * before a backslash is kept with it (`"C:\\"` still closes its field). Quotes toggle the state,
 * so a doubled quote leaves it as it was; a backslash ending a chunk waits for the next one.
 */
export async function* backslashQuotes(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let quoted = false;
  let carry: Uint8Array | null = null;
  for await (const next of chunks) {
    let chunk: Uint8Array = carry ? Buffer.concat([carry, next]) : next;
    carry = null;
    let copied = false;
    let i = 0;
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === BACKSLASH && quoted) {
        if (i + 1 === chunk.length) break;
        if (chunk[i + 1] === QUOTE) {
          if (!copied) {
            chunk = Buffer.from(chunk);
            copied = true;
          }
          chunk[i] = QUOTE;
        }
        i++;
      }
    }
    if (i < chunk.length) {
      carry = chunk.subarray(i);
      chunk = chunk.subarray(0, i);
    }
    if (chunk.length > 0) yield chunk;
  }
  if (carry) yield carry;
}
