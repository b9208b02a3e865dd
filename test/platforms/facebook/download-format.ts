/** The data download Facebook gives an account's owner, in its layout (src/platforms/facebook/download.ts reads it). */
import { type DownloadComment, type DownloadPost, metaJson, unix } from '../../../scripts/formats/downloads.js';

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
