/**
 * A YouTube channel's Google Takeout ("YouTube and YouTube Music"), as posts. Pure: rows of the CSV
 * files (objects keyed by header) in, posts out.
 *
 * - `video metadata/videos.csv` (older Takeouts: `videos/videos.csv`): one row per video — `Video ID`,
 *   `Video Title (Original)`, `Privacy`, `Video Create Timestamp`, `Video Publish Timestamp`, … Only
 *   public videos are the channel's public presence; private and unlisted ones are counted, not read.
 * - `comments/comments.csv`: the channel's own comments — `Comment ID`, `Channel ID`, `Comment Create
 *   Timestamp`, `Parent Comment ID`, `Video ID`, `Comment Text`. Since mid-2024 the text is a run of
 *   JSON segments (`{"text":"…"},{"text":"…"}`); before, `{"takeoutSegments":[{"text":"…"}]}`.
 * Header spelling varies between Takeouts ("Video Title (Original)", "Video title (original)"), so
 * headers are matched without case or spaces. The layouts follow google_takeout_parser's tests (docs/owner-downloads.md).
 */
import type { Post } from '../../model/index.js';
import { parseDate } from '../../sources/dates.js';
import { isMentionLed } from '../../sources/text.js';

type Row = Record<string, unknown>;
const MAX_TEXT = 2000;
const squeeze = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/**
 * Each column's header as Takeout writes it in English (first: the name rows are mapped to when a file
 * is recognised by shape), Spanish, Dutch (research33/LAYOUTS.md §4.2: google_takeout_parser's tests, a
 * data-donation project's es and nl files), Portuguese and German (research33/SOURCES-yt.md: importers
 * written against current Takeouts). French and Italian headers are not confirmed by any public sample:
 * such files are recognised by the shape of their values (takeout-shape.ts).
 */
export const HEADERS = {
  videoId: ['Video ID', 'ID de vídeo', 'Video-ID', 'ID do vídeo'],
  videoTitle: [
    'Video Title (Original)',
    'Video Title',
    'Título del vídeo (original)',
    'Videotitel (origineel)',
    'Título do vídeo (original)',
    'Videotitel (Original)',
  ],
  privacy: ['Privacy', 'Privacidad', 'Privacidade', 'Datenschutz'],
  published: [
    'Video Publish Timestamp',
    'Marca de tiempo de publicación del vídeo',
    'Tijdstempel publicatietijd video',
    'Carimbo de data/hora de publicação do vídeo',
    'Zeitstempel bei Videoveröffentlichung',
  ],
  created: [
    'Video Create Timestamp',
    'Marca de tiempo de creación del vídeo',
    'Tijdstempel aanmaaktijd video',
    'Carimbo de data/hora de criação do vídeo',
    'Zeitstempel bei Videoerstellung',
  ],
  commentId: ['Comment ID', 'ID de comentario', 'Reactie-ID', 'ID do comentário', 'Kommentar-ID'],
  commentTime: [
    'Comment Create Timestamp',
    'Marca de tiempo de creación del comentario',
    'Aanmaaktijdstempel reactie',
    'Reactiecreatietijdstempel',
    'Carimbo de data/hora em que o comentário foi criado',
    'Zeitstempel der Erstellung des Kommentars',
  ],
  parent: [
    'Parent Comment ID',
    'ID de comentario principal',
    'Bovenliggende reactie-ID',
    'ID do comentário principal',
    'Übergeordnete Kommentar-ID',
  ],
  commentText: ['Comment Text', 'Texto del comentario', 'Reactietekst', 'Texto do comentário', 'Kommentartext'],
} as const;

/**
 * A video's visibility as Takeout writes it, in the languages YouTube shows them (pt's "Público" and
 * es's "Oculto" seen in downloads; the others are YouTube's own words, research33/SOURCES-yt.md).
 * Public is only ever what is recognised: any other value is of unknown visibility, never public.
 */
const PUBLIC = new Set(['public', 'público', 'publico', 'openbaar', 'öffentlich', 'pubblico', 'publique']);
const NOT_PUBLIC = new Set([
  'private',
  'unlisted',
  'privado',
  'oculto',
  'no listado',
  'privé',
  'verborgen',
  'niet vermeld',
  'privat',
  'nicht gelistet',
  'privée',
  'non répertoriée',
  'non répertorié',
  'privato',
  'non in elenco',
  'não listado',
]);
const word = (value: string) => value.normalize('NFC').trim().toLowerCase();

/** A privacy value this reader knows, in any language (how a privacy column is recognised by shape). */
export const isPrivacyWord = (value: string) => PUBLIC.has(word(value)) || NOT_PUBLIC.has(word(value));

/** Which file a header line is: a channel's comments or its videos (any other Takeout CSV: null). */
export function takeoutKind(headers: readonly string[]): 'comments' | 'videos' | null {
  const has = (names: readonly string[]) => headers.some((h) => names.some((n) => squeeze(n) === squeeze(h)));
  if (has(HEADERS.commentText)) return 'comments';
  if (has(HEADERS.videoTitle) && has(HEADERS.videoId)) return 'videos';
  return null;
}

/** A row's value under the first of `names` it has, matched without case or spaces. */
export function field(row: Row, ...names: readonly string[]): string {
  for (const name of names) {
    const wanted = squeeze(name);
    const key = Object.keys(row).find((k) => squeeze(k) === wanted);
    if (key !== undefined && typeof row[key] === 'string' && row[key] !== '') return row[key] as string;
  }
  return '';
}

/** A Takeout comment's text: JSON segments joined, or the text as it is when it is not JSON. */
export function takeoutText(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('{')) return text;
  try {
    const parsed: unknown[] = JSON.parse(`[${text}]`);
    const segments = parsed.flatMap((item) => {
      const o = item as { takeoutSegments?: unknown; text?: unknown };
      return Array.isArray(o?.takeoutSegments) ? o.takeoutSegments : [o];
    });
    return segments
      .map((s) => (s as { text?: unknown })?.text ?? '')
      .filter((t) => typeof t === 'string')
      .join('');
  } catch {
    return text;
  }
}

const watch = (videoId: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;

/** Why a video is not counted: not public, or of a visibility this reader cannot tell. */
export type LeftOut = 'not public' | 'unknown visibility';

/**
 * One row of `videos.csv`, or why it is left out: a private or unlisted video is not the channel's
 * public presence, and one whose privacy is not recognised is never taken for public. An empty privacy
 * counts as public only in a file read by its known header (`strict` false: older English Takeouts).
 */
export function youtubeVideo(row: Row, file: string, index: number, strict = false): Post | LeftOut {
  const privacy = word(field(row, ...HEADERS.privacy));
  if (NOT_PUBLIC.has(privacy)) return 'not public';
  if (!PUBLIC.has(privacy) && (privacy !== '' || strict)) return 'unknown visibility';
  const id = field(row, ...HEADERS.videoId);
  const text = field(row, ...HEADERS.videoTitle).slice(0, MAX_TEXT);
  return {
    id: id || `${file}#${index + 2}`,
    createdAt: parseDate(field(row, ...HEADERS.published)) ?? parseDate(field(row, ...HEADERS.created)),
    text,
    kind: isMentionLed(text) ? 'mention' : 'original',
    url: id ? watch(id) : null,
    inReplyToCreatedAt: null,
  };
}

/** One row of `comments.csv`; `ownVideos` (the channel's video ids) tells which were written under its own videos. */
export function youtubeComment(row: Row, file: string, index: number, ownVideos: ReadonlySet<string>): Post {
  const videoId = field(row, ...HEADERS.videoId);
  const commentId = field(row, ...HEADERS.commentId);
  // a reply to another comment answers someone (the file does not say whom); a top-level comment
  // under the channel's own video is the channel continuing its own thread (issue 31, item 7)
  const answersAComment = field(row, ...HEADERS.parent) !== '';
  return {
    id: commentId || `${file}#${index + 2}`,
    createdAt: parseDate(field(row, ...HEADERS.commentTime)),
    text: takeoutText(field(row, ...HEADERS.commentText)).slice(0, MAX_TEXT),
    kind: 'reply',
    url: videoId ? `${watch(videoId)}${commentId ? `&lc=${encodeURIComponent(commentId)}` : ''}` : null,
    inReplyToCreatedAt: null,
    onOwnPost: videoId !== '' && ownVideos.has(videoId),
    ...(answersAComment ? { answersSomeone: true } : {}),
  };
}
