/**
 * LinkedIn's owner downloads (issue 16, item 1): a member's data export (Shares.csv, Comments.csv) and a page's
 * content export, as a workbook or as CSV.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../../helpers/xlsx.js';
import { zip } from '../../../scripts/formats/zip.js';
import { audited, dir, inventory } from '../../helpers/downloads.js';
import { format } from '../../../src/platforms/linkedin/download.js';
import { readDownloadFiles } from '../../../src/sources/downloads/read-files.js';

describe('owner downloads', () => {
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
      /LinkedIn download \(2 files\): 1 post and 1 comment of its own; read Comments\.csv and Shares\.csv; its local times are read as UTC/,
    );
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
      /^the owner's LinkedIn download \(1 file\): 2 posts of its own; read northwind_content\.xlsx; its posts received 6 comments; its local times are read as UTC\+02:00/,
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

  describe('member exports as LinkedIn writes them (issue 33; research33/LAYOUTS.md §7.1)', () => {
    const SHARES = 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility';
    const read = async (name: string, entries: { name: string; data: string | Buffer }[]) => {
      writeFileSync(join(dir, name), zip(entries));
      return readDownloadFiles(format, join(dir, name), false);
    };

    it('reads Comments.csv whose quotes are escaped with a backslash over lines, beside Shares.csv doubling them', async () => {
      const { posts, note } = await read('li-backslash.zip', [
        {
          name: 'Shares.csv',
          data: `${SHARES}\n2026-10-20 08:00:00,https://www.linkedin.com/feed/update/1,"The ""trail"" guide is out",,,PUBLIC\n`,
        },
        {
          name: 'Comments.csv',
          data: 'Date,Link,Message\n2026-10-21 09:15:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7000000000000000001,"She said \\"see you, then\\" and left,\nthen came back."\n2026-10-22 10:00:00,https://www.linkedin.com/feed/update/3,Thanks\n',
        },
      ]);
      expect(posts.map((p) => p.text)).toEqual([
        'The "trail" guide is out',
        'She said "see you, then" and left,\nthen came back.',
        'Thanks',
      ]);
      expect(note).toMatch(/\(2 files\): 1 post and 2 comments of its own/);
    });

    it('reads Shares_<member id>.csv and Comments_<member id>.csv, a blank Date as undated', async () => {
      const { posts } = await read('li-member-id.zip', [
        {
          name: 'Shares_17529409.csv',
          data: `${SHARES}\n,https://www.linkedin.com/feed/update/1,Undated share,,,PUBLIC\n`,
        },
        {
          name: 'Comments_17529409.csv',
          data: 'Date,Link,Message\n2026-10-21 09:15:00,https://www.linkedin.com/feed/update/2,Hi\n',
        },
      ]);
      expect(posts.map((p) => [p.text, p.createdAt])).toEqual([
        ['Undated share', null],
        ['Hi', '2026-10-21T09:15:00.000Z'],
      ]);
    });

    it('leaves connections-only shares out and counts them; MEMBER_NETWORK, LOGGED_IN and PUBLIC are kept', async () => {
      const rows = ['PUBLIC', 'MEMBER_NETWORK', 'LOGGED_IN', 'CONNECTIONS', 'CONNECTIONS']
        .map((v, i) => `2026-10-0${i + 1} 08:00:00,https://www.linkedin.com/feed/update/${i},Share ${v} ${i},,,${v}`)
        .join('\n');
      const { posts, note } = await read('li-visibility.zip', [{ name: 'Shares.csv', data: `${SHARES}\n${rows}\n` }]);
      expect(posts.map((p) => p.text)).toEqual(['Share PUBLIC 0', 'Share MEMBER_NETWORK 1', 'Share LOGGED_IN 2']);
      expect(note).toMatch(/3 posts and 0 comments of its own; read Shares\.csv; 2 connections-only shares left out/);
      expect(note).not.toMatch(/Share CONNECTIONS/);
    });

    it('reads an older export in UTF-16, tab-separated', async () => {
      const tsv = `\ufeff${SHARES.replaceAll(',', '\t')}\r\n2026-10-20 08:00:00\thttps://www.linkedin.com/feed/update/1\tGrüße, trail guides\t\t\tPUBLIC\r\n`;
      const { posts } = await read('li-utf16.zip', [{ name: 'Shares.csv', data: Buffer.from(tsv, 'utf16le') }]);
      expect(posts.map((p) => [p.text, p.createdAt])).toEqual([['Grüße, trail guides', '2026-10-20T08:00:00.000Z']]);
    });
  });
});
