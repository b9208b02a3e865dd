/** The data download Instagram gives an account's owner, in its layout (src/platforms/instagram/download.ts reads it). */
import { type DownloadComment, type DownloadPost, metaJson, unix } from '../../../scripts/formats/downloads.js';

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
