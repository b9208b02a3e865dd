/**
 * A posts file in someone else's columns (`posts: {file, columns, where, dateFormat}`): each row of
 * the file becomes a row in our documented columns — renamed, filtered to the rows `where` keeps, a
 * yes/no column made from the file's own, dates read in the stated format — so a support log or a
 * tool's export is read as it comes, without a conversion script.
 */
import { parseDate, parseDateIn } from '../dates.js';
import type { BooleanRule, DateFormat, PostColumn, PostsMapping } from '../../model/index.js';

/** The file's columns a mapping reads (for the header check), with what each is for. */
export function mappedColumns(mapping: PostsMapping): Array<{ column: string; for: string }> {
  const out: Array<{ column: string; for: string }> = [];
  for (const [ours, rule] of Object.entries(mapping.columns) as Array<[PostColumn, string | BooleanRule]>) {
    const column = typeof rule === 'string' ? rule : 'present' in rule ? rule.present : rule.column;
    out.push({ column, for: ours });
  }
  for (const column of Object.keys(mapping.where)) out.push({ column, for: 'where' });
  return out;
}

/** The columns a mapping needs that the header lacks, as "created_at (for date)". */
export function missingColumns(header: readonly string[], mapping: PostsMapping): string[] {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  return mappedColumns(mapping)
    .filter((c) => !have.has(c.column.toLowerCase()))
    .map((c) => `${c.column} (for ${c.for})`);
}

/** A row's value by the file's column name, matched without regard to case. */
function cell(raw: Record<string, unknown>, column: string): unknown {
  if (column in raw) return raw[column];
  const lower = column.toLowerCase();
  const key = Object.keys(raw).find((k) => k.trim().toLowerCase() === lower);
  return key === undefined ? undefined : raw[key];
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

/** The row in our columns; null when `where` leaves it out. */
export function mapRow(
  raw: Record<string, unknown>,
  mapping: PostsMapping,
): Partial<Record<PostColumn, unknown>> | null {
  for (const [column, values] of Object.entries(mapping.where))
    if (!values.includes(text(cell(raw, column)))) return null;
  return mapColumns(raw, mapping);
}

/**
 * A row `where` leaves out, as the id and date of a post a kept row may answer (the customer's
 * message a support reply answers): the reply's response time comes from it. Null without both.
 */
export function leftOutPost(raw: Record<string, unknown>, mapping: PostsMapping): { id: string; date: string } | null {
  const row = mapColumns(raw, mapping);
  const id = text(row.id);
  const date = parseDate(text(row.date));
  return id !== '' && date !== null ? { id, date } : null;
}

function mapColumns(raw: Record<string, unknown>, mapping: PostsMapping): Partial<Record<PostColumn, unknown>> {
  const row: Partial<Record<PostColumn, unknown>> = {};
  for (const [ours, rule] of Object.entries(mapping.columns) as Array<[PostColumn, string | BooleanRule]>) {
    if (typeof rule === 'string') row[ours] = cell(raw, rule);
    else if ('present' in rule) row[ours] = text(cell(raw, rule.present)) !== '';
    else row[ours] = rule.equals.includes(text(cell(raw, rule.column)));
  }
  for (const column of ['date', 'inReplyToDate'] as const) {
    const value = text(row[column]);
    if (value !== '') row[column] = dateIn(value, mapping.dateFormat, mapping.timeZone) ?? value;
  }
  return row;
}

const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date in the stated format as ISO text for the row reader, or null (the reader then says the value
 * is not a date). Local times without a zone are in `timeZone` (an offset), else UTC.
 */
export function dateIn(value: string, format: DateFormat, timeZone: string | null): string | null {
  const zone = timeZone ?? 'Z';
  if (format === 'epoch-seconds' || format === 'epoch-ms') {
    if (!/^\d{1,13}(\.\d+)?$/.test(value)) return null;
    const ms = Number(value) * (format === 'epoch-seconds' ? 1000 : 1);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  }
  if (format === 'auto') return parseDateIn(value, timeZone);
  const m = (format === 'YYYY/MM/DD' ? YEAR_FIRST : DAY_FIRST).exec(value);
  if (!m) return null;
  const [year, month, day] =
    format === 'YYYY/MM/DD'
      ? [m[1]!, m[2]!, m[3]!]
      : format === 'MM/DD/YYYY'
        ? [m[3]!, m[1]!, m[2]!]
        : [m[3]!, m[2]!, m[1]!];
  const two = (s: string) => s.padStart(2, '0');
  const time = m[4] === undefined ? '00:00:00' : `${two(m[4])}:${m[5]}:${m[6] ?? '00'}`;
  return parseDate(`${year}-${two(month)}-${two(day)}T${time}${zone}`);
}
