/**
 * Threads' posts and replies, from the download Instagram gives their owner (issue 16, item 1).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, day, dir, inventory } from '../../helpers/downloads.js';

describe('owner downloads', () => {
  it('reads Threads posts and replies from the Instagram download', async () => {
    writeFileSync(
      join(dir, 'threads.zip'),
      zip([
        {
          name: 'your_instagram_activity/threads/threads_and_replies.json',
          data: JSON.stringify({
            text_post_app_text_posts: [
              {
                media: [
                  { creation_timestamp: day(20), title: 'New colours are in', text_app_post: { is_reply: false } },
                ],
              },
              {
                media: [
                  { creation_timestamp: day(21), title: '@ann yes, in every size', text_app_post: { is_reply: true } },
                ],
              },
            ],
          }),
        },
      ]),
    );
    const p = await audited(inventory('th', 'https://www.threads.net/@northwind', 'threads.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, replies: 1 });
    expect(p.metrics.sample.note).toMatch(/1 post and 1 reply of its own/);
  });
});
