/**
 * The download Instagram gives an account's owner (issue 16, item 1): an unpacked folder or a zip, its posts,
 * reels and comments, and the people it answered counted, never named.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, day, dir, inventory } from '../../helpers/downloads.js';
import { metaJson } from '../../../scripts/formats/downloads.js';
import { instagramCommentItems, instagramMixedPostsJson, instagramReelsJson } from './download-format.js';

const at = (d: number) => `2026-10-${String(d).padStart(2, '0')}T12:00:00Z`;
const posts = [3, 8, 14, 27].map((d) => ({ at: at(d), text: `Trail day ${d}, Café open` }));
const comments = [4, 9, 28].map((d) => ({ at: at(d), text: 'See you there!', to: 'ann.trails' }));

describe('owner downloads', () => {
  it('reads an unpacked Instagram download folder: posts, reels and comments', async () => {
    const root = join(dir, 'instagram-northwind');
    mkdirSync(join(root, 'your_instagram_activity', 'content'), { recursive: true });
    mkdirSync(join(root, 'your_instagram_activity', 'comments'), { recursive: true });
    writeFileSync(
      join(root, 'your_instagram_activity', 'content', 'posts_1.json'),
      JSON.stringify(
        [25, 29].map((d) => ({ media: [{ uri: 'media/x.jpg', creation_timestamp: day(d), title: `Trail day ${d}` }] })),
      ),
    );
    writeFileSync(
      join(root, 'your_instagram_activity', 'content', 'reels.json'),
      JSON.stringify({ ig_reels_media: [{ media: [{ creation_timestamp: day(30), title: 'Boots in the rain' }] }] }),
    );
    writeFileSync(
      join(root, 'your_instagram_activity', 'comments', 'post_comments_1.json'),
      JSON.stringify([
        {
          string_map_data: {
            Comment: { value: '@ann it ships Monday' },
            'Media Owner': { value: 'northwind' },
            Time: { timestamp: day(30) },
          },
        },
      ]),
    );
    const p = await audited(inventory('ig', 'https://www.instagram.com/northwind', 'instagram-northwind'));
    expect(p.status).toBe('active');
    // its one comment, under its own media and answering nobody, continues its own thread (issue 31, item 7)
    expect(p.metrics).toMatchObject({ originals: 3, selfThreads: 1, replies: 0 });
  });

  it('counts the people answered and the comments under its own posts, never naming anyone', async () => {
    writeFileSync(
      join(dir, 'instagram-whom.zip'),
      zip([
        {
          name: 'content/posts_1.json',
          data: JSON.stringify([{ media: [{ creation_timestamp: day(20), title: 'x' }] }]),
        },
        {
          name: 'comments/reels_comments.json',
          data: JSON.stringify({
            comments_reels_comments: [
              {
                string_map_data: {
                  Comment: { value: 'See you there' },
                  'Media Owner': { value: 'cara' },
                  Time: { timestamp: day(26) },
                },
              },
            ],
          }),
        },
        {
          name: 'comments/post_comments_1.json',
          data: JSON.stringify(
            [
              ['northwind', 21],
              ['northwind', 22],
              ['ann.trails', 23],
              ['Ann.Trails', 24],
              ['bob', 25],
            ].map(([owner, d]) => ({
              string_map_data: {
                Comment: { value: 'Thanks!' },
                'Media Owner': { value: owner },
                Time: { timestamp: day(d as number) },
              },
            })),
          ),
        },
      ]),
    );
    const run = await cli([
      'audit',
      inventory('ig-whom', 'https://www.instagram.com/northwind/', 'instagram-whom.zip'),
      '--as-of',
      '2026-11-01',
      '--fail-on',
      'never',
      '-f',
      'json',
    ]);
    const p = JSON.parse(run.stdout).profiles[0];
    expect(p.metrics.sample.note).toMatch(
      /1 post and 4 comments of its own \(3 people answered by name\); 2 comments under its own posts that answer nobody else counted as its own thread/,
    );
    expect(run.stdout).not.toMatch(/ann\.trails|"bob"/i);
  });

  // issue 33: every era's layout, single- and multi-media posts, localised labels, the HTML format
  it('reads the 2025 layout (your_instagram_activity/media/), single- and multi-media posts alike', async () => {
    const a = 'instagram-northwind-2026-11-01/your_instagram_activity';
    writeFileSync(
      join(dir, 'instagram-2025.zip'),
      zip([
        { name: `${a}/media/posts_1.json`, data: instagramMixedPostsJson(posts) },
        { name: `${a}/media/reels.json`, data: instagramReelsJson([{ at: at(30), text: 'Boots in the rain' }]) },
        { name: `${a}/comments/post_comments_1.json`, data: metaJson(instagramCommentItems('northwind', comments)) },
        { name: 'instagram-northwind-2026-11-01/media/posts/202610/0.jpg', data: 'jpg' },
      ]),
    );
    const p = await audited(inventory('ig-2025', 'https://www.instagram.com/northwind', 'instagram-2025.zip'));
    expect(p.status, p.statusReason).toBe('active');
    expect(p.metrics).toMatchObject({
      originals: 5,
      replies: 3,
      undatedPosts: 0,
      lastPostAt: '2026-10-30T12:00:00.000Z',
    });
    expect(p.metrics.sample.note).toContain(
      `read ${a}/comments/post_comments_1.json, ${a}/media/posts_1.json and ${a}/media/reels.json`,
    );
  });

  it('reads the layout before 2024: content/posts_1.json and comments/post_comments.json ({comments_media_comments})', async () => {
    writeFileSync(
      join(dir, 'instagram-2023.zip'),
      zip([
        { name: 'content/posts_1.json', data: instagramMixedPostsJson(posts) },
        {
          name: 'comments/post_comments.json',
          data: metaJson({ comments_media_comments: instagramCommentItems('northwind', comments) }),
        },
      ]),
    );
    const p = await audited(inventory('ig-2023', 'https://www.instagram.com/northwind', 'instagram-2023.zip'));
    expect(p.metrics).toMatchObject({ originals: 4, replies: 3, undatedPosts: 0 });
    expect(p.metrics.sample.note).toMatch(/4 posts and 3 comments of its own \(1 person answered by name\)/);
  });

  it('reads comments labelled in the download’s language (Dutch: Opmerking, Media-eigenaar, Tijd)', async () => {
    const dutch = { comment: 'Opmerking', owner: 'Media-eigenaar', time: 'Tijd' };
    writeFileSync(
      join(dir, 'instagram-nl.zip'),
      zip([
        { name: 'your_instagram_activity/content/posts_1.json', data: instagramMixedPostsJson(posts) },
        {
          name: 'your_instagram_activity/comments/post_comments_1.json',
          data: metaJson(instagramCommentItems('northwind', comments, dutch)),
        },
      ]),
    );
    const p = await audited(inventory('ig-nl', 'https://www.instagram.com/northwind', 'instagram-nl.zip'));
    expect(p.metrics).toMatchObject({
      originals: 4,
      replies: 3,
      undatedPosts: 0,
      lastPostAt: '2026-10-28T12:00:00.000Z',
    });
    expect(p.metrics.sample.note).toMatch(/3 comments of its own \(1 person answered by name\)/);
  });

  it('recognises the HTML format and asks for the JSON one', async () => {
    writeFileSync(
      join(dir, 'instagram-html.zip'),
      zip(
        ['start_here.html', 'your_instagram_activity/media/posts_1.html', 'ads_information/ads.html'].map((name) => ({
          name,
          data: '<html><body><main>x</main></body></html>',
        })),
      ),
    );
    const p = await audited(inventory('ig-html', 'https://www.instagram.com/northwind', 'instagram-html.zip'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /: the HTML format of Instagram’s download, where JSON is expected: request the JSON format \(it holds start_here\.html, posts_1\.html\)/,
    );
  });
});
