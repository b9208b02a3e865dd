/**
 * YouTube's channel data in Google Takeout: its videos (`videos.csv`) and its comments
 * (`comments.csv`), in whichever language Takeout named its folders and headers. The files are found
 * by their localised names where known (research33/LAYOUTS.md §4.1) and otherwise by their header:
 * any CSV under a `YouTube…` service folder whose header is the comments' or the videos'. A header in a
 * language not known here is read from the shape of the file's values (takeout-shape.ts), so a Takeout
 * in any language is read; a video whose privacy is not recognised is left out and counted.
 */
import { plural } from '../../model/index.js';
import { type DownloadFormat, type Files, type Row, each, mapRows } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { MalformedFileError } from '../../sources/downloads/malformed.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';
import { type Columns, inEnglish, shapeOf } from './takeout-shape.js';
import { isPrivacyWord, takeoutKind, youtubeComment, youtubeVideo } from './takeout.js';

/** en, es, de, nl (confirmed); fr, pt, it (not confirmed: found by header when named otherwise). */
const COMMENTS_NAME = /(^|\/)(comments|comentarios|kommentare|reacties|commentaires|comentários|commenti)\.csv$/i;
/** en, es, de, nl (`video_s.csv`, "video's"); fr, pt, it: not confirmed. */
const VIDEOS_NAME = /(^|\/)(videos|vídeos|vidéos|video_s|video's)\.csv$/i;
/** Any CSV under the service folder (`YouTube and YouTube Music`, `YouTube y YouTube Music`, …). */
const UNDER_YOUTUBE = /(^|\/)YouTube[^/]*\/(.+\/)?[^/]+\.csv$/i;

type Kind = 'comments' | 'videos' | null;
/** A file's kind, and — when its header is in a language not known here — which column holds what. */
interface Read {
  kind: Kind;
  columns?: Columns;
  /** Its header is not a known one: an empty or unknown privacy is never taken for public. */
  strict: boolean;
}

/** Rows looked at to recognise a file by the shape of its values. */
const SAMPLE = 50;

/** A file's kind from its name, or else its header (its first row's keys), or else its values' shape. */
async function kindOf(name: string, d: Files): Promise<Read> {
  const nfc = name.normalize('NFC');
  const named: Kind = COMMENTS_NAME.test(nfc) ? 'comments' : VIDEOS_NAME.test(nfc) ? 'videos' : null;
  const sample: Row[] = [];
  try {
    for await (const row of d.rows(name)) {
      sample.push(row);
      if (sample.length >= SAMPLE) break;
    }
  } catch (error) {
    // a file beyond repair is noted by the download's reading, and the others read
    if (!(error instanceof MalformedFileError)) throw error;
  }
  const headers = Object.keys(sample[0] ?? {});
  const byHeader = takeoutKind(headers);
  if (byHeader !== null && (named === null || named === byHeader)) return { kind: byHeader, strict: false };
  const shape = shapeOf(nfc, headers, sample, isPrivacyWord);
  if (shape !== null && (named === null || named === shape.kind)) return { ...shape, strict: true };
  return { kind: named, strict: true };
}

export const format: DownloadFormat = {
  name: 'YouTube (Google Takeout)',
  files: [COMMENTS_NAME, VIDEOS_NAME, UNDER_YOUTUBE],
  expected: '…/YouTube and YouTube Music/video metadata/videos.csv or …/comments/comments.csv',
  replyWord: 'comment',
  read: async (names, d) => {
    const reads = new Map<string, Read>();
    for (const name of names) reads.set(name, await kindOf(name, d));
    const of = (kind: Kind) => names.filter((n) => reads.get(n)?.kind === kind);
    if (of('videos').length + of('comments').length === 0)
      throw new ArchiveError(
        `no YouTube videos or comments in the download (expected ${format.expected}); its CSVs: ${names.slice(0, 8).join(', ')}`,
      );
    // a file recognised by shape is read as if its header were English
    const rowsOf = (n: string) => {
      const columns = reads.get(n)?.columns;
      if (!columns) return d.rows(n);
      return (async function* () {
        for await (const row of d.rows(n)) yield inEnglish(row, columns);
      })();
    };
    const left = { 'not public': 0, 'unknown visibility': 0 };
    const videos = await each(of('videos'), /./, (n) =>
      mapRows(rowsOf(n), (row, i) => {
        const video = youtubeVideo(row, n, i, reads.get(n)?.strict);
        if (typeof video !== 'string') return video;
        left[video]++;
        return null;
      }),
    );
    const own = new Set(videos.flatMap((v) => (v.url ? [new URL(v.url).searchParams.get('v')!] : [])));
    const comments = await each(of('comments'), /./, (n) =>
      mapRows(rowsOf(n), (row, i) => youtubeComment(row, n, i, own)),
    );
    const extra = [
      ...(left['not public'] > 0 ? [`${plural(left['not public'], 'private or unlisted video')} not counted`] : []),
      ...(left['unknown visibility'] > 0
        ? [`${plural(left['unknown visibility'], 'video')} of unknown visibility left out`]
        : []),
    ];
    return {
      posts: [...videos, ...comments],
      files: [...of('videos'), ...of('comments')],
      ...(extra.length > 0 ? { extra } : {}),
    };
  },
};

export const read = filesDownload(format);
