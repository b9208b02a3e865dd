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

/** One of the account's own videos, as a 2024 export writes it (every key there; `Likes` a string). */
export interface TikTokVideo {
  date: string;
  title: string;
  whoCanView?: string;
}

/**
 * TikTok's `user_data_tiktok.json` as the 2024–25 exports write it (research33/LAYOUTS.md §3): the sections
 * `Activity`, `Comment`, `Direct Messages`, `Profile` and `Video` — or, renamed in newer exports,
 * `Your Activity` and `Post.Posts.VideoList` — empty lists as `null`, comment keys lower-case.
 */
export function tiktokExport(
  videos: readonly TikTokVideo[],
  comments: readonly { date: string; comment: string }[],
  { renamed = false, messages = [] as string[] } = {},
): string {
  const list = videos.map((v, i) => ({
    Date: v.date,
    Link: `https://www.tiktokv.com/share/video/7${String(i).padStart(18, '0')}/`,
    Likes: String(3 * i),
    WhoCanView: v.whoCanView ?? 'Everyone',
    AllowComments: 'Yes',
    AllowStitches: 'Yes',
    AllowDuets: 'Yes',
    AllowStickers: 'Yes',
    AllowSharingToStory: 'Yes',
    ContentDisclosure: '',
    AIGeneratedContent: 'No',
    Sound: '',
    Location: '',
    Title: v.title,
    AddYoursText: '',
  }));
  return JSON.stringify(
    {
      [renamed ? 'Your Activity' : 'Activity']: {
        'Favorite Sounds': { FavoriteSoundList: null },
        'Like List': {
          ItemFavoriteList: [{ date: '2026-10-01 10:00:00', link: 'https://www.tiktokv.com/share/video/1/' }],
        },
      },
      Comment: { Comments: { App: 1, CommentsList: comments.map((c) => ({ ...c, photo: 'N/A', url: '' })) } },
      'Direct Messages': {
        'Chat History': {
          ChatHistory: {
            'Chat History with someone:': messages.map((m) => ({
              Date: '2026-10-02 10:00:00',
              From: 'northwind',
              Content: m,
            })),
          },
        },
      },
      Profile: { 'Profile Info': { ProfileMap: { userName: 'northwind', bioDescription: '' } } },
      [renamed ? 'Post' : 'Video']: {
        [renamed ? 'Posts' : 'Videos']: { VideoList: list },
        RecentlyDeletedPosts: { PostList: null },
      },
    },
    null,
    2,
  );
}
