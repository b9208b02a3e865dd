/** YouTube's channel data in Google Takeout: `videos.csv` (the channel's videos) and `comments.csv` (its comments). */
import { plural } from '../../model/index.js';
import { type DownloadFormat, each, mapRows } from '../../sources/downloads/read-files.js';
import { filesDownload } from '../../sources/downloads/files-download.js';
import { youtubeComment, youtubeVideo } from './takeout.js';

const YOUTUBE_VIDEOS = /(^|\/)(video[ _-]?metadata|videos)\/videos\.csv$/i;
const YOUTUBE_COMMENTS = /(^|\/)comments\/comments\.csv$/i;

export const format: DownloadFormat = {
  name: 'YouTube (Google Takeout)',
  files: [YOUTUBE_VIDEOS, YOUTUBE_COMMENTS],
  expected: '…/YouTube and YouTube Music/video metadata/videos.csv or …/comments/comments.csv',
  replyWord: 'comment',
  read: async (names, d) => {
    let notPublic = 0;
    const videos = await each(names, YOUTUBE_VIDEOS, (n) =>
      mapRows(d.rows(n), (row, i) => {
        const video = youtubeVideo(row, n, i);
        if (video === null) notPublic++;
        return video;
      }),
    );
    const own = new Set(videos.flatMap((v) => (v.url ? [new URL(v.url).searchParams.get('v')!] : [])));
    const comments = await each(names, YOUTUBE_COMMENTS, (n) =>
      mapRows(d.rows(n), (row, i) => youtubeComment(row, n, i, own)),
    );
    return {
      posts: [...videos, ...comments],
      ...(notPublic > 0 ? { extra: [`${plural(notPublic, 'private or unlisted video')} not counted`] } : {}),
    };
  },
};

export const read = filesDownload(format);
