/**
 * A Takeout CSV whose header is in a language not known here, recognised by the SHAPE of its values:
 * Takeout writes the same values in every language (ISO-8601 times with an offset, 11-character video
 * ids, 24-character `UC…` channel ids, comment text as JSON segments), only the header is translated.
 * Pure: a header and a few sample rows in, which file it is and which column holds what out.
 *
 * - comments: a column of `{"text":…}` / `{"takeoutSegments":…}` JSON, a timestamp column, a video-id column;
 * - videos: a video-id column in every row, a title column, timestamp(s), and a privacy column — the
 *   column holding a privacy word this reader knows (takeout.ts). Without one the file is not taken for
 *   videos: other Takeout CSVs (video texts, recordings, playlist items) also pair video ids with times.
 */
import type { Row } from '../../sources/downloads/read-files.js';
import { HEADERS } from './takeout.js';

export type Role = keyof typeof HEADERS;
export type Columns = Partial<Record<Role, string>>;
export interface Shape {
  kind: 'comments' | 'videos';
  /** Each role's header in this file. */
  columns: Columns;
}

type Cell = 'time' | 'videoId' | 'channel' | 'json' | 'number' | 'id' | 'text' | 'empty';

const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const JSON_TEXT = /^\{\s*"(text|takeoutSegments)"\s*:/;
const NUMBER = /^-?\d+([.,]\d+)?$/;
/** Comment ids (`Ugz…AaABAg`, replies `….8x…`), post ids: long, no spaces. */
const OTHER_ID = /^[A-Za-z0-9_.-]{12,}$/;
/** "Title" in the languages Takeout writes (Title, Titel, Título, Titre, Titolo): a tie-breaker only. */
const TITLE_HINT = /t[ií]t(le|el|ulo|re|olo)/i;
/** YouTube titles are at most 100 characters, on one line. */
const TITLE_MAX = 100;

const value = (row: Row, header: string) => (typeof row[header] === 'string' ? (row[header] as string).trim() : '');

/** What every non-empty sampled value of a column looks like. */
function cellOf(values: readonly string[]): Cell {
  if (values.length === 0) return 'empty';
  const all = (re: RegExp) => values.every((v) => re.test(v));
  if (all(TIME)) return 'time';
  if (all(NUMBER)) return 'number';
  if (all(VIDEO_ID)) return 'videoId';
  if (all(CHANNEL_ID)) return 'channel';
  if (all(JSON_TEXT)) return 'json';
  if (all(OTHER_ID)) return 'id';
  return 'text';
}

/**
 * Which file `headers` + `sample` (its first rows) are, or null. `isPrivacyWord` tells a privacy value
 * this reader knows (any language); `name` keeps live chats (`…chat…`), shaped like comments, out.
 */
export function shapeOf(
  name: string,
  headers: readonly string[],
  sample: readonly Row[],
  isPrivacyWord: (value: string) => boolean,
): Shape | null {
  if (sample.length === 0) return null;
  const cols = headers.map((h) => {
    const values = sample.map((r) => value(r, h)).filter((v) => v !== '');
    return { h, values, cell: cellOf(values), full: values.length === sample.length };
  });
  const first = (cell: Cell) => cols.find((c) => c.cell === cell);
  const times = cols.filter((c) => c.cell === 'time');
  const [created, published] = times;
  const json = first('json');
  const videoId = first('videoId');

  if (json && videoId && created) {
    // a live chat has exactly the comments' shape; Takeout names it "live chats", "chats ao vivo", "Livechats"…
    if (/chat/i.test(name.split('/').pop() ?? '')) return null;
    const ids = cols.filter((c) => c.cell === 'id');
    const commentId = ids.find((c) => c.full);
    // the parent's id is another id column, never the row's own id (a top-level comment has none)
    const parent = ids.find(
      (c) => c !== commentId && sample.every((r) => !commentId || value(r, c.h) !== value(r, commentId.h)),
    );
    return {
      kind: 'comments',
      columns: {
        commentText: json.h,
        commentTime: created.h,
        videoId: videoId.h,
        ...(commentId ? { commentId: commentId.h } : {}),
        ...(parent ? { parent: parent.h } : {}),
      },
    };
  }

  if (json || !videoId?.full || !created) return null;
  const privacy = cols.find((c) => c.cell === 'text' && c.values.some(isPrivacyWord));
  if (!privacy) return null;
  const titles = cols.filter(
    (c) =>
      c !== privacy && c.cell === 'text' && c.full && c.values.every((v) => v.length <= TITLE_MAX && !/\n/.test(v)),
  );
  const distinct = (c: (typeof cols)[number]) => new Set(c.values).size;
  const title =
    titles.find((c) => TITLE_HINT.test(c.h)) ?? [...titles].sort((a, b) => distinct(b) - distinct(a))[0] ?? undefined;
  if (!title) return null;
  return {
    kind: 'videos',
    columns: {
      videoId: videoId.h,
      videoTitle: title.h,
      privacy: privacy.h,
      // Takeout writes the creation time before the publication time, in every language seen
      created: created.h,
      ...(published ? { published: published.h } : {}),
    },
  };
}

/** A row of a shape-recognised file keyed by the English headers the readers look for. */
export function inEnglish(row: Row, columns: Columns): Row {
  const out: Row = {};
  for (const [role, header] of Object.entries(columns) as [Role, string][]) out[HEADERS[role][0]] = row[header];
  return out;
}
