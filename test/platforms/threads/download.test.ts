/**
 * Threads' posts and replies, from the download Instagram gives their owner (issue 16, item 1).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, day, dir, inventory } from '../../helpers/downloads.js';

/**
 * `threads_and_replies.json` as the 2024–25 downloads write it (research: LAYOUTS.md §2.4): a
 * single-media item keeps text and time in `media[0]`, a multi-media one at the top; no reply mark.
 */
function threadsJson(days: number[]): string {
  return JSON.stringify({
    text_post_app_text_posts: days.map((d, i) =>
      i % 2 === 0
        ? {
            media: [
              {
                uri: '',
                creation_timestamp: day(d),
                title: `New colours are in, day ${d}`,
                text_app_post: { reply_control: 'everyone' },
              },
            ],
          }
        : {
            title: `Two photos from the trail, day ${d}`,
            creation_timestamp: day(d),
            media: [0, 1].map((j) => ({ uri: `media/threads/${d}_${j}.jpg`, creation_timestamp: day(d), title: '' })),
          },
    ),
  });
}

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

  // issue 33: both roots, both media shapes, and replies it cannot tell from posts said so
  it.each([
    ['2024–25', 'instagram-northwind-2026-11-01/your_instagram_activity/threads/threads_and_replies.json'],
    ['older', 'threads/threads_and_replies.json'],
  ])('reads the %s layout and says it cannot tell replies from posts', async (era, name) => {
    const zipName = `threads-${era === 'older' ? 'old' : 'new'}.zip`;
    writeFileSync(join(dir, zipName), zip([{ name, data: threadsJson([20, 24, 28]) }]));
    const p = await audited(
      inventory(`th-${era === 'older' ? 'old' : 'new'}`, 'https://www.threads.net/@northwind', zipName),
    );
    expect(p.status, p.statusReason).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 3, undatedPosts: 0, lastPostAt: '2026-10-28T12:00:00.000Z' });
    expect(p.metrics.sample.note).toContain(`3 posts of its own; read ${name}`);
    expect(JSON.stringify(p.metrics.unavailable)).toContain(
      "Threads' download lists the account's replies among its threads without saying which are replies",
    );
  });

  it('recognises the HTML format and asks for the JSON one', async () => {
    writeFileSync(
      join(dir, 'threads-html.zip'),
      zip(
        ['start_here.html', 'your_instagram_activity/threads/threads_and_replies.html'].map((name) => ({
          name,
          data: '<html><body><main>x</main></body></html>',
        })),
      ),
    );
    const p = await audited(inventory('th-html', 'https://www.threads.net/@northwind', 'threads-html.zip'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /: the HTML format of Instagram’s download, where JSON is expected: request the JSON format \(it holds start_here\.html, threads_and_replies\.html\)/,
    );
  });
});
