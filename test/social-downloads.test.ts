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
import { openDownload } from '../src/sources/downloads/download.js';
import { readDownloadFiles } from '../src/sources/downloads/read-files.js';
import { repairMojibake, seconds } from '../src/sources/downloads/items.js';
import { facebookTarget, format as facebookDownload } from '../src/platforms/facebook/download.js';
import { format as linkedinDownload } from '../src/platforms/linkedin/download.js';
import { readWorkbook } from '../src/sources/downloads/workbook.js';
import { takeoutText } from '../src/platforms/youtube/takeout.js';
import { cli } from './helpers/cli.js';
import { xlsx } from './helpers/xlsx.js';
import { zip } from '../scripts/formats/zip.js';

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
    expect(p.metrics.unavailable.medianResponseMinutes).toBe(
      "the Facebook download holds the account's own comments, not what they answer or when that was written",
    );
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
    // its one comment, under its own media and answering nobody, continues its own thread (issue 31, item 7)
    expect(p.metrics).toMatchObject({ originals: 3, selfThreads: 1, replies: 0 });
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
    // addressed as Mastodon addresses a public status (the archive holds every visibility)
    const to = ['https://www.w3.org/ns/activitystreams#Public'];
    const cc = [`${actor}/followers`];
    const note = (id: number, d: number, content: string, inReplyTo: string | null = null) => ({
      type: 'Create',
      published: new Date(day(d) * 1000).toISOString(),
      to,
      cc,
      object: {
        id: `${actor}/statuses/${id}`,
        type: 'Note',
        published: new Date(day(d) * 1000).toISOString(),
        content,
        inReplyTo,
        to,
        cc,
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
                to,
                cc,
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

  it('reads Meta times in seconds or in milliseconds', () => {
    expect(seconds(1_761_998_400)).toBe('2025-11-01T12:00:00.000Z');
    expect(seconds(1_761_998_400_000)).toBe('2025-11-01T12:00:00.000Z');
    expect([seconds(0), seconds(-5), seconds('1761998400'), seconds(Number.NaN), seconds(1e20)]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('says whom Facebook comments answered, from their titles', () => {
    expect(facebookTarget("Northwind replied to Ann Lee's comment.")).toEqual({ answered: 'Ann Lee' });
    expect(facebookTarget("Northwind commented on Bob's post.")).toEqual({ answered: 'Bob', onOwnPost: false });
    expect(facebookTarget("Northwind commented on Chris' photo.")).toEqual({ answered: 'Chris', onOwnPost: false });
    expect(facebookTarget('Northwind commented on their own photo.')).toEqual({ onOwnPost: true });
    expect(facebookTarget("Northwind commented on Northwind's post.")).toEqual({ onOwnPost: true });
    expect(facebookTarget('Northwind updated their status.')).toEqual({});
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

  it("reads a YouTube channel's Google Takeout: public videos, and its comments in both text formats", async () => {
    const base = 'Takeout/YouTube and YouTube Music';
    writeFileSync(
      join(dir, 'takeout.zip'),
      zip([
        {
          name: `${base}/video metadata/videos.csv`,
          data: [
            'Video ID,Approx Duration (ms),Video Audio Language,Video Category,Video Description (Original),Channel ID,Video Title (Original),Privacy,Video State,Video Create Timestamp,Video Publish Timestamp',
            'vid1,60000,en,Travel & Events,"Boots, tested",UCnw,Trail boots review,Public,Processed,2026-10-01T09:00:00+00:00,2026-10-02T09:00:00+00:00',
            'vid2,60000,en,Travel & Events,,UCnw,Draft cut,Private,Processed,2026-10-20T09:00:00+00:00,',
            'vid3,60000,en,Travel & Events,,UCnw,Autumn trails,Public,Processed,2026-10-25T09:00:00.123456+00:00,2026-10-25T10:00:00.123456+00:00',
          ].join('\r\n'),
        },
        {
          name: `${base}/comments/comments.csv`,
          data: [
            'Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text',
            'UCnw,2026-10-26T08:00:00+00:00,0,c1,p1,vid3,"{""text"":""Thanks for watching, ""},{""text"":""@ann""}"',
            'UCnw,2026-10-27T08:00:00+00:00,0,c2,,other,"{""takeoutSegments"":[{""text"":""Great video!""}]}"',
            'UCnw,2026-10-28T08:00:00+00:00,0,c3,p3,vid1,plain text from an old Takeout',
          ].join('\r\n'),
        },
        { name: `${base}/subscriptions/subscriptions.csv`, data: 'Channel Id,Channel Url,Channel Title\n' },
      ]),
    );
    const p = await audited(inventory('yt', 'https://www.youtube.com/@northwind', 'takeout.zip'));
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 2, replies: 3, lastPostAt: '2026-10-28T08:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(
      /^the owner's YouTube \(Google Takeout\) download \(2 files\): 2 posts and 3 comments of its own \(2 under its own posts\); 1 private or unlisted video not counted, 2026-10-02 to 2026-10-28$/,
    );
    expect(takeoutText('{"text":"a"},{"text":"\\n"},{"text":"b"}')).toBe('a\nb');
    expect(takeoutText('{"takeoutSegments":[{"text":"old"}]}')).toBe('old');
    expect(takeoutText('{not json')).toBe('{not json');
  });

  it("reads a LinkedIn page's content export workbook: its posts, the comments they received, and says what it cannot show", async () => {
    writeFileSync(
      join(dir, 'northwind_content.xlsx'),
      xlsx([
        {
          name: 'Metrics',
          rows: [['Aggregated metrics'], ['Date', 'Impressions (organic)'], [new Date(Date.UTC(2026, 9, 1)), 40]],
        },
        {
          name: 'All posts',
          rows: [
            ['All posts: the posts of the page in the period'],
            [
              'Post title',
              'Post link',
              'Post type',
              'Posted by',
              'Created date',
              'Impressions',
              'Clicks',
              'Likes',
              'Comments',
              'Reposts',
            ],
            [
              'Our autumn range is here',
              'https://www.linkedin.com/feed/update/urn:li:activity:1',
              'Organic',
              'Ann',
              '10/05/2026',
              100,
              3,
              9,
              4,
              1,
            ],
            [
              'We are hiring trail guides',
              'https://www.linkedin.com/feed/update/urn:li:activity:2',
              'Organic',
              'Ann',
              new Date(Date.UTC(2026, 9, 20, 14, 30)),
              80,
              2,
              5,
              2,
              0,
            ],
            [null, null, null, null, null, null, null, null, null, null],
          ],
        },
      ]),
    );
    const file = join(dir, 'li-page.yaml');
    writeFileSync(
      file,
      'company: Northwind\nsettings:\n  exportTimeZone: "+02:00"\nprofiles:\n  - url: https://www.linkedin.com/company/northwind\n    archive: northwind_content.xlsx\n',
    );
    const p = await audited(file);
    expect(p.status).toBe('active');
    expect(p.metrics).toMatchObject({ originals: 2, lastPostAt: '2026-10-20T12:30:00.000Z' });
    expect(p.metrics.conversationRatio).toBeNull();
    expect(p.metrics.unavailable.conversationRatio).toMatch(
      /counts the comments each post received, not what the page answered/,
    );
    expect(p.metrics.sample.note).toMatch(
      /^the owner's LinkedIn download \(1 file\): 2 posts of its own; its posts received 6 comments; its local times are read as UTC\+02:00/,
    );
  });

  it('reads the same export saved as CSV, and names the columns it needs when a workbook has no posts sheet', async () => {
    writeFileSync(
      join(dir, 'northwind_content.csv'),
      'All posts: the posts of the page in the period\r\nPost title,Post link,Created date,Comments\r\nSpring trails,https://www.linkedin.com/feed/update/urn:li:activity:3,10/30/2026,1\r\n',
    );
    const p = await audited(inventory('li-csv', 'https://www.linkedin.com/company/northwind', 'northwind_content.csv'));
    expect(p.metrics).toMatchObject({ originals: 1, lastPostAt: '2026-10-30T00:00:00.000Z' });
    writeFileSync(
      join(dir, 'other.xlsx'),
      xlsx([
        {
          name: 'Visitors',
          rows: [
            ['Date', 'Page views'],
            ['10/01/2026', 4],
          ],
        },
      ]),
    );
    const q = await audited(inventory('li-other', 'https://www.linkedin.com/company/northwind', 'other.xlsx'));
    expect(q.status).toBe('error');
    expect(q.statusReason).toMatch(
      /other\.xlsx: no sheet lists posts \(expected an "All posts" sheet with Post title, Post link and Created date columns\); its sheets: Visitors/,
    );
  });

  it('refuses a legacy .xls workbook with what to do, and a workbook bomb like any zip bomb', async () => {
    writeFileSync(
      join(dir, 'legacy.xls'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    const p = await audited(inventory('li-xls', 'https://www.linkedin.com/company/northwind', 'legacy.xls'));
    expect(p.status).toBe('error');
    expect(p.statusReason).toMatch(
      /legacy Excel 97–2003 workbook \(BIFF\), which is not read: open it and save it as \.xlsx or \.csv/,
    );
    const bomb = xlsx([{ name: 'All posts', rows: [['Post title'], ['x'.repeat(3 * 1024 * 1024)]] }]);
    await expect(
      readWorkbook(bomb, 'bomb.xlsx', { maxEntryBytes: 1024 * 1024, maxArchiveBytes: 8 * 1024 * 1024 }),
    ).rejects.toThrow(/bomb\.xlsx: xl\/worksheets\/sheet1\.xml unpacks to more than 1 MiB: refused/);
  });

  it('validate reads each export as the audit will, and says what it found', async () => {
    const run = await cli(['validate', inventory('fbv', 'https://www.facebook.com/northwind', 'facebook.zip')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ {4}the owner's Facebook download \(2 files\): 5 posts and 4 comments of its own \(1 person answered by name\), 2026-10-01 to 2026-10-28$/m,
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
    const { posts } = await readDownloadFiles(facebookDownload, join(dir, 'big-facebook'), true);
    expect(posts).toHaveLength(150_000);
  });

  describe('hostile downloads', () => {
    it('reads a million-row CSV in a download as it unpacks, row by row, formulas kept as text', async () => {
      const rows = 1_000_000;
      const start = Date.UTC(2026, 9, 31);
      const lines = ['Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility'];
      for (let i = 0; i < rows; i++)
        lines.push(
          `${new Date(start - i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},,"=HYPERLINK(""http://evil.example"",""${i}"")",,,PUBLIC`,
        );
      writeFileSync(join(dir, 'million.zip'), zip([{ name: 'Shares.csv', data: lines.join('\n') }]));
      const { posts, note } = await readDownloadFiles(linkedinDownload, join(dir, 'million.zip'), false);
      expect(posts).toHaveLength(rows);
      expect(note).toMatch(/^the owner's LinkedIn download \(1 file\): 1,000,000 posts and 0 comments of its own/);
      expect(posts[rows - 1]).toMatchObject({ text: '=HYPERLINK("http://evil.example","999999")', kind: 'original' });
    }, 60_000);

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
