/**
 * An owner's download on disk (zip, folder, or the one spreadsheet a page admin exports) → the posts
 * and comments it holds, through the platform's format (its `download.ts`: which files it looks for,
 * and how it reads them): the files are found, streamed within the caps, and the account's replies
 * judged (own-replies.ts); the note says what was read.
 */
import { plural, type Post } from '../../model/index.js';
import { csvRows } from './csv-rows.js';
import { type Download, openDownload } from './download.js';
import { type ElementCounter, elementCounter, parseJsonCapped } from './element-caps.js';
import { JsonArrayError, jsonArrayElements } from './json-array.js';
import { type ItemFile, itemsOf } from './items.js';
import { MalformedFileError } from './malformed.js';
import { ArchiveError } from './unpack-caps.js';
import { filesRead } from './files-read.js';
import { readWorkbook, type Sheet } from './workbook.js';

export type { Sheet };
import { ownReplies } from './own-replies.js';

export type Row = Record<string, unknown>;

/** What a format may ask of the download: its file names and each file's content, parsed. */
export interface Files {
  names: readonly string[];
  json(name: string): Promise<unknown>;
  /** The items of a list file (ItemFile), streamed one at a time where the file allows. */
  items(name: string, spec: ItemFile): Promise<Post[]>;
  /** A CSV's rows as objects keyed by header, streamed. */
  rows(name: string): AsyncIterable<Row>;
  /** A CSV as rows of cells, for files whose header is not on the first line. */
  csvArrays(name: string): Promise<string[][]>;
  sheets(name: string): Promise<Sheet[]>;
  timeZone: string;
  /** The account's name from the profile's URL (`instagram.com/<name>`), to tell its own posts. */
  ownName: string | null;
  /** Counts items of a file parsed whole against the download's element cap (element-caps.ts). */
  count(n: number): void;
}

export interface Found {
  posts: Post[];
  /** Said after the counts: what else the files showed ("3 private or unlisted videos not counted"). */
  extra?: string[];
  /** Why the account's replies cannot be seen in this download (conversation and canned are then unknown). */
  repliesHidden?: string;
  /** Its replies carry when what they answer was written (a parent id that encodes a time): response time is measured. */
  repliesDated?: boolean;
  /** The files it read, where fewer than those its patterns matched (the note counts these). */
  files?: readonly string[];
}

/** A platform's download format: the files that make a download its own, and how they are read. */
export interface DownloadFormat {
  name: string;
  /** The files that make a download this platform's (any one is enough). */
  files: RegExp[];
  expected: string;
  /** Its times have no zone (read in settings.exportTimeZone, said in the note). */
  localTimes?: boolean;
  replyWord: 'comment' | 'reply';
  read(files: string[], download: Files): Promise<Found>;
}

/** Appends in a loop: `push(...items)` overflows the call stack past ~100,000 items (a large download). */
export function append(target: Post[], items: readonly Post[]): void {
  for (const item of items) target.push(item);
}

/** Each row as a post, or nothing (null), one row at a time: a file of a million rows never sits in memory as rows. */
export async function mapRows(
  rows: AsyncIterable<Row>,
  toPost: (row: Row, index: number) => Post | null,
): Promise<Post[]> {
  const posts: Post[] = [];
  let i = 0;
  for await (const row of rows) {
    const p = toPost(row, i++);
    if (p !== null) posts.push(p);
  }
  return posts;
}

/**
 * Reads each file of `names` that matches `pattern`, in name order, appending what `read` returns. A
 * malformed file (MalformedFileError, already noted by the download's Files) is passed over: a bad
 * part never loses the rest. A cap's refusal (ArchiveError) still ends the download.
 */
export async function each(names: string[], pattern: RegExp, read: (name: string) => Promise<readonly Post[]>) {
  const posts: Post[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    try {
      append(posts, await read(name));
    } catch (error) {
      if (!(error instanceof MalformedFileError)) throw error;
    }
  }
  return posts;
}

/**
 * A list file's items, one at a time: a file that is the list itself, or an object whose first key
 * holds it (`{"comments_v2": [`), is streamed, so memory follows the posts kept, not the file; any
 * other shape is parsed whole (within the unpacking caps).
 */
async function streamedItems(
  download: Download,
  name: string,
  spec: ItemFile,
  ownName: string | null,
  elements: ElementCounter,
) {
  const source = download.stream(name)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let seen = 0;
  let done = false;
  while (seen < 512 && !done) {
    const next = await source.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      seen += next.value.length;
    }
  }
  const rest = (async function* () {
    yield* head;
    if (!done) for (let n = await source.next(); !n.done; n = await source.next()) yield n.value;
  })();
  const start = Buffer.concat(head).toString('utf8', 0, 512);
  const listFirst = new RegExp(`^\\uFEFF?\\s*(\\[|\\{\\s*"(${spec.keys.join('|')})"\\s*:\\s*\\[)`);
  if (!listFirst.test(start)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of rest) chunks.push(chunk);
    let parsed: unknown;
    try {
      parsed = parseJsonCapped(Buffer.concat(chunks), name);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new MalformedFileError(name, `not JSON (${(error as Error).message.slice(0, 80)})`);
    }
    return itemsOf(parsed, spec, name, ownName, (n) => elements.count(n));
  }
  const posts: Post[] = [];
  try {
    for await (const { index, value } of jsonArrayElements(rest)) {
      elements.count();
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        posts.push(spec.item(value as Record<string, unknown>, name, index, ownName));
    }
  } catch (error) {
    if (error instanceof JsonArrayError)
      throw new MalformedFileError(name, `not JSON (${error.message.slice(0, 120)})`);
    throw error;
  }
  return posts;
}

export interface DownloadContents {
  posts: Post[];
  note: string;
  /** What the download cannot show, and why: the account's replies, or when what they answer was written. */
  hidden: { replies?: string; responseTime?: string };
}

export async function readDownloadFiles(
  reader: DownloadFormat,
  path: string,
  folder: boolean,
  timeZone = 'UTC',
  ownName: string | null = null,
): Promise<DownloadContents> {
  const download = await openDownload(path, folder);
  try {
    const files = download.names.filter((n) => reader.files.some((f) => f.test(n))).sort();
    if (files.length === 0) {
      const top = [...new Set(download.names.map((n) => n.split('/')[0]!))].slice(0, 8).join(', ');
      throw new ArchiveError(
        `no ${reader.name} posts or comments in the download (expected ${reader.expected}); it holds: ${top || 'nothing'}`,
      );
    }
    const elements = elementCounter('download');
    // what could not be read: rows skipped per file, files beyond repair (each() passes them over)
    const skipped = new Map<string, number>();
    const unreadable = new Map<string, MalformedFileError>();
    const noted = (error: unknown): never => {
      if (error instanceof MalformedFileError && !unreadable.has(error.file)) unreadable.set(error.file, error);
      throw error;
    };
    async function* rows<T>(name: string, options: object): AsyncGenerator<T> {
      const skip = () => skipped.set(name, (skipped.get(name) ?? 0) + 1);
      try {
        yield* csvRows<T>(download, name, options, elements, skip);
      } catch (error) {
        noted(error);
      }
    }
    const json = async (name: string): Promise<unknown> => {
      const bytes = await download.read(name);
      try {
        return parseJsonCapped(bytes, name);
      } catch (error) {
        if (error instanceof ArchiveError) throw error;
        return noted(new MalformedFileError(name, `not JSON (${(error as Error).message.slice(0, 80)})`));
      }
    };
    const csvOptions = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;
    const access: Files = {
      names: download.names,
      json,
      items: (name, spec) => streamedItems(download, name, spec, ownName, elements).catch(noted),
      rows: (name) => rows<Row>(name, { ...csvOptions, columns: true }),
      csvArrays: async (name) => {
        const all: string[][] = [];
        for await (const row of rows<string[]>(name, csvOptions)) all.push(row);
        return all;
      },
      sheets: async (name) => readWorkbook(await download.read(name), name),
      timeZone,
      ownName,
      count: (n) => elements.count(n),
    };
    const found = await reader.read(files, access);
    for (const name of unreadable.keys()) skipped.delete(name);
    const problems = [
      ...[...skipped].map(([name, n]) => `${plural(n, 'row')} of ${name} could not be read`),
      ...[...unreadable.values()].map((e) => `${e.file} could not be read (${e.reason})`),
    ];
    if (found.posts.length === 0 && problems.length > 0)
      throw new ArchiveError(
        [
          ...[...skipped].map(([name, n]) => `none of the ${plural(n, 'row')} of ${name} could be read`),
          ...[...unreadable.values()].map((e) => e.message),
        ].join('; '),
      );
    const { posts, counts } = ownReplies(found.posts, reader.replyWord, Boolean(found.repliesHidden));
    const zone = reader.localTimes
      ? `; its local times are read as ${timeZone === 'UTC' ? 'UTC' : `UTC${timeZone}`}`
      : '';
    const read = found.files ?? files;
    // the layout changes with the era: the note says which files the numbers come from
    const extra = [filesRead(read), ...(found.extra ?? [])].map((e) => `; ${e}`).join('');
    const partial = problems.length ? `; ${problems.join('; ')}: the profile is measured from what could be read` : '';
    const note = `the owner's ${reader.name} download (${plural(read.length, 'file')}): ${counts}${extra}${partial}${zone}`;
    const responseTime = `the ${reader.name} download holds the account's own ${reader.replyWord}s, not what they answer or when that was written`;
    return {
      posts,
      note,
      hidden: {
        ...(found.repliesHidden ? { replies: found.repliesHidden } : {}),
        ...(found.repliesDated ? {} : { responseTime }),
      },
    };
  } finally {
    await download.close();
  }
}
