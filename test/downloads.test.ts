/**
 * Owner downloads in general (issue 16, item 1; each platform's own format is tested in
 * test/platforms/<id>/download.test.ts): Meta's mojibake and times, workbooks, validate, a download of
 * 150,000 posts, and hostile downloads (traversal, symlinks, zip bombs, formulas).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDownload } from '../src/sources/downloads/download.js';
import { readDownloadFiles } from '../src/sources/downloads/read-files.js';
import { repairMojibake, seconds } from '../src/sources/downloads/items.js';
import { format as facebookDownload } from '../src/platforms/facebook/download.js';
import { format as linkedinDownload } from '../src/platforms/linkedin/download.js';
import { readWorkbook } from '../src/sources/downloads/workbook.js';
import { cli } from './helpers/cli.js';
import { xlsx } from './helpers/xlsx.js';
import { zip } from '../scripts/formats/zip.js';
import { audited, day, dir, facebook, inventory, tiktok } from './helpers/downloads.js';

describe('owner downloads', () => {
  it('repairs Meta mojibake and leaves real text alone', () => {
    expect(repairMojibake('CafÃ©')).toBe('Café');
    expect(repairMojibake('Ã\u00a0 bientôt')).toBe('Ã\u00a0 bientôt'); // not mojibake once a real character is in it
    expect(repairMojibake('Grüße')).toBe('Grüße');
    expect(repairMojibake('plain text')).toBe('plain text');
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
    // the downloads the Facebook and TikTok tests read, as validate meets them
    writeFileSync(join(dir, 'facebook.zip'), facebook);
    writeFileSync(join(dir, 'tiktok.zip'), tiktok);
    const run = await cli(['validate', inventory('fbv', 'https://www.facebook.com/northwind', 'facebook.zip')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ {4}the owner's Facebook download \(2 files\): 5 posts and 4 comments of its own \(1 person answered by name\); read your_facebook_activity\/comments_and_reactions\/comments\.json and your_facebook_activity\/posts\/your_posts_1\.json, 2026-10-01 to 2026-10-28$/m,
    );
    const wrong = await cli(['validate', inventory('wrongv', 'https://www.facebook.com/northwind', 'tiktok.zip')]);
    expect(wrong.stdout).toMatch(
      /^ {4}cannot be read: malformed export tiktok\.zip: no Facebook posts or comments in the download/m,
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
