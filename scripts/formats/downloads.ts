/**
 * The data downloads Facebook, Instagram and TikTok give an account's owner, in their layouts (the
 * same ones src/platforms/<id>/download.ts read; sources in docs/owner-downloads.md). For the demo and the tests:
 * generated content, never anyone's real data.
 */

/** Meta's JSON: every non-ASCII character written as one \u00XX escape per UTF-8 byte (the mojibake the reader repairs). */
export function metaJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[^\x00-\x7f]/gu, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `\\u00${b.toString(16).padStart(2, '0')}`).join(''),
  );
}

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export interface DownloadPost {
  at: string;
  text: string;
}
export interface DownloadComment extends DownloadPost {
  /** Whose post or comment it answered; null for one under the account's own post. */
  to: string | null;
}

/** `your_facebook_activity/posts/your_posts_1.json`: the Page's posts, newest first. */
export function facebookPostsJson(page: string, posts: readonly DownloadPost[]): string {
  return metaJson(
    posts.map((p) => ({
      timestamp: unix(p.at),
      data: [{ post: p.text }],
      title: `${page} updated their status.`,
    })),
  );
}

/** `your_facebook_activity/comments_and_reactions/comments.json`: `{comments_v2: [...]}` with titles saying whom each answered. */
export function facebookCommentsJson(page: string, comments: readonly DownloadComment[]): string {
  return metaJson({
    comments_v2: comments.map((c) => ({
      timestamp: unix(c.at),
      data: [{ comment: { timestamp: unix(c.at), comment: c.text, author: page } }],
      title: c.to === null ? `${page} commented on their own post.` : `${page} replied to ${c.to}'s comment.`,
    })),
  });
}

/** `your_instagram_activity/content/posts_1.json`: `[{media: [{uri, creation_timestamp, title}]}]`. */
export function instagramPostsJson(posts: readonly DownloadPost[]): string {
  return metaJson(
    posts.map((p, i) => ({
      media: [{ uri: `media/posts/2026/${i}.jpg`, creation_timestamp: unix(p.at), title: p.text }],
    })),
  );
}

/** `your_instagram_activity/content/reels.json`: `{ig_reels_media: [{media: [...]}]}`. */
export function instagramReelsJson(reels: readonly DownloadPost[]): string {
  return metaJson({
    ig_reels_media: reels.map((p, i) => ({
      media: [{ uri: `media/reels/2026/${i}.mp4`, creation_timestamp: unix(p.at), title: p.text }],
    })),
  });
}

/** `your_instagram_activity/comments/post_comments_1.json`: the account's comments, with the media owner. */
export function instagramCommentsJson(account: string, comments: readonly DownloadComment[]): string {
  return metaJson(
    comments.map((c) => ({
      media_list_data: [],
      string_map_data: {
        Comment: { value: c.text },
        'Media Owner': { value: c.to ?? account },
        Time: { timestamp: unix(c.at) },
      },
    })),
  );
}

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
