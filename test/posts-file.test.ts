/**
 * The posts file (`posts:` in the inventory): a CSV or JSON of the account's posts, read and checked row by row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPostsFile } from '../src/sources/posts-file/posts-file.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('posts files', () => {
  const write = (name: string, text: string) => {
    const file = join(tmp, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a CSV with a BOM, any column order and case, quoted commas and line breaks, and rejects bad rows by number', async () => {
    const file = write(
      'posts.csv',
      '\uFEFFText,DATE,isReply,inReplyToDate,IsRepost,id,author,likes\r\n' +
        '"Hello, world",2026-10-01T10:00:00Z,false,,false,p1,brand,3\r\n' +
        '"A post\r\nover two lines",2026-10-02 09:30,,,,p2,brand,0\r\n' +
        'Broken date,yesterday,false,,false,p3,brand,0\r\n' +
        '@ann we are on it,2026-10-03T10:00:00Z,yes,2026-10-03T09:00:00Z,no,p4,brand,1\r\n' +
        'Maybe,2026-10-04T10:00:00Z,maybe,,false,p5,brand,0\r\n' +
        'Shared,2026-10-05T10:00:00Z,0,,1,p6,brand,0\r\n',
    );
    const result = await readPostsFile(file, { snowflakes: false });
    expect(result.rows).toBe(6);
    expect(result.rejected).toBe(2);
    expect(result.problems).toEqual([
      'row 4: date: "yesterday" is not a date (expected ISO 8601, e.g. 2026-03-01T14:05:00Z)',
      'row 6: isReply: expected true or false, got "maybe"',
    ]);
    expect(result.posts.map((p) => [p.id, p.kind, p.createdAt])).toEqual([
      ['p1', 'original', '2026-10-01T10:00:00.000Z'],
      ['p2', 'original', '2026-10-02T09:30:00.000Z'],
      ['p4', 'reply', '2026-10-03T10:00:00.000Z'],
      ['p6', 'repost', '2026-10-05T10:00:00.000Z'],
    ]);
    expect(result.posts[1]!.text).toBe('A post\r\nover two lines');
    expect(result.posts[2]!.inReplyToCreatedAt).toBe('2026-10-03T09:00:00.000Z');
  });

  it("links replies to rows of the file: same author is a thread, another's row dates the parent", async () => {
    const file = write(
      'posts.json',
      JSON.stringify([
        { id: 'q1', date: '2026-10-01T10:00:00Z', text: 'Question?', author: 'ann' },
        { id: 'b1', date: '2026-10-01T10:30:00Z', text: 'Answer', isReply: true, inReplyToId: 'q1', author: 'brand' },
        { id: 'b2', date: '2026-10-01T11:00:00Z', text: 'More', isReply: true, inReplyToId: 'b1', author: 'brand' },
        { id: 'b3', date: 1791108000, text: 'epoch seconds' },
        'not an object',
      ]),
    );
    const result = await readPostsFile(file, { snowflakes: false });
    expect(result.posts.map((p) => [p.id, p.kind, p.inReplyToCreatedAt])).toEqual([
      ['q1', 'original', null],
      ['b1', 'reply', '2026-10-01T10:00:00.000Z'],
      ['b2', 'thread', null],
      ['b3', 'original', null],
    ]);
    expect(result.problems).toEqual(['element 5: expected an object with a "date" field']);
  });

  it('dates the parent from an X snowflake id when the file is an X export', async () => {
    const file = write('x.csv', 'date,text,inReplyToId\n2022-11-03T10:00:00Z,@ann hi,1588091220244369409\n');
    const result = await readPostsFile(file, { snowflakes: true });
    expect(result.posts[0]).toMatchObject({ kind: 'reply', inReplyToCreatedAt: '2022-11-03T08:50:26.871Z' });
  });

  it('reads a stray quote inside a field as text, as spreadsheets do, and refuses a quote that never closes', async () => {
    const stray = await readPostsFile(write('stray.csv', 'date,text\n2026-10-01,The 12" tent\n2026-10-02,ok\n'), {
      snowflakes: false,
    });
    expect(stray.posts.map((p) => [p.id, p.text])).toEqual([
      ['row-2', 'The 12" tent'],
      ['row-3', 'ok'],
    ]);
    await expect(
      readPostsFile(write('open.csv', 'date,text\n2026-10-01,"never closed\n2026-10-02,ok\n'), { snowflakes: false }),
    ).rejects.toThrow(/^not valid CSV: /);
  });

  it('says only the date column is required, for an empty file and a header without it (issue 21, item 2)', async () => {
    await expect(readPostsFile(write('empty.csv', ''), { snowflakes: false })).rejects.toThrow(
      'the file is empty (expected a header row with a "date" column, e.g. date,text,isReply; only date is required)',
    );
    await expect(
      readPostsFile(write('textless.csv', 'date\n2026-10-01\n'), { snowflakes: false }),
    ).resolves.toMatchObject({ rows: 1, rejected: 0 });
  });

  it('refuses a file without a date column, naming the columns it found', async () => {
    const file = write('nodate.csv', 'when,text\n2026-10-01,hi\n');
    await expect(readPostsFile(file, { snowflakes: false })).rejects.toThrow(
      /no "date" column in the header \(found: when, text\)/,
    );
  });
});
