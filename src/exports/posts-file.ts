/** Reads a posts CSV (RFC 4180, via csv-parse) or JSON array file, streaming, row by row. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { jsonArrayElements, MAX_ELEMENT_BYTES } from './json-array.js';
import { columnFor, linkReplies, rowToPost, RowError, type PostRow } from './posts-rows.js';
import type { Post } from '../model/index.js';

export class PostsFileError extends Error {
  override name = 'PostsFileError';
}

export interface PostsFile {
  posts: Post[];
  rows: number;
  rejected: number;
  /** The first problems, each naming its row. */
  problems: string[];
}

const MAX_PROBLEMS = 20;

export async function readPostsFile(path: string, options: { snowflakes: boolean }): Promise<PostsFile> {
  const good: PostRow[] = [];
  const problems: string[] = [];
  let rows = 0;
  let rejected = 0;
  const reject = (where: string, why: string) => {
    rejected++;
    if (problems.length < MAX_PROBLEMS) problems.push(`${where}: ${why}`);
  };
  const accept = (row: Record<string, unknown>, where: string, number: number) => {
    rows++;
    try {
      good.push(rowToPost(row, number));
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      reject(where, error.message);
    }
  };

  if (/\.json$/i.test(path)) {
    for await (const { index, value } of jsonArrayElements(createReadStream(path))) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        rows++;
        reject(`element ${index + 1}`, 'expected an object with a "date" field');
        continue;
      }
      accept(keyed(Object.entries(value)), `element ${index + 1}`, index + 1);
    }
  } else {
    let header: string[] | null = null;
    const parser = createReadStream(path).pipe(
      // lenient as spreadsheets are: a stray quote inside a field is text, short rows are padded
      // a row of more than MAX_ELEMENT_BYTES is refused, never buffered whole
      parse({
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        max_record_size: MAX_ELEMENT_BYTES,
      }),
    );
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) {
          header = record;
          if (!header.some((h) => columnFor(h) === 'date')) {
            throw new PostsFileError(
              `no "date" column in the header (found: ${header
                .slice(0, 12)
                .map((h) => (h.length > 30 ? `${h.slice(0, 29)}…` : h))
                .join(', ')}); expected a "date" column (text, isReply and the others are optional)`,
            );
          }
          continue;
        }
        // numbered as a spreadsheet shows the file: the header is row 1 (a quoted line break stays in its row)
        accept(keyed(record.map((v, i) => [header![i] ?? '', v])), `row ${rows + 2}`, rows + 2);
      }
    } catch (error) {
      // what is left after the lenient options: a quote that never closes swallows the rest of the file
      if ((error as { code?: string }).code?.startsWith('CSV_'))
        throw new PostsFileError(`not valid CSV: ${(error as Error).message}`);
      throw error;
    }
    if (!header)
      throw new PostsFileError(
        'the file is empty (expected a header row with a "date" column, e.g. date,text,isReply; only date is required)',
      );
  }
  return { posts: linkReplies(good, options.snowflakes), rows, rejected, problems };
}

function keyed(entries: Array<[string, unknown]>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const column = columnFor(name);
    if (column && !(column in row)) row[column] = value;
  }
  return row;
}
