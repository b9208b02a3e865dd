/**
 * A CSV file of a download, parsed as it unpacks (csv-parse, streamed): its encoding and delimiter
 * found first (csv-text.ts), a malformed row skipped and counted (`skipped`), a file beyond repair a
 * MalformedFileError — while a cap's refusal (ArchiveError) passes through as it is, failing the download.
 */
import { pipeline, Readable } from 'node:stream';
import { parse as parseCsvStream } from 'csv-parse';
import { backslashQuotes, csvDelimiter, csvEncoding, utf8Of } from './csv-text.js';
import type { Download } from './download.js';
import type { ElementCounter } from './element-caps.js';
import { MalformedFileError } from './malformed.js';
import { ArchiveError } from './unpack-caps.js';

/** Bytes read before the encoding and the header's delimiter are decided. */
const HEAD = 64 * 1024;

/** The file's first bytes (up to its first line end, or HEAD), and all its bytes from the start. */
async function headed(stream: AsyncIterable<Uint8Array>) {
  const source = stream[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let seen = 0;
  let done = false;
  while (seen < HEAD && !done) {
    const next = await source.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      seen += next.value.length;
      if (next.value.includes(0x0a)) break;
    }
  }
  const all = (async function* () {
    yield* head;
    if (!done) for (let n = await source.next(); !n.done; n = await source.next()) yield n.value;
  })();
  return { head: Buffer.concat(head), all };
}

export async function* csvRows<T>(
  download: Download,
  name: string,
  options: object,
  elements: ElementCounter,
  skipped: () => void,
): AsyncGenerator<T> {
  const { head, all } = await headed(download.stream(name));
  const encoding = csvEncoding(head);
  const delimiter = csvDelimiter(new TextDecoder(encoding).decode(head));
  let rows = 0;
  let bad = 0;
  const parser = parseCsvStream({
    ...options,
    delimiter,
    // a stray quote inside a field is read as text: skipping that record instead, csv-parse stays
    // inside the quote and loses every row after it (measured); what still fails is skipped and counted
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: () => {
      bad++;
      skipped();
      elements.count();
      return undefined;
    },
  });
  // pipeline, not pipe: a cap hit while unpacking must fail the parser too, not leave it waiting
  pipeline(Readable.from(backslashQuotes(utf8Of(all, encoding))), parser, () => {});
  try {
    for await (const row of parser as AsyncIterable<T>) {
      elements.count();
      rows++;
      yield row;
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new MalformedFileError(name, `not valid CSV (${(error as Error).message.slice(0, 80)})`);
  }
  if (rows === 0 && bad > 0) throw new MalformedFileError(name, `none of its ${bad} rows could be read as CSV`);
}
