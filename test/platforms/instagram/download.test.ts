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
});
