/**
 * Texts handed to a worker thread as UTF-8 in shared memory instead of an array of strings: a posted array
 * is serialised whole and rebuilt in the worker's heap (at 10⁶ replies, a serialised copy and 370,000 strings
 * more at the sketching step's peak), where shared bytes are written once and each text is decoded when read.
 */

/** What sketching reads texts through: an array of strings is one. */
export interface TextList {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Texts `from`..`to` of `texts`, packed end to end: text i is bytes[ends[i - 1] ?? 0 .. ends[i]). */
export interface PackedTexts {
  bytes: Uint8Array<SharedArrayBuffer>;
  ends: Uint32Array<SharedArrayBuffer>;
}

export function packTexts(texts: readonly string[], from: number, to: number): PackedTexts {
  const ends = new Uint32Array(new SharedArrayBuffer((to - from) * 4));
  let size = 0;
  for (let i = from; i < to; i++) {
    size += Buffer.byteLength(texts[i]!, 'utf8');
    ends[i - from] = size;
  }
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  const view = Buffer.from(bytes.buffer);
  for (let i = from, at = 0; i < to; i++) at += view.write(texts[i]!, at, 'utf8');
  return { bytes, ends };
}

/** Packed texts read back one at a time, as sketching asks for them. */
export function unpackedTexts({ bytes, ends }: PackedTexts): TextList {
  const view = Buffer.from(bytes.buffer);
  return {
    length: ends.length,
    at: (i) => (i >= 0 && i < ends.length ? view.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]) : undefined),
  };
}
