/**
 * The streaming JSON array reader owner downloads are read with (tweets.js and its like).
 */
import { describe, expect, it } from 'vitest';
import { JsonArrayError, jsonArrayElements } from '../src/sources/downloads/json-array.js';

async function collect(chunks: Array<string | Buffer>) {
  const out: unknown[] = [];
  for await (const { value } of jsonArrayElements(chunks)) out.push(value);
  return out;
}

describe('jsonArrayElements', () => {
  const doc =
    'window.YTD.tweets.part0 = [ {"a": "],{\\"[", "b": [1, {"c": null}]}, "x\\\\", 3.5, true, {"é": "日本語 🌲"} ]\n';

  it('yields each element of the array after any prefix, whatever the chunk boundaries', async () => {
    const expected = JSON.parse(doc.slice(doc.indexOf('[')));
    expect(await collect([doc])).toEqual(expected);
    const bytes = Buffer.from(doc);
    expect(await collect([...bytes].map((b) => Buffer.from([b])))).toEqual(expected); // one byte at a time, splitting UTF-8
  });

  it('reads an empty array', async () => {
    expect(await collect(['[ ]'])).toEqual([]);
  });

  it('parses the elements that end in one chunk as one batch and still names the bad one, or the empty one, by position', async () => {
    const many = `{"comments_v2": [${Array.from({ length: 500 }, (_, i) => `{"n": ${i}, "t": "é,]\\"${i}"}`).join(',')}]}`;
    const expected = JSON.parse(many).comments_v2;
    for (const size of [7, 64, 4096, many.length]) {
      const bytes = Buffer.from(many);
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) =>
        bytes.subarray(k * size, (k + 1) * size),
      );
      expect(await collect(chunks)).toEqual(expected);
    }
    expect(await collect(['[1, 2, ]'])).toEqual([1, 2]); // a trailing comma, as before
    await expect(collect(['[1, 2, {x}, 4]'])).rejects.toThrow(/element 3 is not valid JSON/);
    await expect(collect(['[1, , 3]'])).rejects.toThrow(/empty element before position 2/);
    await expect(collect(['[1, 2', ', 3, {x}]'])).rejects.toThrow(/element 4 is not valid JSON/);
  });

  it.each([
    ['a cut-off array', '[{"a": 1}, {"b": ', /cut off after 1 complete element/],
    ['a malformed element', '[{"a": 1}, {b: 2}]', /element 2 is not valid JSON/],
    ['no array at all', 'window.x = {}', /no JSON array found/],
  ])('fails clearly on %s', async (_, text, message) => {
    await expect(collect([text])).rejects.toThrow(JsonArrayError);
    await expect(collect([text])).rejects.toThrow(message);
  });
});
