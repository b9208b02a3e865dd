/** The data download TikTok gives an account's owner, in its layout (src/platforms/tiktok/download.ts reads it). */
import type { DownloadPost } from '../../../scripts/formats/downloads.js';

/** TikTok's `user_data_tiktok.json`: videos and comments, local times without a zone ("2023-09-14 18:22:05"). */
export function tiktokUserData(videos: readonly DownloadPost[], comments: readonly DownloadPost[]): string {
  const local = (iso: string) => iso.slice(0, 19).replace('T', ' ');
  return JSON.stringify(
    {
      Profile: { 'Profile Information': { ProfileMap: { userName: 'northwind' } } },
      Video: {
        Videos: {
          VideoList: videos.map((v, i) => ({
            Date: local(v.at),
            Link: `https://www.tiktokv.com/share/video/7${String(i).padStart(18, '0')}/`,
            Likes: String(10 + i),
            Description: v.text,
          })),
        },
      },
      Comment: { Comments: { CommentsList: comments.map((c) => ({ Date: local(c.at), Comment: c.text })) } },
    },
    null,
    2,
  );
}
