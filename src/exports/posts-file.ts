/** Reads a posts CSV (RFC 4180, via csv-parse) or JSON array file, streaming, row by row. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { jsonArrayElements } from './json-array.js';
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
  const accept = (row: Record<string, unknown>, where: string) => {
    rows++;
    try {
      good.push(rowToPost(row, rows));
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
      accept(keyed(Object.entries(value)), `element ${index + 1}`);
    }
  } else {
    let header: string[] | null = null;
    let line = 1; // where the next record starts: csv-parse counts lines up to the end of each record
    const parser = createReadStream(path).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true }),
    );
    parser.on('skip', (error: Error & { lines?: number }) => {
      rows++;
      reject(`line ${error.lines ?? '?'}`, `not valid CSV (${error.message})`);
    });
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const startLine = line;
      line = info.lines;
      if (!header) {
        header = record;
        if (!header.some((h) => columnFor(h) === 'date')) {
          throw new PostsFileError(`no "date" column in the header (found: ${header.slice(0, 12).join(', ')}); expected at least date and text`);
        }
        continue;
      }
      accept(keyed(record.map((v, i) => [header![i] ?? '', v])), `row ${rows + 1} (line ${startLine})`);
    }
    if (!header) throw new PostsFileError('the file is empty (expected a header row: date,text,isReply,...)');
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
