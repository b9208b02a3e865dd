/**
 * The download Facebook gives a Page's owner (issue 16, item 1): pointed at with `archive:`, read into
 * the Page's posts and comments, with Meta's mojibake (UTF-8 bytes as \u00XX escapes) and whom its comments answered.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facebookTarget } from '../../../src/platforms/facebook/download.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, dir, facebook, inventory } from '../../helpers/downloads.js';
import { metaJson } from '../../../scripts/formats/downloads.js';
import { FACEBOOK_ERAS, facebookCommentsJson, facebookPostItems } from './download-format.js';

const at = (d: number) => `2026-10-${String(d).padStart(2, '0')}T12:00:00Z`;
const posts = [1, 5, 9, 20, 28].map((d) => ({ at: at(d), text: `Trail menu at the Café, day ${d}` }));
const comments = [2, 6, 21].map((d) => ({ at: at(d), text: 'Thanks Ann, we sent you a message', to: 'Ann' }));

describe('owner downloads', () => {
  it('reads a Facebook download zip: its posts and its comments, all three measurements but response time', async () => {
    writeFileSync(join(dir, 'facebook.zip'), facebook);
    const p = await audited(inventory('fb', 'https://www.facebook.com/northwind', 'facebook.zip'));
    expect(p.status).toBe('active');
    expect(p.source).toBe('archive');
    expect(p.metrics).toMatchObject({ originals: 5, replies: 4, lastPostAt: '2026-10-28T12:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /^the owner's Facebook download \(2 files\): 5 posts and 4 comments of its own/,
    );
    expect(p.metrics.conversationRatio).toBeCloseTo(4 / 9, 3);
    expect(p.metrics.medianResponseMinutes).toBeNull();
    expect(p.metrics.unavailable.medianResponseMinutes).toBe(
      "the Facebook download holds the account's own comments, not what they answer or when that was written",
    );
    expect(p.findings.map((f: { code: string }) => f.code)).not.toContain('fetch-failed');
  });

  it('says whom Facebook comments answered, from their titles', () => {
    expect(facebookTarget("Northwind replied to Ann Lee's comment.")).toEqual({ answered: 'Ann Lee' });
    expect(facebookTarget("Northwind commented on Bob's post.")).toEqual({ answered: 'Bob', onOwnPost: false });
    expect(facebookTarget("Northwind commented on Chris' photo.")).toEqual({ answered: 'Chris', onOwnPost: false });
    expect(facebookTarget('Northwind commented on their own photo.')).toEqual({ onOwnPost: true });
    expect(facebookTarget("Northwind commented on Northwind's post.")).toEqual({ onOwnPost: true });
    expect(facebookTarget('Northwind updated their status.')).toEqual({});
  });

  it('names what it expected and what the download holds when it is not the platform’s', async () => {
    writeFileSync(join(dir, 'other.zip'), zip([{ name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = []' }]));
    const p = await audited(inventory('wrong', 'https://www.facebook.com/northwind', 'other.zip'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /no Facebook posts or comments in the download \(expected …\/your_posts__check_ins__photos_and_videos_1\.json, …\/your_posts_1\.json or …\/comments\.json\); it holds: data$/,
    );
  });

  // issue 33: every era of Download Your Information, matched by its files' names under any top folder
  it.each(Object.entries(FACEBOOK_ERAS))('reads the %s layout of Download Your Information', async (era, files) => {
    const top = era === '2020' ? '' : `facebook-northwind-2026-11-01-Ab12Cd/`;
    const name = `facebook-${era}.zip`;
    writeFileSync(
      join(dir, name),
      zip([
        { name: `${top}${files.posts}`, data: metaJson(facebookPostItems('Northwind', posts)) },
        { name: `${top}${files.comments}`, data: facebookCommentsJson('Northwind', comments) },
      ]),
    );
    const p = await audited(inventory(`fb-${era}`, 'https://www.facebook.com/northwind', name));
    expect(p.status, p.statusReason).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 5, replies: 3, lastPostAt: '2026-10-28T12:00:00.000Z' });
    expect(p.metrics.sample.note).toContain(`read ${top}${files.comments} and ${top}${files.posts}`);
  });

  it('reads the numbered parts of the posts file, under a doubly nested root', async () => {
    const root = 'facebook-northwind/personal_information/profile_information/your_facebook_activity/posts';
    writeFileSync(
      join(dir, 'facebook-parts.zip'),
      zip([
        {
          name: `${root}/your_posts__check_ins__photos_and_videos_1.json`,
          data: metaJson(facebookPostItems('Northwind', posts.slice(0, 3))),
        },
        {
          name: `${root}/your_posts__check_ins__photos_and_videos_2.json`,
          data: metaJson(facebookPostItems('Northwind', posts.slice(3))),
        },
        { name: `${root}/album/0.json`, data: '{"name": "Timeline photos", "photos": []}' },
      ]),
    );
    const p = await audited(inventory('fb-parts', 'https://www.facebook.com/northwind', 'facebook-parts.zip'));
    expect(p.status, p.statusReason).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 5, replies: 0 });
    expect(p.metrics.sample.note).toMatch(
      /\(2 files\): 5 posts and 0 comments of its own; read .*_1\.json and .*_2\.json/,
    );
  });

  it('leaves out the posts it wrote in groups, and says so', async () => {
    writeFileSync(
      join(dir, 'facebook-groups.zip'),
      zip([
        {
          name: `${FACEBOOK_ERAS['2025-facebook-activity'].posts}`,
          data: metaJson(facebookPostItems('Northwind', posts)),
        },
        {
          name: 'your_facebook_activity/groups/group_posts_and_comments.json',
          data: metaJson({
            group_posts_v2: [{ timestamp: 1792000000, data: [{ post: 'Members only: the trail is closed' }] }],
          }),
        },
      ]),
    );
    const p = await audited(inventory('fb-groups', 'https://www.facebook.com/northwind', 'facebook-groups.zip'));
    expect(p.metrics).toMatchObject({ originals: 5, replies: 0 });
    expect(p.metrics.sample.note).toContain('its posts and comments in groups not counted');
  });

  it.each([
    [
      'current',
      [
        'start_here.html',
        'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html',
        'your_facebook_activity/comments_and_reactions/comments.html',
      ],
    ],
    ['old', ['facebook-northwind/index.html', 'facebook-northwind/posts/your_posts_1.html']],
  ])('recognises the %s HTML format and asks for the JSON one', async (era, names) => {
    writeFileSync(
      join(dir, `facebook-html-${era}.zip`),
      zip(
        names.map((name) => ({ name, data: '<html><body><section class="_a6-g"><h2>x</h2></section></body></html>' })),
      ),
    );
    const p = await audited(
      inventory(`fb-html-${era}`, 'https://www.facebook.com/northwind', `facebook-html-${era}.zip`),
    );
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /: the HTML format of Download Your Information, where JSON is expected: request the JSON format \(it holds [a-z_]+\.html, [a-z_1]+\.html/,
    );
    expect(p.statusReason).toContain(names[0]!.split('/').pop());
  });
});
