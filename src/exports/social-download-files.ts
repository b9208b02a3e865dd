/** An owner's Facebook, Instagram or TikTok download on disk (zip or folder) → the posts and comments it holds. */
import { plural, type Post } from '../model/index.js';
import { openDownload } from './download.js';
import {
  DOWNLOAD_FILES,
  facebookComments,
  facebookPosts,
  instagramComments,
  instagramPosts,
  tiktokPosts,
} from './social-downloads.js';
import { ArchiveError } from './x-archive-files.js';

type Platform = keyof typeof DOWNLOAD_FILES;

const NAMES: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok' };
const EXPECTED: Record<Platform, string> = {
  facebook: '…/posts/your_posts_1.json or …/comments_and_reactions/comments.json',
  instagram: '…/content/posts_1.json, reels.json or …/comments/post_comments_1.json',
  tiktok: 'user_data.json (or user_data_tiktok.json)',
};

export async function readSocialDownload(
  platform: Platform,
  path: string,
  folder: boolean,
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
      const parsed = await json(name);
      if (platform === 'facebook') own.push(...facebookPosts(parsed, name));
      else if (platform === 'instagram') own.push(...instagramPosts(parsed, name));
      else {
        const tiktok = tiktokPosts(parsed, name);
        own.push(...tiktok.videos);
        comments.push(...tiktok.comments);
      }
    }
    for (const name of commentFiles) {
      const parsed = await json(name);
      comments.push(...(platform === 'facebook' ? facebookComments(parsed, name) : instagramComments(parsed, name)));
    }
    const zone = platform === 'tiktok' ? '; its local times are read as UTC' : '';
    const note = `the owner's ${NAMES[platform]} download (${plural(postFiles.length + commentFiles.length, 'file')}): ${plural(own.length, 'post')} and ${plural(comments.length, 'comment')} of its own${zone}`;
    return { posts: [...own, ...comments], note };
  } finally {
    await download.close();
  }
}
