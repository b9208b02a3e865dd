/**
 * Streams the elements of one top-level JSON array, one parsed element at a time, so a file of any size is
 * read in bounded memory. Anything before the first `[` is skipped: the X archive wraps its array as
 * `window.YTD.tweets.part0 = [ ... ]`. The scan works on bytes: every structural character is ASCII, and
 * UTF-8 never uses ASCII bytes inside a multi-byte character.
 */
export class JsonArrayError extends Error {
  override name = 'JsonArrayError';
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const OPEN_OBJ = 0x7b; // {
const CLOSE_OBJ = 0x7d; // }
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export interface ArrayElement {
  /** 0-based position in the array. */
  index: number;
  value: unknown;
}

type Chunk = Buffer | Uint8Array | string;

/** Bytes one element may take (a tweet or a posts row is a few KB): a bigger one is refused, never buffered. */
export const MAX_ELEMENT_BYTES = 1024 * 1024;

/** `source`: a readable stream, or any (async) iterable of chunks. */
export async function* jsonArrayElements(
  source: AsyncIterable<Chunk> | Iterable<Chunk>,
  maxElementBytes = MAX_ELEMENT_BYTES,
): AsyncGenerator<ArrayElement> {
  let started = false;
  let finished = false;
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let pieces: Buffer[] = [];
  let pending = 0; // bytes of the current element so far
  let index = 0;
  const tooBig = () =>
    new JsonArrayError(
      `element ${index + 1} is larger than ${maxElementBytes} bytes: refused (an export's elements are a few KB)`,
    );

  const take = (): ArrayElement | null => {
    const text = Buffer.concat(pieces).toString('utf8').trim();
    pieces = [];
    pending = 0;
    if (text === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new JsonArrayError(`element ${index + 1} is not valid JSON: ${(error as Error).message}`);
    }
    return { index: index++, value };
  };

  for await (const raw of source) {
    const chunk =
      typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let i = 0;
    if (!started) {
      const open = chunk.indexOf(OPEN);
      if (open < 0) continue;
      started = true;
      i = open + 1;
    }
    if (finished) continue;
    let from = i;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
        continue;
      }
      if (b === QUOTE) inString = true;
      else if (b === OPEN || b === OPEN_OBJ) depth++;
      else if ((b === CLOSE || b === CLOSE_OBJ) && depth > 0) depth--;
      else if (depth === 0 && (b === COMMA || b === CLOSE)) {
        if (pending + (i - from) > maxElementBytes) throw tooBig();
        pieces.push(chunk.subarray(from, i));
        const element = take();
        if (element) yield element;
        else if (b === COMMA) throw new JsonArrayError(`empty element before position ${index + 1}`);
        from = i + 1;
        if (b === CLOSE) {
          finished = true;
          break;
        }
      }
    }
    if (!finished && from < chunk.length) {
      pending += chunk.length - from;
      if (pending > maxElementBytes) throw tooBig();
      pieces.push(Buffer.from(chunk.subarray(from)));
    }
  }
  if (!started) throw new JsonArrayError('no JSON array found (expected `[` ...)');
  if (!finished) {
    throw new JsonArrayError(
      `the array is cut off after ${index} complete element${index === 1 ? '' : 's'} (no closing \`]\`)`,
    );
  }
}
