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

/**
 * Posts as the 2024–25 downloads write them (research: LAYOUTS.md §2.2): a single photo keeps its
 * caption and time in `media[0]`; a carousel keeps them at the top, its media titled "".
 */
export function instagramMixedPostsJson(posts: readonly DownloadPost[]): string {
  return metaJson(
    posts.map((p, i) =>
      i % 2 === 0
        ? {
            media: [
              {
                uri: `media/posts/202610/${i}.jpg`,
                creation_timestamp: unix(p.at),
                media_metadata: { camera_metadata: { has_camera_metadata: false } },
                title: p.text,
                cross_post_source: { source_app: 'FB' },
              },
            ],
          }
        : {
            title: p.text,
            creation_timestamp: unix(p.at),
            media: [0, 1].map((j) => ({
              uri: `media/posts/202610/${i}_${j}.jpg`,
              creation_timestamp: unix(p.at),
              title: '',
            })),
          },
    ),
  );
}

/** A comment's `string_map_data` in the download's language (English, or Dutch as the Dutch download writes it). */
export function instagramCommentItems(
  account: string,
  comments: readonly DownloadComment[],
  labels: { comment: string; owner: string; time: string } = { comment: 'Comment', owner: 'Media Owner', time: 'Time' },
): unknown[] {
  return comments.map((c) => ({
    media_list_data: [{ uri: '' }],
    string_map_data: {
      [labels.comment]: { value: c.text },
      [labels.owner]: { value: c.to ?? account },
      [labels.time]: { timestamp: unix(c.at) },
    },
  }));
}
