/**
 * The X archive an account's owner downloads: its tweets read as posts, an unpacked data/tweets.js with its
 * siblings or the .zip as X delivers it, and a 50 MB tweets.js audited in bounded memory.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readExport } from '../../../src/platforms/kit/owner-download.js';
import { tweetToPost } from '../../../src/platforms/x/archive.js';
import { readXArchive } from '../../../src/platforms/x/archive-files.js';
import { read } from '../../../src/platforms/x/download.js';
import type { ProfileSpec } from '../../../src/model/index.js';
import { accountJs, tweetsJs, twitterSnowflake, type ArchiveTweetSpec } from './download-format.js';
import { zip } from '../../../scripts/formats/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

describe('every X archive era, zipped or unpacked (issue 33)', () => {
  const place = (path: string, folder: boolean) => ({
    path,
    shown: path,
    folder,
    root: tmp,
    allowOutside: false,
    timeZone: 'UTC',
    profileUrl: 'https://x.com/northwind',
  });
  const six = archiveTweets(6);
  const unpacked = (name: string, files: Record<string, string>) => {
    const folder = join(tmp, name);
    mkdirSync(join(folder, 'data'), { recursive: true });
    for (const [file, data] of Object.entries(files)) writeFileSync(join(folder, file), data);
    return folder;
  };

  it('reads an unpacked 2019 archive: data/tweet.js of bare tweets, the note naming tweet.js', async () => {
    const folder = unpacked('era-2019', {
      'data/tweet.js': tweetsJs(six, { global: 'tweet', bare: true }),
      'data/account.js': accountJs('42', 'northwind', 'Northwind Support'),
    });
    const got = await read(place(folder, true));
    expect(got.posts).toHaveLength(6);
    expect(got.note).toBe("the owner's X archive (data/tweet.js): all 6 tweets");
    // the bare shape keeps the parent's id: the reply is dated by its snowflake
    const reply = got.posts.find((p) => p.kind === 'reply')!;
    expect(reply.inReplyToCreatedAt).toBe(new Date(Date.parse(reply.createdAt!) - 3_600_000).toISOString());
  });

  it('reads an unpacked 2020–21 archive: data/tweet.js and data/tweet-part1.js, wrapped', async () => {
    const folder = unpacked('era-2021', {
      'data/tweet.js': tweetsJs(six.slice(0, 4), { global: 'tweet' }),
      'data/tweet-part1.js': tweetsJs(six.slice(4), { global: 'tweet', part: 1 }),
      'data/account.js': accountJs('42', 'northwind', 'Northwind Support'),
    });
    const got = await read(place(folder, true));
    expect(got.posts.map((p) => p.id).sort()).toEqual(six.map((t) => t.id).sort());
    expect(got.note).toBe("the owner's X archive (data/tweet.js, data/tweet-part1.js): all 6 tweets");
  });

  it('reads an unpacked 2022+ archive: data/tweets.js and data/tweets-part1.js', async () => {
    const folder = unpacked('era-2022', {
      'data/tweets.js': tweetsJs(six.slice(0, 3)),
      'data/tweets-part1.js': tweetsJs(six.slice(3), { part: 1 }),
    });
    const got = await read(place(folder, true));
    expect(got.posts).toHaveLength(6);
    expect(got.note).toBe("the owner's X archive (data/tweets.js, data/tweets-part1.js): all 6 tweets");
  });

  it('names data/tweet.js when that file itself is given, and reads the 2019 shape zipped', async () => {
    const folder = unpacked('given-2019', { 'data/tweet.js': tweetsJs(six, { global: 'tweet', bare: true }) });
    expect((await read(place(join(folder, 'data', 'tweet.js'), false))).note).toBe(
      "the owner's X archive (data/tweet.js): all 6 tweets",
    );
    const file = join(tmp, 'twitter-2019.zip');
    writeFileSync(file, zip([{ name: 'data/tweet.js', data: tweetsJs(six, { global: 'tweet', bare: true }) }]));
    const got = await read(place(file, false));
    expect(got.posts).toHaveLength(6);
    expect(got.note).toBe("the owner's X archive (data/tweet.js): all 6 tweets");
  });

  it('decodes the HTML entities X stores in full_text, exactly once', async () => {
    const text = '@ann &gt; wollen sie? Fish &amp; chips &lt;3 &quot;yes&quot; it&#39;s &#x1F600;&#128512; &amp;gt;';
    const post = tweetToPost({ id_str: '1588091220244369410', full_text: text }, me)!;
    expect(post.text).toBe('@ann > wollen sie? Fish & chips <3 "yes" it\'s 😀😀 &gt;');
  });

  it('recognises the classic (pre-2018) archive and says it is not read', async () => {
    const file = join(tmp, 'tweets-classic.zip');
    writeFileSync(
      file,
      zip([
        { name: 'tweets.csv', data: '"tweet_id","in_reply_to_status_id","timestamp","text"\n' },
        { name: 'data/js/tweets/2015_01.js', data: 'Grailbird.data.tweets_2015_01 = \n[ ]' },
      ]),
    );
    await expect(read(place(file, false))).rejects.toThrow(
      /the classic Twitter archive \(tweets\.csv, data\/js\/tweets\/YYYY_MM\.js\).*expected data\/tweets\.js/,
    );
  });
});
