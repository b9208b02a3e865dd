/** Texts handed to a sketching worker as shared UTF-8 read back exactly, one at a time. */
import { describe, expect, it } from 'vitest';
import { packTexts, unpackedTexts } from '../src/analysis/packed-texts.js';

describe('packed texts', () => {
  const texts = ['hi there', '', 'größe überall', 'dm us 🙂 your order number', '日本語のテキスト', 'last one'];

  it('read back exactly, multi-byte characters and empty texts included', () => {
    const list = unpackedTexts(packTexts(texts, 0, texts.length));
    expect(list.length).toBe(texts.length);
    expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(texts);
    expect(list.at(texts.length)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
  });

  it('pack a share from its offset, in shared memory a worker can read', () => {
    const packed = packTexts(texts, 2, 5);
    expect(packed.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(packed.ends.buffer).toBeInstanceOf(SharedArrayBuffer);
    const list = unpackedTexts(packed);
    expect([list.at(0), list.at(1), list.at(2)]).toEqual(texts.slice(2, 5));
  });
});
