/** An owner's Facebook, Instagram or TikTok download on disk (zip or folder) → the posts and comments it holds. */
import { parse as parseCsv } from 'csv-parse/sync';
import { plural, type Post } from '../model/index.js';
import { openDownload } from './download.js';
import {
  DOWNLOAD_FILES,
  facebookComments,
  facebookPosts,
  instagramComments,
  instagramPosts,
  linkedinRows,
  mastodonOutbox,
  threadsPosts,
  tiktokPosts,
} from './social-downloads.js';
import { ArchiveError } from './unpack-caps.js';

type Platform = keyof typeof DOWNLOAD_FILES;

/** The platforms whose owner download this module reads (the table below says which files). */
export const isDownloadPlatform = (platform: string | null): platform is Platform =>
  platform !== null && Object.hasOwn(DOWNLOAD_FILES, platform);

/** Appends in a loop: `push(...items)` overflows the call stack past ~100,000 items (a large download). */
function append(target: Post[], items: readonly Post[]): void {
  for (const item of items) target.push(item);
}

const NAMES: Record<Platform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  threads: 'Threads (Instagram)',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
};
const EXPECTED: Record<Platform, string> = {
  facebook: '…/posts/your_posts_1.json or …/comments_and_reactions/comments.json',
  instagram: '…/content/posts_1.json, reels.json or …/comments/post_comments_1.json',
  tiktok: 'user_data.json (or user_data_tiktok.json)',
  threads: '…/threads/threads_and_replies.json, in the Instagram download',
  mastodon: 'outbox.json (and actor.json) of the account archive',
  linkedin: "Shares.csv or Comments.csv of a member's data export",
};

export async function readSocialDownload(
  platform: Platform,
  path: string,
  folder: boolean,
  timeZone = 'UTC',
): Promise<{ posts: Post[]; note: string }> {
  const download = await openDownload(path, folder);
  try {
    const files = DOWNLOAD_FILES[platform];
    const postFiles = download.names.filter((n) => files.posts.test(n)).sort();
    const commentFiles = files.comments ? download.names.filter((n) => files.comments!.test(n)).sort() : [];
    if (postFiles.length + commentFiles.length === 0) {
      const top = [...new Set(download.names.map((n) => n.split('/')[0]!))].slice(0, 8).join(', ');
      throw new ArchiveError(
        `no ${NAMES[platform]} posts or comments in the download (expected ${EXPECTED[platform]}); it holds: ${top || 'nothing'}`,
      );
    }
    const csvRows = async (name: string): Promise<Array<Record<string, unknown>>> => {
      try {
        return parseCsv(await download.read(name), {
          columns: true,
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
        });
      } catch (error) {
        if (error instanceof ArchiveError) throw error;
        throw new ArchiveError(`${name}: not valid CSV (${(error as Error).message.slice(0, 80)})`);
      }
    };
    const json = async (name: string): Promise<unknown> => {
      try {
        return JSON.parse((await download.read(name)).toString('utf8'));
      } catch (error) {
        if (error instanceof ArchiveError) throw error;
        throw new ArchiveError(`${name}: not JSON (${(error as Error).message.slice(0, 80)})`);
      }
    };
    const own: Post[] = [];
    const comments: Post[] = [];
    for (const name of postFiles) {
      if (platform === 'linkedin') {
        append(own, linkedinRows(await csvRows(name), name, 'original', timeZone));
        continue;
      }
      const parsed = await json(name);
      if (platform === 'facebook') append(own, facebookPosts(parsed, name));
      else if (platform === 'instagram') append(own, instagramPosts(parsed, name));
      else if (platform === 'mastodon') {
        const actorFile = download.names.find((n) => /(^|\/)actor\.json$/i.test(n));
        const actor = actorFile ? await json(actorFile) : null;
        const actorId = actor && typeof actor === 'object' && 'id' in actor ? String(actor.id) : null;
        for (const p of mastodonOutbox(parsed, actorId)) (p.kind === 'reply' ? comments : own).push(p);
      } else if (platform === 'threads') {
        for (const p of threadsPosts(parsed, name)) (p.kind === 'reply' ? comments : own).push(p);
      } else {
        const tiktok = tiktokPosts(parsed, name, timeZone);
        append(own, tiktok.videos);
        append(comments, tiktok.comments);
      }
    }
    for (const name of commentFiles) {
      if (platform === 'linkedin') {
        append(comments, linkedinRows(await csvRows(name), name, 'reply', timeZone));
        continue;
      }
      const parsed = await json(name);
      append(comments, platform === 'facebook' ? facebookComments(parsed, name) : instagramComments(parsed, name));
    }
    const zone =
      platform === 'tiktok' || platform === 'linkedin'
        ? `; its local times are read as ${timeZone === 'UTC' ? 'UTC' : `UTC${timeZone}`} (settings.exportTimeZone)`
        : '';
    const note = `the owner's ${NAMES[platform]} download (${plural(postFiles.length + commentFiles.length, 'file')}): ${plural(own.length, 'post')} and ${plural(comments.length, platform === 'mastodon' || platform === 'threads' ? 'reply' : 'comment')} of its own${zone}`;
    return { posts: [...own, ...comments], note };
  } finally {
    await download.close();
  }
}
