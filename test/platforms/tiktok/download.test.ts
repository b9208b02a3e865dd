/**
 * The download TikTok gives an account's owner (issue 16, item 1): user_data.json's videos and comments, in
 * local times read as UTC or in settings.exportTimeZone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';
import { audited, dir, inventory, tiktok } from '../../helpers/downloads.js';
import { zip } from '../../../scripts/formats/zip.js';
import { tiktokPosts } from '../../../src/platforms/tiktok/download.js';
import { type TikTokVideo, tiktokExport } from './download-format.js';

describe('owner downloads', () => {
  it('reads TikTok user_data.json: videos and comments, local times as UTC, said in the note', async () => {
    writeFileSync(join(dir, 'tiktok.zip'), tiktok);
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
    expect(p.metrics.sample.note).toMatch(/its local times are read as UTC\+02:00/);
    const bad = join(dir, 'tt-bad.yaml');
    writeFileSync(
      bad,
      'company: N\nsettings:\n  exportTimeZone: Europe/Paris\nprofiles:\n  - url: https://www.tiktok.com/@n\n',
    );
    expect((await cli(['validate', bad])).stderr).toMatch(
      /:3:19: settings\.exportTimeZone: expected UTC or an offset such as "\+02:00"/,
    );
  });
});

describe('TikTok downloads as they come (issue 33)', () => {
  const videos: TikTokVideo[] = [
    { date: '2026-10-20 10:00:00', title: 'Autumn trail boots are in' },
    { date: '2026-10-25 10:00:00', title: 'How we wax a boot' },
  ];
  const comments = [{ date: '2026-10-26 09:00:00', comment: 'Thanks, glad you like them!' }];

  it('reads user_data_tiktok.json given as the archive itself, not zipped', async () => {
    writeFileSync(join(dir, 'user_data_tiktok.json'), tiktokExport(videos, comments));
    const p = await audited(inventory('tt-json', 'https://www.tiktok.com/@northwind', 'user_data_tiktok.json'));
    expect(p.metrics).toMatchObject({ originals: 2, replies: 1, lastPostAt: '2026-10-26T09:00:00.000Z' });
  });

  it('reads the renamed sections of newer exports (Post.Posts.VideoList, Your Activity), null sections and lower-case comment keys', async () => {
    writeFileSync(
      join(dir, 'tt-renamed.zip'),
      zip([{ name: 'user_data_tiktok.json', data: tiktokExport(videos, comments, { renamed: true }) }]),
    );
    const p = await audited(inventory('tt-renamed', 'https://www.tiktok.com/@northwind', 'tt-renamed.zip'));
    expect(p.metrics).toMatchObject({ originals: 2, replies: 1 });
    // the caption is the video's text (`Title`; `Description` in older exports)
    const read = tiktokPosts(JSON.parse(tiktokExport(videos, comments, { renamed: true })), 'user_data_tiktok.json');
    expect(read.videos.map((v) => v.text)).toEqual(['Autumn trail boots are in', 'How we wax a boot']);
  });

  it('leaves out videos not public and never reads direct messages, and the note counts them', async () => {
    const secret = 'SECRET-DM-text-9f3';
    const hidden = 'PRIVATE-video-title-7c1';
    const mixed: TikTokVideo[] = [
      ...videos,
      { date: '2026-10-27 10:00:00', title: hidden, whoCanView: 'Friends' },
      { date: '2026-10-28 10:00:00', title: hidden, whoCanView: 'Only me' },
      { date: '2026-10-29 10:00:00', title: hidden, whoCanView: 'Followers' },
    ];
    mkdirSync(join(dir, 'tt-private'), { recursive: true });
    writeFileSync(join(dir, 'tt-private', 'user_data.json'), tiktokExport(mixed, comments, { messages: [secret] }));
    const file = inventory('tt-private', 'https://www.tiktok.com/@northwind', 'tt-private');
    const p = await audited(file);
    expect(p.metrics).toMatchObject({ originals: 2, replies: 1, lastPostAt: '2026-10-26T09:00:00.000Z' });
    expect(p.metrics.sample.note).toMatch(/3 videos not public left out/);
    for (const format of ['json', 'md', 'html', 'csv']) {
      const run = await cli(['audit', file, '--as-of', '2026-11-01', '-f', format, '--fail-on', 'never']);
      expect(run.stdout).not.toContain(secret);
      expect(run.stdout).not.toContain(hidden);
    }
  });

  it("recognises TikTok's TXT format, zipped or unpacked, and asks for the JSON format", async () => {
    writeFileSync(
      join(dir, 'tt-txt.zip'),
      zip([
        { name: 'Comments.txt', data: 'Date: 2026-10-26 09:00:00\nComment: Thanks!\n' },
        { name: 'Posts.txt', data: 'Date: 2026-10-25 10:00:00\nLink: https://www.tiktokv.com/share/video/1/\n' },
        { name: 'Watch History.txt', data: '' },
      ]),
    );
    mkdirSync(join(dir, 'tt-txt', 'Videos'), { recursive: true });
    writeFileSync(join(dir, 'tt-txt', 'Videos', 'Videos.txt'), 'Date: 2020-05-01 10:00:00\nVideo Link: x\n');
    for (const archive of ['tt-txt.zip', 'tt-txt']) {
      const run = await cli([
        'audit',
        inventory('tt-txt', 'https://www.tiktok.com/@northwind', archive),
        '--as-of',
        '2026-11-01',
        '-f',
        'json',
        '--fail-on',
        'never',
      ]);
      const p = JSON.parse(run.stdout).profiles[0];
      expect(JSON.stringify(p)).toMatch(
        /this is TikTok's TXT format \([^)]*\.txt[^)]*\); expected user_data_tiktok\.json/,
      );
    }
  });
});
