/** The data download Facebook gives an account's owner, in its layout (src/platforms/facebook/download.ts reads it). */
import { type DownloadComment, type DownloadPost, metaJson, unix } from '../../../scripts/formats/downloads.js';

/** `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json` (2024 on): the Page's posts, newest first. */
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

/**
 * Where each era of "Download Your Information" puts the posts and comments (research: LAYOUTS.md §1,
 * sources in docs/owner-downloads.md): before 2021, 2021–22, 2023–24 (double underscores), 2024 on.
 */
export const FACEBOOK_ERAS = {
  '2020': { posts: 'posts/your_posts_1.json', comments: 'comments/comments.json' },
  '2022': { posts: 'posts/your_posts_1.json', comments: 'comments_and_reactions/comments.json' },
  '2024-activity-across': {
    posts: 'your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json',
    comments: 'your_activity_across_facebook/comments_and_reactions/comments.json',
  },
  '2025-facebook-activity': {
    posts: 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json',
    comments: 'your_facebook_activity/comments_and_reactions/comments.json',
  },
} as const;

/**
 * A post as the download writes it in every era: text in one `data` element, `update_timestamp` in
 * another, a link and a photo attached; a share with a title and no text; a check-in with empty data.
 */
export function facebookPostItems(page: string, posts: readonly DownloadPost[]): unknown[] {
  return posts.map((p, i) =>
    i % 3 === 2
      ? { timestamp: unix(p.at), data: [], title: `${page} shared a link.`, attachments: [] }
      : {
          timestamp: unix(p.at),
          attachments: [
            { data: [{ external_context: { url: 'https://example.org/trail' } }] },
            {
              data: [
                {
                  media: {
                    uri: 'your_facebook_activity/posts/media/Timelinephotos_1/1.jpg',
                    creation_timestamp: unix(p.at),
                    title: 'Timeline photos',
                  },
                },
              ],
            },
          ],
          data: [{ post: p.text }, { update_timestamp: unix(p.at) }],
          title: `${page} updated their status.`,
        },
  );
}
