/** Reads a posts CSV (RFC 4180, via csv-parse) or JSON array file, streaming, row by row. */
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { jsonArrayElements, MAX_ELEMENT_BYTES } from '../downloads/json-array.js';
import { elementCounter } from '../downloads/element-caps.js';
import { regularStream } from '../downloads/regular-file.js';
import { columnFor, linkReplies, rowToPost, RowError, type PostRow } from './rows.js';
import { plural, type Post, type PostsMapping } from '../../model/index.js';
import { leftOutPost, mappedColumns, mapRow, missingColumns } from './mapping.js';

export class PostsFileError extends Error {
  override name = 'PostsFileError';
}

export interface PostsFile {
  posts: Post[];
  /** Rows read (those a mapping's `where` left out are not counted). */
  rows: number;
  /** Rows a mapping's `where` left out. */
  skipped: number;
  rejected: number;
  /** The first problems, each naming its row. */
  problems: string[];
}

const MAX_PROBLEMS = 20;
/** Dates of left-out rows kept for dating replies: a bounded index, however large the log. */
const MAX_LEFT_OUT = 1_000_000;

export async function readPostsFile(
  path: string,
  options: { snowflakes: boolean; mapping?: PostsMapping | null },
): Promise<PostsFile> {
  const mapping = options.mapping ?? null;
  const good: PostRow[] = [];
  const problems: string[] = [];
  let rows = 0;
  let rejected = 0;
  let skipped = 0;
  // the dates of rows `where` leaves out, by id: a kept reply to one of them is dated by it
  const leftOut = new Map<string, string>();
  /** The row in our columns: the documented names, or the mapping's; null when `where` leaves it out. */
  const ours = (raw: Record<string, unknown>) => {
    if (!mapping) return keyed(Object.entries(raw));
    const row = mapRow(raw, mapping);
    if (row === null) {
      const other = leftOutPost(raw, mapping);
      if (other && leftOut.size < MAX_LEFT_OUT) leftOut.set(other.id, other.date);
    }
    return row;
  };
  const elements = elementCounter('posts file');
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
    for await (const { index, value } of jsonArrayElements(
      await regularStream(path, { singleLink: true, shown: basename(path) }),
    )) {
      elements.count();
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        rows++;
        reject(`element ${index + 1}`, 'expected an object with a "date" field');
        continue;
      }
      let row: Record<string, unknown> | null;
      try {
        row = ours(value as Record<string, unknown>);
      } catch (error) {
        // two keys for one column ("date" and "Date")
        if (!(error instanceof RowError)) throw error;
        rows++;
        reject(`element ${index + 1}`, error.message);
        continue;
      }
      if (row === null) skipped++;
      else accept(row, `element ${index + 1}`, index + 1);
    }
  } else {
    let header: string[] | null = null;
    const parser = (await regularStream(path, { singleLink: true, shown: basename(path) })).pipe(
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
          const missing = mapping ? missingColumns(header, mapping) : [];
          if (missing.length > 0)
            throw new PostsFileError(
              `the mapping reads columns the file does not have: ${missing.join(', ')} (found: ${shown(header)})`,
            );
          const twice = duplicateColumn(header, mapping);
          if (twice !== null) throw new PostsFileError(twice);
          if (!mapping && !header.some((h) => columnFor(h) === 'date')) {
            throw new PostsFileError(
              `no "date" column in the header (found: ${header
                .slice(0, 12)
                .map((h) => (h.length > 30 ? `${h.slice(0, 29)}…` : h))
                .join(', ')}); expected a "date" column (text, isReply and the others are optional)`,
            );
          }
          continue;
        }
        elements.count();
        // numbered as a spreadsheet shows the file: the header is row 1 (a quoted line break stays in its row)
        const number = rows + skipped + 2;
        const row = ours(Object.fromEntries(record.map((v, i) => [header![i] ?? '', v])));
        if (row === null) skipped++;
        else accept(row, `row ${number}`, number);
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
  // rows that all failed are a file read wrongly (another export's columns, another date format), not a quiet account
  if (rows > 0 && good.length === 0)
    throw new PostsFileError(`none of the ${plural(rows, 'row')} could be read: ${problems[0] ?? 'no reason given'}`);
  return { posts: linkReplies(good, options.snowflakes, leftOut), rows, skipped, rejected, problems };
}

/**
 * Two header cells naming one column the reader uses ("date" twice, or "date" and "Date"): which one
 * holds the dates cannot be told, so the file is refused rather than one of them silently read.
 */
function duplicateColumn(header: readonly string[], mapping: PostsMapping | null): string | null {
  const used = mapping ? new Set(mappedColumns(mapping).map((c) => c.column.trim().toLowerCase())) : null;
  const seen = new Map<string, number>();
  for (const [i, cell] of header.entries()) {
    const name = used ? (used.has(cell.trim().toLowerCase()) ? cell.trim().toLowerCase() : null) : columnFor(cell);
    if (name === null) continue;
    const first = seen.get(name);
    if (first !== undefined)
      return `the header names the "${shownName(name)}" column twice (columns ${first + 1} and ${i + 1}): which one to read cannot be told; rename or remove one`;
    seen.set(name, i);
  }
  return null;
}

const shownName = (name: string) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);

function shown(header: readonly string[]): string {
  return header
    .slice(0, 12)
    .map((h) => (h.length > 30 ? `${h.slice(0, 29)}…` : h))
    .join(', ');
}

function keyed(entries: Array<[string, unknown]>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  for (const [name, value] of entries) {
    const column = columnFor(name);
    if (!column) continue;
    if (column in row)
      throw new RowError(
        `"${shownName(from[column]!)}" and "${shownName(name)}" both name the ${column} column; expected one`,
      );
    row[column] = value;
    from[column] = name;
  }
  return row;
}
