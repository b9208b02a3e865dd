/**
 * Owner downloads in general (issue 16, item 1; each platform's own format is tested in
 * test/platforms/<id>/download.test.ts): Meta's mojibake and times, workbooks, validate, a download of
 * 150,000 posts, and hostile downloads (traversal, symlinks, zip bombs, formulas).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDownload } from '../src/sources/downloads/download.js';
import { type DownloadFormat, each, mapRows, readDownloadFiles } from '../src/sources/downloads/read-files.js';
import { post, repairMojibake, seconds } from '../src/sources/downloads/items.js';
import { format as facebookDownload } from '../src/platforms/facebook/download.js';
import { format as linkedinDownload } from '../src/platforms/linkedin/download.js';
import { readWorkbook } from '../src/sources/downloads/workbook.js';
import { cli } from './helpers/cli.js';
import { xlsx } from './helpers/xlsx.js';
import { sharesCsvZip } from './platforms/linkedin/shares-csv.js';
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
    // an export validate cannot read is an error of the inventory, at its line: exit 2
    const wrong = await cli(['validate', inventory('wrongv', 'https://www.facebook.com/northwind', 'tiktok.zip')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /:\d+:\d+: .*malformed export tiktok\.zip: no Facebook posts or comments in the download/,
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
    // 150,000 rows: past where a spread of them as arguments overflows the main thread's stack; the cap's
    // boundary (a download of exactly the cap read whole, one row more refused) is in hostile-3-downloads
    it('reads a 150,000-row CSV in a download as it unpacks, row by row, formulas kept as text', async () => {
      const rows = 150_000;
      writeFileSync(join(dir, 'shares-150k.zip'), sharesCsvZip(rows));
      const { posts, note } = await readDownloadFiles(linkedinDownload, join(dir, 'shares-150k.zip'), false);
      expect(posts).toHaveLength(rows);
      expect(note).toMatch(/^the owner's LinkedIn download \(1 file\): 150,000 posts and 0 comments of its own/);
      expect(posts[rows - 1]).toMatchObject({ text: '=HYPERLINK("http://evil.example","149999")', kind: 'original' });
    });

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

  describe('CSVs as they are written, and a bad part never loses the rest (issue 33, items 2 and 3)', () => {
    // a format of no platform: each CSV row's Date and Text a post, each JSON file's `posts` its items
    const plain: DownloadFormat = {
      name: 'Plain',
      files: [/\.csv$/, /\.json$/],
      expected: 'posts.csv',
      replyWord: 'comment',
      read: async (names, d) => ({
        posts: [
          ...(await each(names, /\.csv$/, (n) =>
            mapRows(d.rows(n), (row, i) => post(`${n}#${i}`, String(row.Date), String(row.Text), 'original')),
          )),
          ...(await each(names, /\.json$/, (n) =>
            d.items(n, {
              keys: ['posts'],
              item: (v, f, i) => post(`${f}#${i}`, String(v.date), String(v.text), 'original'),
            }),
          )),
        ],
      }),
    };
    const folder = (name: string, files: Record<string, string | Buffer>) => {
      const root = join(dir, name);
      mkdirSync(root, { recursive: true });
      for (const [file, data] of Object.entries(files)) writeFileSync(join(root, file), data);
      return root;
    };
    const text = 'Date{d}Text\n2026-10-01T10:00:00Z{d}"Grüße, \u201ctrail\u201d"\n2026-10-02T10:00:00Z{d}second\n';
    const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    it.each([
      ['UTF-8 without a BOM, commas', Buffer.from(text.replaceAll('{d}', ','))],
      ['UTF-8 with a BOM, commas', Buffer.from(`\ufeff${text.replaceAll('{d}', ',')}`)],
      ['UTF-8, semicolons', Buffer.from(text.replaceAll('{d}', ';'))],
      ['UTF-16 LE with a BOM, tabs', Buffer.from(`\ufeff${text.replaceAll('{d}', '\t')}`, 'utf16le')],
      ['UTF-16 BE with a BOM, commas', utf16be(`\ufeff${text.replaceAll('{d}', ',')}`)],
      ['UTF-16 LE without a BOM, tabs', Buffer.from(text.replaceAll('{d}', '\t'), 'utf16le')],
      ['UTF-16 BE without a BOM, semicolons', utf16be(text.replaceAll('{d}', ';'))],
    ])('reads a CSV in %s', async (name, bytes) => {
      const root = folder(`csv-${name.replace(/\W+/g, '-')}`, { 'posts.csv': bytes });
      const { posts, note } = await readDownloadFiles(plain, root, true);
      expect(posts.map((p) => [p.createdAt, p.text])).toEqual([
        ['2026-10-01T10:00:00Z', 'Grüße, \u201ctrail\u201d'],
        ['2026-10-02T10:00:00Z', 'second'],
      ]);
      expect(note).not.toMatch(/could not be read/);
    });

    it('reads quotes escaped with a backslash, over lines, beside doubled ones', async () => {
      const root = folder('csv-backslash', {
        'posts.csv': [
          'Date,Text',
          '2026-10-01T10:00:00Z,"He said \\"yes, later\\" and left,',
          'then came back."',
          '2026-10-02T10:00:00Z,"the ""doubled"" way"',
          '2026-10-03T10:00:00Z,"ends on a quote \\"here\\""',
          '2026-10-04T10:00:00Z,"a path C:\\\\"',
          '',
        ].join('\n'),
      });
      const { posts } = await readDownloadFiles(plain, root, true);
      expect(posts.map((p) => p.text)).toEqual([
        'He said "yes, later" and left,\nthen came back.',
        'the "doubled" way',
        'ends on a quote "here"',
        'a path C:\\\\',
      ]);
    });

    it('skips a malformed row, counts it and says so; a stray quote inside a field is read as text', async () => {
      const root = folder('csv-bad-row', {
        'posts.csv':
          'Date,Text\n2026-10-01T10:00:00Z,"first"\n2026-10-02T10:00:00Z,"5"" and 7"" screens"\n2026-10-03T10:00:00Z,"cut off',
      });
      const { posts, note } = await readDownloadFiles(plain, root, true);
      expect(posts.map((p) => p.text)).toEqual(['first', '5" and 7" screens']);
      expect(note).toMatch(/; 1 row of posts\.csv could not be read: the profile is measured from what could be read/);
      const stray = folder('csv-stray-quote', {
        'posts.csv': 'Date,Text\n2026-10-01T10:00:00Z,"a "quoted" word"\n2026-10-02T10:00:00Z,after\n',
      });
      expect((await readDownloadFiles(plain, stray, true)).posts.map((p) => p.text)).toEqual([
        '"a "quoted" word"',
        'after',
      ]);
    });

    it('reports a malformed file and reads the others; nothing readable at all is an error', async () => {
      const root = folder('bad-file', {
        'a.json': '{"posts": [{"date": "2026-10-01T10:00:00Z", "text": "fine"}]}',
        'b.json': '{"posts": [{"date": "2026-10-02T10:00:00Z", "text": "cut',
        'c.csv': 'Date,Text\n2026-10-03T10:00:00Z,also fine\n',
      });
      const { posts, note } = await readDownloadFiles(plain, root, true);
      expect(posts.map((p) => p.text)).toEqual(['also fine', 'fine']);
      expect(note).toMatch(
        /b\.json could not be read \(not JSON .*\): the profile is measured from what could be read/,
      );
      const none = folder('bad-only', { 'b.json': '{"posts": [{"text": "cut' });
      await expect(readDownloadFiles(plain, none, true)).rejects.toThrow(/^b\.json: not JSON/);
    });
  });
});
