/**
 * The downloads Facebook, Instagram and TikTok give an account's owner (issue 16, item 1, first part):
 * pointed at with `archive:` (the zip or the unpacked folder), recognised from their files, read into
 * the account's posts and comments. The fixtures are our own, written in the layouts the issue and
 * the platforms' help pages describe, with Meta's mojibake (UTF-8 bytes as \u00XX escapes).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDownload } from '../src/exports/download.js';
import { readSocialDownload } from '../src/exports/social-download-files.js';
import { repairMojibake } from '../src/exports/social-downloads.js';
import { cli } from './helpers/cli.js';
import { zip } from './helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'channel-audit-downloads-'));
const day = (d: number) => Date.UTC(2026, 9, d, 12) / 1000; // October 2026, noon UTC, in Unix seconds
// what Meta writes for "Café": the UTF-8 bytes of é as two \u00XX escapes
const MOJIBAKE = 'Caf\\u00c3\\u00a9';

const facebook = zip([
  {
    name: 'your_facebook_activity/posts/your_posts_1.json',
    data: `[${[1, 5, 9, 20, 28]
      .map(
        (d) =>
          `{"timestamp": ${day(d)}, "data": [{"post": "New trail menu at the ${MOJIBAKE} ${d}"}], "title": "Northwind updated their status."}`,
      )
      .join(',')}]`,
  },
  {
    name: 'your_facebook_activity/comments_and_reactions/comments.json',
    data: `{"comments_v2": [${[2, 6, 10, 21]
      .map(
        (d) =>
          `{"timestamp": ${day(d)}, "data": [{"comment": {"timestamp": ${day(d)}, "comment": "Thanks Ann, we sent you a message", "author": "Northwind"}}], "title": "Northwind replied to Ann's comment."}`,
      )
      .join(',')}]}`,
  },
  { name: 'your_facebook_activity/messages/inbox/x.json', data: '{}' },
]);

function inventory(name: string, url: string, archive: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `company: Northwind\nprofiles:\n  - url: ${url}\n    archive: ${archive}\n`);
  return file;
}

async function audited(file: string) {
  const run = await cli(['audit', file, '--as-of', '2026-11-01', '-f', 'json', '--fail-on', 'never']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout).profiles[0];
}

describe('owner downloads', () => {
  it('repairs Meta mojibake and leaves real text alone', () => {
    expect(repairMojibake('CafÃ©')).toBe('Café');
    expect(repairMojibake('Ã\u00a0 bientôt')).toBe('Ã\u00a0 bientôt'); // not mojibake once a real character is in it
    expect(repairMojibake('Grüße')).toBe('Grüße');
    expect(repairMojibake('plain text')).toBe('plain text');
  });

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
    expect(p.metrics.unavailable.medianResponseMinutes).toMatch(/does not show when the replied-to posts were written/);
    expect(p.findings.map((f: { code: string }) => f.code)).not.toContain('fetch-failed');
  });

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
    expect(p.metrics).toMatchObject({ originals: 3, replies: 1 });
  });

  it('reads TikTok user_data.json: videos and comments, local times as UTC, said in the note', async () => {
    writeFileSync(
      join(dir, 'tiktok.zip'),
      zip([
        {
          name: 'user_data_tiktok.json',
          data: JSON.stringify({
            Video: {
              Videos: { VideoList: [{ Date: '2026-10-30 18:00:00', Link: 'https://www.tiktokv.com/share/video/1/' }] },
            },
            Comment: { Comments: { CommentsList: [{ Date: '2026-10-31 09:30:00', Comment: 'Thank you!' }] } },
          }),
        },
      ]),
    );
    const p = await audited(inventory('tt', 'https://www.tiktok.com/@northwind', 'tiktok.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, replies: 1, lastPostAt: '2026-10-31T09:30:00.000Z' });
    expect(p.metrics.sample.note).toMatch(/its local times are read as UTC/);
  });

  it('reads zoneless TikTok times in settings.exportTimeZone, and says so', async () => {
    const file = join(dir, 'tt-zone.yaml');
    writeFileSync(
      file,
      'company: Northwind\nsettings:\n  exportTimeZone: "+02:00"\nprofiles:\n  - url: https://www.tiktok.com/@northwind\n    archive: tiktok.zip\n',
    );
    const p = await audited(file);
    expect(p.metrics.lastPostAt).toBe('2026-10-31T07:30:00.000Z');
    expect(p.metrics.sample.note).toMatch(/its local times are read as UTC\+02:00 \(settings\.exportTimeZone\)/);
    const bad = join(dir, 'tt-bad.yaml');
    writeFileSync(
      bad,
      'company: N\nsettings:\n  exportTimeZone: Europe/Paris\nprofiles:\n  - url: https://www.tiktok.com/@n\n',
    );
    expect((await cli(['validate', bad])).stderr).toMatch(
      /:3:19: settings\.exportTimeZone: expected UTC or an offset such as "\+02:00"/,
    );
  });

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

  it("reads a Mastodon account archive's outbox: posts, replies, self-threads and boosts, the whole history", async () => {
    const actor = 'https://social.example/users/northwind';
    const note = (id: number, d: number, content: string, inReplyTo: string | null = null) => ({
      type: 'Create',
      published: new Date(day(d) * 1000).toISOString(),
      object: {
        id: `${actor}/statuses/${id}`,
        type: 'Note',
        published: new Date(day(d) * 1000).toISOString(),
        content,
        inReplyTo,
      },
    });
    writeFileSync(
      join(dir, 'mastodon.zip'),
      zip([
        { name: 'actor.json', data: JSON.stringify({ id: actor, preferredUsername: 'northwind' }) },
        {
          name: 'outbox.json',
          data: JSON.stringify({
            orderedItems: [
              note(1, 10, '<p>Trail season opens</p>'),
              note(2, 10, '<p>and the map is here</p>', `${actor}/statuses/1`),
              note(3, 12, '<p>@ann it ships Monday</p>', 'https://other.example/users/ann/statuses/9'),
              {
                type: 'Announce',
                published: new Date(day(14) * 1000).toISOString(),
                object: 'https://other.example/x',
              },
            ],
          }),
        },
      ]),
    );
    const p = await audited(inventory('md', 'https://social.example/@northwind', 'mastodon.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, selfThreads: 1, replies: 1, reposts: 1 });
  });

  it("reads a LinkedIn member's data export: Shares.csv and Comments.csv", async () => {
    writeFileSync(
      join(dir, 'linkedin.zip'),
      zip([
        {
          name: 'Shares.csv',
          data: 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-10-20 08:00:00,https://www.linkedin.com/feed/update/1,"We are hiring, trail guides!",,,MEMBER_NETWORK\n',
        },
        {
          name: 'Comments.csv',
          data: 'Date,Link,Message\n2026-10-21 09:15:00,https://www.linkedin.com/feed/update/2,"Thanks, Ann!"\n',
        },
      ]),
    );
    const p = await audited(inventory('li', 'https://www.linkedin.com/company/northwind', 'linkedin.zip'));
    expect(p.metrics).toMatchObject({ originals: 1, replies: 1, lastPostAt: '2026-10-21T09:15:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /LinkedIn download \(2 files\): 1 post and 1 comment of its own; its local times are read as UTC/,
    );
  });

  it('validate reads each export as the audit will, and says what it found', async () => {
    const run = await cli(['validate', inventory('fbv', 'https://www.facebook.com/northwind', 'facebook.zip')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ {4}the owner's Facebook download \(2 files\): 5 posts and 4 comments of its own, 2026-10-01 to 2026-10-28$/m,
    );
    const wrong = await cli(['validate', inventory('wrongv', 'https://www.facebook.com/northwind', 'tiktok.zip')]);
    expect(wrong.stdout).toMatch(
      /^ {4}cannot be read: malformed export tiktok\.zip: no Facebook posts or comments in the download/m,
    );
  });

  it('names what it expected and what the download holds when it is not the platform’s', async () => {
    writeFileSync(join(dir, 'other.zip'), zip([{ name: 'data/tweets.js', data: 'window.YTD.tweets.part0 = []' }]));
    const p = await audited(inventory('wrong', 'https://www.facebook.com/northwind', 'other.zip'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /no Facebook posts or comments in the download \(expected …\/posts\/your_posts_1\.json or …\/comments_and_reactions\/comments\.json\); it holds: data/,
    );
  });

  it('reads a download of 150,000 posts (no call-stack overflow, as push(...items) had)', async () => {
    const root = join(dir, 'big-facebook', 'posts');
    mkdirSync(root, { recursive: true });
    const start = Date.UTC(2026, 9, 31) / 1000 - 150_000 * 60;
    writeFileSync(
      join(root, 'your_posts_1.json'),
      JSON.stringify(
        Array.from({ length: 150_000 }, (_, i) => ({ timestamp: start + i * 60, data: [{ post: `post ${i}` }] })),
      ),
    );
    const { posts } = await readSocialDownload('facebook', join(dir, 'big-facebook'), true);
    expect(posts).toHaveLength(150_000);
  });

  describe('hostile downloads', () => {
    it.each([
      [
        'a traversal name',
        [{ name: '../../posts/your_posts_1.json', data: '[]' }],
        /outside the download|invalid relative path/,
      ],
      [
        'an absolute name',
        [{ name: '/etc/posts/your_posts_1.json', data: '[]' }],
        /outside the download|absolute path/,
      ],
      [
        'a symlink entry',
        [{ name: 'posts/your_posts_1.json', data: '/etc/passwd', mode: 0o120777 }],
        /is a symlink: refused/,
      ],
    ])('refuses %s: an error on that profile, nothing read', async (_, entries, message) => {
      const name = `hostile-${Math.random().toString(36).slice(2)}.zip`;
      writeFileSync(join(dir, name), zip(entries));
      const p = await audited(inventory(name, 'https://www.facebook.com/northwind', name));
      expect(p.status).toBe('error');
      expect(p.statusReason).toMatch(message);
    });

    it('refuses a zip bomb with a clear error, never unpacking more than the cap', async () => {
      writeFileSync(
        join(dir, 'bomb.zip'),
        zip([{ name: 'posts/your_posts_1.json', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]),
      );
      const download = await openDownload(join(dir, 'bomb.zip'), false, {
        maxEntryBytes: 1024 * 1024,
        maxArchiveBytes: 4 * 1024 * 1024,
      });
      await expect(download.read('posts/your_posts_1.json')).rejects.toThrow(
        /unpacks to more than 1 MiB: refused \(a zip bomb\?\)/,
      );
      await download.close();
    });

    it('keeps a spreadsheet formula in a comment from ever being one in the CSV report', async () => {
      writeFileSync(
        join(dir, 'formula.zip'),
        zip([
          {
            name: 'comments_and_reactions/comments.json',
            data: JSON.stringify({
              comments_v2: [1, 2, 3].map((d) => ({
                timestamp: day(d + 25),
                data: [{ comment: { comment: '=HYPERLINK("http://evil.example","x")' } }],
              })),
            }),
          },
        ]),
      );
      const file = inventory('formula', 'https://www.facebook.com/northwind', 'formula.zip');
      const run = await cli(['audit', file, '--as-of', '2026-11-01', '-f', 'csv', '--fail-on', 'never']);
      expect(run.code).toBe(0);
      // the canned comment is in the CSV, as text: prefixed with ' so no spreadsheet runs it
      expect(run.stdout).toContain("'=HYPERLINK");
      expect(run.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
    });
  });
});
