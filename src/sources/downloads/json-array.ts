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

/**
 * `source`: a readable stream, or any (async) iterable of chunks. The elements that end in one chunk are
 * parsed together, as one array (`[` + their bytes, commas included + `]`): one JSON.parse per chunk
 * rather than per element, three times faster on a comments file. Where that batch does not parse, its
 * elements are parsed one by one, so the error names the element.
 */
export async function* jsonArrayElements(
  source: AsyncIterable<Chunk> | Iterable<Chunk>,
  maxElementBytes = MAX_ELEMENT_BYTES,
): AsyncGenerator<ArrayElement> {
  let started = false;
  let finished = false;
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let carry: Buffer[] = []; // bytes of the element in progress from earlier chunks
  let carried = 0;
  let index = 0;
  const tooBig = (n: number) =>
    new JsonArrayError(
      `element ${n + 1} is larger than ${maxElementBytes} bytes: refused (an export's elements are a few KB)`,
    );

  /** Parses a batch of whole elements: `bytes` holds them, `ends` the offset where each one ends. */
  const parseBatch = (bytes: Buffer, ends: number[]): unknown[] => {
    const text = bytes.toString('utf8');
    try {
      const values = JSON.parse(`[${text}]`) as unknown[];
      if (values.length === ends.length) return values;
    } catch {
      // found below, element by element
    }
    let start = 0;
    return ends.map((end, k) => {
      const one = bytes.subarray(start, end).toString('utf8').trim();
      start = end + 1;
      if (one === '') throw new JsonArrayError(`empty element before position ${index + k + 1}`);
      try {
        return JSON.parse(one) as unknown;
      } catch (error) {
        throw new JsonArrayError(`element ${index + k + 1} is not valid JSON: ${(error as Error).message}`);
      }
    });
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
    const from = i; // the batch starts here (after what `carry` holds)
    let elementStart = i;
    const ends: number[] = []; // where each element of the batch ends, relative to the batch
    let last = -1; // the chunk offset of the last element's end (its comma or `]`)
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
        const size = (ends.length === 0 ? carried : 0) + (i - elementStart);
        if (size > maxElementBytes) throw tooBig(index + ends.length);
        ends.push(carried + (i - from));
        last = i;
        elementStart = i + 1;
        if (b === CLOSE) {
          finished = true;
          break;
        }
      }
    }
    if (last >= 0) {
      const bytes = Buffer.concat([...carry, chunk.subarray(from, last)]);
      carry = [];
      carried = 0;
      // a `]` right after `[` or after a trailing comma closes no element
      const trailingEmpty =
        finished &&
        bytes
          .subarray(ends.at(-2) === undefined ? 0 : ends.at(-2)! + 1)
          .toString('utf8')
          .trim() === '';
      if (trailingEmpty) ends.pop();
      const values = ends.length ? parseBatch(bytes, ends) : [];
      for (const value of values) yield { index: index++, value };
    }
    if (!finished) {
      const rest = chunk.subarray(last >= 0 ? last + 1 : from);
      carried += rest.length;
      if (carried > maxElementBytes) throw tooBig(index);
      if (rest.length) carry.push(Buffer.from(rest));
    }
  }
  if (!started) throw new JsonArrayError('no JSON array found (expected `[` ...)');
  if (!finished) {
    throw new JsonArrayError(
      `the array is cut off after ${index} complete element${index === 1 ? '' : 's'} (no closing \`]\`)`,
    );
  }
}
