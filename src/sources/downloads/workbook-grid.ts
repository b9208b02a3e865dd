/**
 * The size of the grid a workbook's sheets would unpack to, checked from the XML as it streams and before
 * read-excel-file sees the file: the library makes every sheet a dense array of rows × columns, so one
 * cell at `XFD1048576` (17 billion cells) exhausts memory and one at `ZZZZZZ2000000000` is a V8 fatal
 * error, whatever the file's few bytes. Every `<row r>`, `<c r>` (or their places when `r` is absent),
 * every `<dimension ref>` and every shared string is counted against WORKBOOK_LIMITS (docs/security.md,
 * and limits"); a sheet beyond them is a clear error on its profile.
 */
import { ArchiveError } from './unpack-caps.js';

export interface WorkbookLimits {
  /** Rows of one sheet (the row number of its last row). */
  maxRows: number;
  /** Columns of one sheet (the column number of its rightmost cell). */
  maxColumns: number;
  /** Rows × columns of one sheet: the cells the library allocates. */
  maxCells: number;
  /** Strings of the shared-strings table. */
  maxSharedStrings: number;
}

/**
 * A LinkedIn page's content export has one row per post and about 20 columns: ten years of a post a
 * day is 3,650 rows. The grid cap is ~40 MB of cell slots in the library's arrays.
 */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 5_000_000,
  maxSharedStrings: 1_000_000,
};

/** A tag longer than this (a `<c>` is a few dozen bytes) is refused rather than carried between chunks. */
const MAX_TAG = 64 * 1024;
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension|si|sst)(?=[\s/>])([^>]*)>/g;
const R_ATTR = /\sr\s*=\s*["']([^"']*)["']/;
const REF_ATTR = /\sref\s*=\s*["']([^"']*)["']/;
const COUNT_ATTR = /\suniqueCount\s*=\s*["'](\d+)["']/;
const CELL = /^\$?([A-Za-z]{1,10})\$?(\d{1,15})$/;

const grouped = (n: number) => n.toLocaleString('en-US');

/** A cell reference as [row, column], or null when it is not one (the library then refuses the file itself). */
export function cellAddress(ref: string): [number, number] | null {
  const m = CELL.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), column];
}

/** Counts one XML part of a workbook, chunk by chunk; throws an ArchiveError at the first reference beyond the limits. */
export function gridCounter(file: string, part: string, limits: WorkbookLimits = WORKBOOK_LIMITS) {
  let carry = '';
  let row = 0; // the current row's number
  let column = 0; // the current row's last cell
  let maxColumn = 0;
  let strings = 0;
  const where = `${file}: ${part.slice(0, 80)}`;
  const limitText = `the reader's limit of ${grouped(limits.maxRows)} rows, ${grouped(limits.maxColumns)} columns and ${grouped(limits.maxCells)} cells a sheet`;
  const check = (r: number, c: number, what: string) => {
    if (r > limits.maxRows || c > limits.maxColumns || r * Math.max(c, maxColumn) > limits.maxCells)
      throw new ArchiveError(`${where}: ${what} is beyond ${limitText}: refused`);
  };
  const tag = (name: string, attributes: string) => {
    if (name === 'row') {
      const r = R_ATTR.exec(attributes)?.[1];
      const n = r === undefined ? row + 1 : Number(r);
      row = Number.isSafeInteger(n) && n > row ? n : row + 1;
      column = 0;
      check(row, 0, `row ${r ?? row}`);
    } else if (name === 'c') {
      const r = R_ATTR.exec(attributes)?.[1];
      const at = r === undefined ? null : cellAddress(r);
      if (at) {
        row = Math.max(row, at[0]);
        column = at[1];
      } else column++;
      check(row, column, `cell ${r?.slice(0, 40) ?? `${column} of row ${row}`}`);
      maxColumn = Math.max(maxColumn, column);
    } else if (name === 'dimension') {
      const ref = REF_ATTR.exec(attributes)?.[1] ?? '';
      for (const corner of ref.split(':')) {
        const at = cellAddress(corner);
        if (at) check(at[0], at[1], `the sheet's dimension ${ref.slice(0, 40)}`);
      }
    } else if (name === 'si') {
      if (++strings > limits.maxSharedStrings)
        throw new ArchiveError(`${where}: more than ${grouped(limits.maxSharedStrings)} shared strings: refused`);
    } else if (name === 'sst') {
      const declared = Number(COUNT_ATTR.exec(attributes)?.[1] ?? 0);
      if (declared > limits.maxSharedStrings)
        throw new ArchiveError(
          `${where}: ${grouped(declared)} shared strings declared, beyond the reader's limit of ${grouped(limits.maxSharedStrings)}: refused`,
        );
    }
  };
  return (chunk: Uint8Array): void => {
    // tags are ASCII: latin1 keeps every byte one character, whatever the text between them
    const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const open = text.lastIndexOf('<');
    const complete = open > text.lastIndexOf('>') ? open : text.length;
    TAG.lastIndex = 0;
    const body = text.slice(0, complete);
    for (let m = TAG.exec(body); m !== null; m = TAG.exec(body)) tag(m[1]!, m[2]!);
    carry = text.slice(complete);
    if (carry.length > MAX_TAG) throw new ArchiveError(`${where}: a tag longer than ${MAX_TAG} bytes: refused`);
  };
}
