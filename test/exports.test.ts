/** Owner exports: the streaming JSON array reader, the X archive (tweets.js and .zip) and the posts file. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonArrayError, jsonArrayElements } from '../src/sources/downloads/json-array.js';
import { readPostsFile } from '../src/sources/posts-file/posts-file.js';
import { readExport } from '../src/platforms/kit/owner-download.js';
import { tweetToPost } from '../src/platforms/x/archive.js';
import { readXArchive } from '../src/platforms/x/archive-files.js';
import type { ProfileSpec } from '../src/model/index.js';
import { accountJs, tweetsJs, twitterSnowflake, type ArchiveTweetSpec } from './platforms/x/download-format.js';
import { zip } from '../scripts/formats/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(chunks: Array<string | Buffer>) {
  const out: unknown[] = [];
  for await (const { value } of jsonArrayElements(chunks)) out.push(value);
  return out;
}

describe('jsonArrayElements', () => {
  const doc =
    'window.YTD.tweets.part0 = [ {"a": "],{\\"[", "b": [1, {"c": null}]}, "x\\\\", 3.5, true, {"é": "日本語 🌲"} ]\n';

  it('yields each element of the array after any prefix, whatever the chunk boundaries', async () => {
    const expected = JSON.parse(doc.slice(doc.indexOf('[')));
    expect(await collect([doc])).toEqual(expected);
    const bytes = Buffer.from(doc);
    expect(await collect([...bytes].map((b) => Buffer.from([b])))).toEqual(expected); // one byte at a time, splitting UTF-8
  });

  it('reads an empty array', async () => {
    expect(await collect(['[ ]'])).toEqual([]);
  });

  it('parses the elements that end in one chunk as one batch and still names the bad one, or the empty one, by position', async () => {
    const many = `{"comments_v2": [${Array.from({ length: 500 }, (_, i) => `{"n": ${i}, "t": "é,]\\"${i}"}`).join(',')}]}`;
    const expected = JSON.parse(many).comments_v2;
    for (const size of [7, 64, 4096, many.length]) {
      const bytes = Buffer.from(many);
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) =>
        bytes.subarray(k * size, (k + 1) * size),
      );
      expect(await collect(chunks)).toEqual(expected);
    }
    expect(await collect(['[1, 2, ]'])).toEqual([1, 2]); // a trailing comma, as before
    await expect(collect(['[1, 2, {x}, 4]'])).rejects.toThrow(/element 3 is not valid JSON/);
    await expect(collect(['[1, , 3]'])).rejects.toThrow(/empty element before position 2/);
    await expect(collect(['[1, 2', ', 3, {x}]'])).rejects.toThrow(/element 4 is not valid JSON/);
  });

  it.each([
    ['a cut-off array', '[{"a": 1}, {"b": ', /cut off after 1 complete element/],
    ['a malformed element', '[{"a": 1}, {b: 2}]', /element 2 is not valid JSON/],
    ['no array at all', 'window.x = {}', /no JSON array found/],
  ])('fails clearly on %s', async (_, text, message) => {
    await expect(collect([text])).rejects.toThrow(JsonArrayError);
    await expect(collect([text])).rejects.toThrow(message);
  });
});

const me = { accountId: '42', username: 'northwind', displayName: 'Northwind' };

describe('X archive tweets', () => {
  it.each([
    ['an original', { full_text: 'New boots are in' }, 'original', null],
    ['a mention-led post', { full_text: '@ann thanks for the photo!' }, 'mention', null],
    ['a retweet (RT @)', { full_text: 'RT @ann: Look at this' }, 'repost', null],
    [
      'a reply to someone, dated by the parent snowflake',
      {
        full_text: '@ann sorry!',
        in_reply_to_status_id_str: '1588091220244369409',
        in_reply_to_user_id_str: '7',
        in_reply_to_screen_name: 'ann',
      },
      'reply',
      '2022-11-03T08:50:26.871Z',
    ],
    [
      'a self-thread by account id',
      { full_text: '2/2 more', in_reply_to_status_id_str: '1588091220244369409', in_reply_to_user_id_str: '42' },
      'thread',
      null,
    ],
    [
      'a self-thread by screen name',
      { full_text: '2/2 more', in_reply_to_status_id_str: '1588091220244369409', in_reply_to_screen_name: 'NorthWind' },
      'thread',
      null,
    ],
    [
      'a reply to a pre-snowflake tweet (no parent date)',
      { full_text: '@ann hi', in_reply_to_status_id_str: '12345', in_reply_to_user_id_str: '7' },
      'reply',
      null,
    ],
  ])('classifies %s', (_, fields, kind, parentAt) => {
    const post = tweetToPost(
      { id_str: '1588091220244369410', created_at: 'Thu Nov 03 09:50:26 +0000 2022', ...fields },
      me,
    )!;
    expect(post.kind).toBe(kind);
    expect(post.inReplyToCreatedAt).toBe(parentAt);
    expect(post.createdAt).toBe('2022-11-03T09:50:26.000Z');
    expect(post.url).toBe('https://x.com/northwind/status/1588091220244369410');
  });
});

function archiveTweets(n: number, pad = 0): ArchiveTweetSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(Date.UTC(2026, 9, 30) - i * 600_000).toISOString();
    const id = twitterSnowflake(at, i);
    const filler = pad ? ` ${'trail '.repeat(pad)}` : '';
    if (i % 3 === 0)
      return {
        id,
        at,
        text: `@cust${i % 97} Thanks for reaching out! Please DM us your order number. Ref ${i} ^JS${filler}`,
        replyTo: {
          statusId: twitterSnowflake(new Date(Date.parse(at) - 3_600_000).toISOString(), i),
          userId: String(1000 + (i % 97)),
          screenName: `cust${i % 97}`,
        },
      };
    if (i % 3 === 1) return { id, at, text: `RT @friend${i % 13}: Trail report number ${i}` };
    return { id, at, text: `Post ${i}: new colours of the Ridge boot are in.${filler}` };
  });
}

describe('reading an X archive', () => {
  it('reads an unpacked data/tweets.js with its sibling tweets-part1.js and account.js', async () => {
    const dir = join(tmp, 'unpacked', 'data');
    mkdirSync(dir, { recursive: true });
    const tweets = archiveTweets(30);
    writeFileSync(join(dir, 'tweets.js'), tweetsJs(tweets.slice(0, 20)));
    writeFileSync(join(dir, 'tweets-part1.js'), tweetsJs(tweets.slice(20)).replace('part0', 'part1'));
    writeFileSync(join(dir, 'account.js'), accountJs('42', 'northwind', 'Northwind Support'));
    const archive = await readXArchive(join(dir, 'tweets.js'), null);
    expect(archive.files).toEqual(['data/tweets.js', 'data/tweets-part1.js']);
    expect(archive.posts).toHaveLength(30);
    expect(archive.account).toMatchObject({ accountId: '42', username: 'northwind', displayName: 'Northwind Support' });
    expect(archive.posts.filter((p) => p.kind === 'reply').every((p) => p.inReplyToCreatedAt !== null)).toBe(true);
  });

  it('reads the archive .zip as X delivers it, entry by entry', async () => {
    const tweets = archiveTweets(12);
    const file = join(tmp, 'twitter-2026-11-01-abc.zip');
    writeFileSync(
      file,
      zip([
        { name: 'Your archive.html', data: '<html></html>' },
        { name: 'data/account.js', data: accountJs('42', 'northwind', 'Northwind Support') },
        { name: 'data/tweets.js', data: tweetsJs(tweets) },
        { name: 'data/like.js', data: 'window.YTD.like.part0 = [ {"like": {"tweetId": "1"}} ]' },
      ]),
    );
    const archive = await readXArchive(file, null);
    expect(archive.files).toEqual(['data/tweets.js']);
    expect(archive.posts.map((p) => p.kind)).toEqual(
      tweets.map((_, i) => (i % 3 === 0 ? 'reply' : i % 3 === 1 ? 'repost' : 'original')),
    );
  });

  it('falls back to the @name in the profile URL when the archive has no account.js', async () => {
    const dir = join(tmp, 'no-account');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'my-tweets.js'),
      tweetsJs([
        {
          id: '1588091220244369410',
          at: '2026-10-01T10:00:00Z',
          text: '2/2',
          replyTo: { statusId: '1588091220244369409', userId: '99', screenName: 'northwind' },
        },
      ]),
    );
    const archive = await readXArchive(join(dir, 'my-tweets.js'), 'northwind');
    expect(archive.posts[0]!.kind).toBe('thread');
  });

  it("reports a zip without tweets, and a missing file, as that profile's error", async () => {
    const file = join(tmp, 'empty.zip');
    writeFileSync(file, zip([{ name: 'data/account.js', data: accountJs('1', 'a', 'A') }]));
    const spec = (path: string): ProfileSpec => ({
      id: 'x',
      url: 'https://x.com/northwind',
      platform: null,
      name: null,
      owner: null,
      tags: [],
      endpoints: {},
      export: { kind: 'archive', path, resolved: path, root: dirname(path), allowOutside: false },
      assert: {},
    });
    expect(await readExport(spec(file), 'x')).toMatchObject({
      kind: 'error',
      reason: expect.stringMatching(/no data\/tweets\.js/),
    });
    expect(await readExport(spec(join(tmp, 'nope.zip')), 'x')).toMatchObject({
      kind: 'error',
      reason: expect.stringMatching(/^export file not found/),
    });
  });
});

describe('a 50 MB tweets.js, in bounded memory', () => {
  const run = promisify(execFile);
  // Far below what loading the file whole would take: 50 MB of text plus its parsed objects.
  const HEAP_MB = 80;

  it.each(['tweets.js', 'archive.zip'])(
    `audits a 50 MB archive (%s) with the heap capped at ${HEAP_MB} MB`,
    async (kind) => {
      const dir = join(tmp, `big-${kind}`, 'data');
      mkdirSync(dir, { recursive: true });
      const tweets = archiveTweets(50_000, 40);
      const js = tweetsJs(tweets);
      expect(js.length).toBeGreaterThan(50_000_000);
      const archive = kind === 'tweets.js' ? join(dir, 'tweets.js') : join(dir, '..', 'archive.zip');
      writeFileSync(archive, kind === 'tweets.js' ? js : zip([{ name: 'data/tweets.js', data: js }]));
      const inventory = join(dir, '..', 'inventory.yaml');
      writeFileSync(
        inventory,
        `company: Big\nprofiles:\n  - url: https://x.com/northwind\n    archive: ${kind === 'tweets.js' ? 'data/tweets.js' : 'archive.zip'}\n`,
      );
      const out = join(dir, '..', 'report.json');
      const { stderr } = await run(
        'node',
        [
          `--max-old-space-size=${HEAP_MB}`,
          'dist/cli/main.js',
          'audit',
          inventory,
          '--as-of',
          '2026-11-01',
          '-o',
          out,
          '--fail-on',
          'never',
        ],
        {
          env: { ...process.env, CI: '1' },
        },
      );
      expect(stderr.trim()).toMatch(/^wrote json report to /);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(report.profiles[0]).toMatchObject({
        source: 'archive',
        status: 'active',
        metrics: { sample: { size: 50_000 } },
      });
      expect(report.profiles[0].metrics.cannedRatio).toBeGreaterThan(0.9);
    },
    120_000,
  );
});

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
