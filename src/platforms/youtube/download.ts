/**
 * YouTube's channel data in Google Takeout: its videos (`videos.csv`) and its comments
 * (`comments.csv`), in whichever language Takeout named its folders and headers. The files are found
 * by their localised names where known (research33/LAYOUTS.md §4.1) and otherwise by their header:
 * any CSV under a `YouTube…` service folder whose header is the comments' or the videos'.
 */
import { plural } from '../../model/index.js';
import { type DownloadFormat, type Files, each, mapRows } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { MalformedFileError } from '../../sources/downloads/malformed.js';
import { ArchiveError } from '../../sources/downloads/unpack-caps.js';
import { takeoutKind, youtubeComment, youtubeVideo } from './takeout.js';

/** en, es, de, nl (confirmed); fr, pt, it (not confirmed: found by header when named otherwise). */
const COMMENTS_NAME = /(^|\/)(comments|comentarios|kommentare|reacties|commentaires|comentários|commenti)\.csv$/i;
/** en, es, de, nl (`video_s.csv`, "video's"); fr, pt, it: not confirmed. */
const VIDEOS_NAME = /(^|\/)(videos|vídeos|vidéos|video_s|video's)\.csv$/i;
/** Any CSV under the service folder (`YouTube and YouTube Music`, `YouTube y YouTube Music`, …). */
const UNDER_YOUTUBE = /(^|\/)YouTube[^/]*\/(.+\/)?[^/]+\.csv$/i;

type Kind = 'comments' | 'videos' | null;

/** A file's kind from its name, or else its header (its first row's keys). */
async function kindOf(name: string, d: Files): Promise<Kind> {
  const nfc = name.normalize('NFC');
  if (COMMENTS_NAME.test(nfc)) return 'comments';
  if (VIDEOS_NAME.test(nfc)) return 'videos';
  try {
    for await (const row of d.rows(name)) return takeoutKind(Object.keys(row));
  } catch (error) {
    // a file beyond repair is noted by the download's reading, and the others read
    if (!(error instanceof MalformedFileError)) throw error;
  }
  return null;
}

export const format: DownloadFormat = {
  name: 'YouTube (Google Takeout)',
  files: [COMMENTS_NAME, VIDEOS_NAME, UNDER_YOUTUBE],
  expected: '…/YouTube and YouTube Music/video metadata/videos.csv or …/comments/comments.csv',
  replyWord: 'comment',
  read: async (names, d) => {
    const kinds = new Map<string, Kind>();
    for (const name of names) kinds.set(name, await kindOf(name, d));
    const of = (kind: Kind) => names.filter((n) => kinds.get(n) === kind);
    if (of('videos').length + of('comments').length === 0)
      throw new ArchiveError(
        `no YouTube videos or comments in the download (expected ${format.expected}); its CSVs: ${names.slice(0, 8).join(', ')}`,
      );
    let notPublic = 0;
    const videos = await each(of('videos'), /./, (n) =>
      mapRows(d.rows(n), (row, i) => {
        const video = youtubeVideo(row, n, i);
        if (video === null) notPublic++;
        return video;
      }),
    );
    const own = new Set(videos.flatMap((v) => (v.url ? [new URL(v.url).searchParams.get('v')!] : [])));
    const comments = await each(of('comments'), /./, (n) =>
      mapRows(d.rows(n), (row, i) => youtubeComment(row, n, i, own)),
    );
    return {
      posts: [...videos, ...comments],
      files: [...of('videos'), ...of('comments')],
      ...(notPublic > 0 ? { extra: [`${plural(notPublic, 'private or unlisted video')} not counted`] } : {}),
    };
  },
};

export const read = filesDownload(format);
