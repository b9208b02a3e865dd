/**
 * The third hostile-input pass (issue 30), owner downloads: workbook and element bombs, FIFOs and
 * files outside the folder, unreadable posts files, post-sized spreads. One test per item, named after
 * it; each was seen failing before its fix. Element bombs run in this process against lowered caps, and
 * one per reader family at the product's caps through the built binary under a 1 GB heap.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { zip } from '../scripts/formats/zip.js';
import { format as linkedinDownload } from '../src/platforms/linkedin/download.js';
import { readDownloadFiles } from '../src/sources/downloads/read-files.js';
import { readPostsFile } from '../src/sources/posts-file/posts-file.js';
import { openRegular } from '../src/sources/downloads/regular-file.js';
import { readWorkbook } from '../src/sources/downloads/workbook.js';
import { auditInventory, createHttpClient, loadInventory } from '../src/index.js';
import { BIN, cli } from './helpers/cli.js';
import { serveRoutes } from './helpers/evidence-server.js';
import { xlsx } from './helpers/xlsx.js';
import { sharesCsvZip } from './platforms/linkedin/shares-csv.js';

// The element caps as the readers see them: the product's unless a test lowers them (critical 4 runs
// every bomb against caps 1,000 times lower, so that each is a small input and not a minute of parsing)
const lowered = vi.hoisted(() => ({
  elements: undefined as number | undefined,
  json: undefined as number | undefined,
}));
vi.mock('../src/sources/downloads/element-caps.js', async (importOriginal) => {
  const caps = await importOriginal<typeof import('../src/sources/downloads/element-caps.js')>();
  return {
    ...caps,
    elementCounter: (what: string, limit?: number) => caps.elementCounter(what, limit ?? lowered.elements),
    parseJsonCapped: (bytes: Buffer, name: string, limit?: number) =>
      caps.parseJsonCapped(bytes, name, limit ?? lowered.json),
  };
});

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-3-downloads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ENV = { ...process.env, CI: '1', NO_COLOR: '1' };

/** An inventory of one profile read from `archive` (or `posts`), beside the file. */
function inventory(name: string, url: string, file: string, key = 'archive'): string {
  const path = join(tmp, `${name}.yaml`);
  writeFileSync(path, `company: Northwind\nprofiles:\n  - url: ${url}\n    ${key}: ${file}\n`);
  return path;
}

interface Audited {
  code: number;
  stderr: string;
  profile: { status: string; statusReason?: string; metrics?: { sample?: { note?: string } } } | null;
}

/** The built binary under a 1 GB heap, as a large client's CI runs it: exit code, stderr and the one profile (killed after `timeout` ms). */
async function audit(inv: string, args: string[] = [], timeout = 120_000): Promise<Audited> {
  const out = `${inv}.json`;
  rmSync(out, { force: true });
  const argv = ['--max-old-space-size=1024', BIN, 'audit', inv, '--as-of', '2026-11-01', '-f', 'json'];
  const result = await run('node', [...argv, '-o', out, '--fail-on', 'never', ...args], {
    env: ENV,
    maxBuffer: 1 << 26,
    timeout,
    killSignal: 'SIGKILL',
  }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  let profile: Audited['profile'] = null;
  try {
    profile = JSON.parse(readFileSync(out, 'utf8')).profiles[0];
  } catch {}
  return { ...result, profile };
}

const LINKEDIN = 'https://www.linkedin.com/company/northwind';
const sheet = (data: string, dimension = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${data}</sheetData></worksheet>`;
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Post title</t></is></c></row>';

describe('item 3 (critical): a workbook whose cells lie far away is refused before the library allocates them', () => {
  const bombs: Array<[string, string, RegExp]> = [
    [
      'far-column',
      sheet(`${header}<row r="2000000000"><c r="ZZZZZZ2000000000"><v>1</v></c></row>`),
      /row 2000000000 is beyond the reader's limit of 200,000 rows, 1,000 columns and 5,000,000 cells a sheet: refused/,
    ],
    [
      'last-cell',
      sheet(`${header}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`),
      /row 1048576 is beyond the reader's limit of 200,000 rows/,
    ],
    [
      'cell-only',
      sheet(`${header}<row><c r="XFD1048576"><v>1</v></c></row>`),
      /cell XFD1048576 is beyond the reader's limit/,
    ],
  ];
  for (const [name, xml, message] of bombs) {
    it(`${name}: a 1.5 KB .xlsx is an error on its profile, under a 1 GB heap`, async () => {
      const bytes = xlsx([{ name: 'All posts', rows: [], xml }]);
      expect(bytes.length).toBeLessThan(2000);
      writeFileSync(join(tmp, `${name}.xlsx`), bytes);
      const { code, stderr, profile } = await audit(inventory(name, LINKEDIN, `${name}.xlsx`));
      expect(code, stderr).toBe(0);
      expect(profile?.status).toBe('error');
      expect(profile?.statusReason).toMatch(message);
    }, 60_000);
  }

  it('a sheet of wide rows without references, a far dimension and a huge shared-strings table are refused too', async () => {
    const wide = sheet(`${header}<row>${'<c><v>1</v></c>'.repeat(1001)}</row>`);
    await expect(readWorkbook(xlsx([{ name: 'All posts', rows: [], xml: wide }]), 'wide.xlsx')).rejects.toThrow(
      /wide\.xlsx: xl\/worksheets\/sheet1\.xml: cell 1001 of row 2 is beyond the reader's limit/,
    );
    const dim = sheet(header, '<dimension ref="A1:XFD1048576"/>');
    await expect(readWorkbook(xlsx([{ name: 'All posts', rows: [], xml: dim }]), 'dim.xlsx')).rejects.toThrow(
      /the sheet's dimension A1:XFD1048576 is beyond the reader's limit/,
    );
    // rows × columns: 150,000 rows are allowed, and so are 100 columns, but not both (15 million cells)
    const grid = sheet(`${header}<row r="150000"><c r="CV150000"><v>1</v></c></row>`);
    await expect(readWorkbook(xlsx([{ name: 'All posts', rows: [], xml: grid }]), 'grid.xlsx')).rejects.toThrow(
      /cell CV150000 is beyond the reader's limit/,
    );
    const sst = {
      name: 'xl/sharedStrings.xml',
      data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9000000000" uniqueCount="9000000000"><si><t>a</t></si></sst>`,
    };
    await expect(readWorkbook(xlsx([{ name: 'All posts', rows: [['Post title']] }], [sst]), 's.xlsx')).rejects.toThrow(
      /9,000,000,000 shared strings declared, beyond the reader's limit of 1,000,000: refused/,
    );
    // a real export within the limits still reads
    const fine = await readWorkbook(
      xlsx([
        {
          name: 'All posts',
          rows: [
            ['Post title', 'Post link'],
            ['Spring', 'https://x.test/1'],
          ],
        },
      ]),
      'fine.xlsx',
    );
    expect(fine[0]?.rows[1]).toEqual(['Spring', 'https://x.test/1']);
  });
});

/** The demo's X archive unpacked into `name/data/`, with `extra` files beside its tweets.js. */
function unpacked(name: string): string {
  const data = join(tmp, name, 'data');
  mkdirSync(data, { recursive: true });
  copyFileSync('fixtures/demo/exports/x/data/tweets.js', join(data, 'tweets.js'));
  return data;
}

describe('item 5 (critical): a FIFO in a download never hangs the audit, and the signal failsafe really exits', () => {
  it('a FIFO named tweets-part1.js beside data/tweets.js is refused, the run ends', async () => {
    const data = unpacked('x-fifo');
    execFileSync('mkfifo', [join(data, 'tweets-part1.js')]);
    const { code, stderr, profile } = await audit(
      inventory('x-fifo', 'https://x.com/northwind', 'x-fifo/data/tweets.js'),
      [],
      20_000,
    );
    expect(code, stderr).toBe(0);
    expect(profile?.status).toBe('error');
    expect(profile?.statusReason).toMatch(/data\/tweets-part1\.js is not a regular file \(a FIFO\): refused/);
  }, 30_000);

  it('a FIFO in a download folder, or as the posts file or the repository, is never opened', async () => {
    const fb = join(tmp, 'fb-fifo', 'your_facebook_activity', 'posts');
    mkdirSync(fb, { recursive: true });
    writeFileSync(join(fb, 'your_posts_1.json'), '[{"timestamp": 1790000000, "data": [{"post": "Hello"}]}]');
    execFileSync('mkfifo', [join(fb, 'your_posts_2.json')]);
    const { code, profile } = await audit(
      inventory('fb-fifo', 'https://www.facebook.com/northwind', 'fb-fifo'),
      [],
      20_000,
    );
    expect(code).toBe(0);
    expect(profile?.status).not.toBe('error');
    expect(profile?.metrics?.sample?.note).toMatch(/\(1 file\)/);
    // a name swapped for a FIFO between the walk and the open is refused by the open itself
    execFileSync('mkfifo', [join(tmp, 'posts-fifo.csv')]);
    await expect(openRegular(join(tmp, 'posts-fifo.csv'), { shown: 'posts-fifo.csv' })).rejects.toThrow(
      /posts-fifo\.csv is not a regular file \(a FIFO\): refused/,
    );
  }, 30_000);

  it('the failsafe ends a process whose exit would wait for a thread blocked on a FIFO', async () => {
    execFileSync('mkfifo', [join(tmp, 'stuck')]);
    const script = `
      import { createReadStream } from 'node:fs';
      import { exitNow } from ${JSON.stringify(resolve('dist/cli/interrupt.js'))};
      createReadStream(${JSON.stringify(join(tmp, 'stuck'))}).on('data', () => {});
      setTimeout(() => exitNow(3), 200);`;
    const started = performance.now();
    const ended = await run('node', ['--input-type=module', '-e', script], { timeout: 15_000 }).then(
      () => ({ code: 0, signal: null }),
      (e: { code: number | null; signal: string | null; killed: boolean }) => ({ code: e.code, signal: e.signal }),
    );
    // killed by the watchdog, not by the test's own timeout
    expect(ended.signal).toBe('SIGKILL');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe('major: archive siblings and hard links are never read from outside the folder, nor quoted', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ca-outside-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'secret.js'), 'root:SECRET-VALUE-1234:0:0\n');

  it('a sibling tweets-part1.js that is a symlink out of the folder is refused, with nothing of it quoted', async () => {
    const data = unpacked('x-link');
    symlinkSync(join(outside, 'secret.js'), join(data, 'tweets-part1.js'));
    const { code, profile } = await audit(inventory('x-link', 'https://x.com/northwind', 'x-link/data/tweets.js'));
    expect(code).toBe(0);
    expect(profile?.status).toBe('error');
    expect(profile?.statusReason).toMatch(/data\/tweets-part1\.js leads outside the inventory's folder/);
    // with --allow-outside-paths it is read, and its parse error quotes nothing of it
    const allowed = await audit(inventory('x-link-ok', 'https://x.com/northwind', 'x-link/data/tweets.js'), [
      '--allow-outside-paths',
    ]);
    expect(allowed.profile?.statusReason).toMatch(/data\/tweets-part1\.js is not readable \(its content is not quoted/);
    expect(JSON.stringify(allowed.profile)).not.toContain('SECRET');
  }, 60_000);

  it('a file with several hard links is refused (it may be a file of outside the folder), whatever reads it', async () => {
    const data = unpacked('x-hard');
    linkSync(join(outside, 'secret.js'), join(data, 'tweets-part1.js'));
    const x = await audit(inventory('x-hard', 'https://x.com/northwind', 'x-hard/data/tweets.js'));
    expect(x.profile?.status).toBe('error');
    expect(x.profile?.statusReason).toMatch(/data\/tweets-part1\.js has 2 hard links: refused/);
    expect(JSON.stringify(x.profile)).not.toContain('SECRET');
    linkSync(join(outside, 'secret.js'), join(tmp, 'hard-posts.csv'));
    const posts = await audit(inventory('hard-posts', 'https://www.facebook.com/northwind', 'hard-posts.csv', 'posts'));
    expect(posts.profile?.statusReason).toMatch(/hard-posts\.csv has \d hard links: refused/);
    expect(JSON.stringify(posts.profile)).not.toContain('SECRET');
    const fb = join(tmp, 'fb-hard', 'your_facebook_activity', 'posts');
    mkdirSync(fb, { recursive: true });
    linkSync(join(outside, 'secret.js'), join(fb, 'your_posts_1.json'));
    const download = await audit(inventory('fb-hard', 'https://www.facebook.com/northwind', 'fb-hard'));
    expect(download.profile?.statusReason).toMatch(/your_posts_1\.json has \d hard links: refused/);
    expect(JSON.stringify(download.profile)).not.toContain('SECRET');
  }, 60_000);
});

describe('major: a posts file whose rows are all unreadable is an error, and a duplicate column is named', () => {
  it('every row unreadable: "none of the N rows could be read", an error, not an empty profile', async () => {
    writeFileSync(join(tmp, 'unreadable.csv'), 'date,text\nyesterday,a\nlast week,b\n13/13/2026,c\n');
    await expect(readPostsFile(join(tmp, 'unreadable.csv'), { snowflakes: false })).rejects.toThrow(
      /none of the 3 rows could be read: row 2: date: "yesterday" is not a date/,
    );
    const { profile } = await audit(
      inventory('unreadable', 'https://www.facebook.com/northwind', 'unreadable.csv', 'posts'),
    );
    expect(profile?.status).toBe('error');
    expect(profile?.statusReason).toMatch(/none of the 3 rows could be read/);
    writeFileSync(join(tmp, 'unreadable.json'), '[1, "two", {"text": "no date"}]');
    await expect(readPostsFile(join(tmp, 'unreadable.json'), { snowflakes: false })).rejects.toThrow(
      /none of the 3 rows could be read: element 1: expected an object with a "date" field/,
    );
    // a header alone is a file with no posts yet: still read, as empty
    writeFileSync(join(tmp, 'header-only.csv'), 'date,text\n');
    expect((await readPostsFile(join(tmp, 'header-only.csv'), { snowflakes: false })).rows).toBe(0);
  }, 60_000);

  it('a duplicate date header is an error naming the column, in CSV, JSON and mapped files', async () => {
    writeFileSync(join(tmp, 'twice.csv'), 'date,text,Date\n2026-10-01,a,1999-01-01\n');
    await expect(readPostsFile(join(tmp, 'twice.csv'), { snowflakes: false })).rejects.toThrow(
      /the header names the "date" column twice \(columns 1 and 3\)/,
    );
    writeFileSync(join(tmp, 'twice.json'), '[{"date": "2026-10-01", "Date": "1999-01-01", "text": "a"}]');
    await expect(readPostsFile(join(tmp, 'twice.json'), { snowflakes: false })).rejects.toThrow(
      /element 1: "date" and "Date" both name the date column/,
    );
    writeFileSync(join(tmp, 'twice-mapped.csv'), 'posted_at,body,posted_at\n2026-10-01,a,1999-01-01\n');
    const mapping = { columns: { date: 'posted_at', text: 'body' }, where: {}, dateFormat: 'auto', timeZone: null };
    await expect(
      readPostsFile(join(tmp, 'twice-mapped.csv'), { snowflakes: false, mapping: mapping as never }),
    ).rejects.toThrow(/the header names the "posted_at" column twice \(columns 1 and 3\)/);
  });
});

describe('minor: post-sized arrays are never spread into a call, and a null status is a malformed response', () => {
  it('no push(...), Math.max(...) or Math.min(...) over an array in src/ (render and report aside: another pass)', () => {
    // bounded on purpose: a profile's two path problems, three rate-limit shares
    const bounded = new Set(['src/config/checks.ts', 'src/platforms/meta-graph/graph.ts']);
    const files = execFileSync('git', ['ls-files', 'src'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !/^src\/(render|report)\//.test(f) && !bounded.has(f));
    const spreads = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\.(push|unshift)\(\.\.\.|Math\.(max|min)\([^)]*\.\.\./.test(line) && !/^\s*(\/\/|\*)/.test(line)
            ? [`${f}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(spreads).toEqual([]);
  });

  it('a null in a Mastodon statuses page is "malformed …: status 2 is null", not a TypeError', async () => {
    const account = { id: '1', username: 'n', acct: 'n', display_name: 'N', statuses_count: 3 };
    const status = {
      id: '100',
      created_at: '2026-10-20T10:00:00.000Z',
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog: null,
      content: '<p>post</p>',
      url: null,
    };
    const server = await serveRoutes({
      '/api/v1/accounts/lookup?acct=n': { type: 'application/json', body: JSON.stringify(account) },
      '/api/v1/accounts/1/statuses?limit=40': { type: 'application/json', body: JSON.stringify([status, null]) },
    });
    try {
      const file = join(tmp, 'mastodon-null.yaml');
      writeFileSync(file, `company: A\nprofiles:\n  - url: ${server.url}/@n\n    platform: mastodon\n`);
      const { code, stdout } = await cli(['audit', file, '--as-of', '2026-11-01', '-f', 'json', '--fail-on', 'never']);
      expect(code).toBe(0);
      const p = JSON.parse(stdout).profiles[0];
      expect(p.status).toBe('error');
      expect(p.statusReason).toMatch(/malformed Mastodon statuses page: status 2 is null, expected an object/);
      expect(p.statusReason).not.toMatch(/Cannot read properties|internal/i);
    } finally {
      await server.close();
    }
  });
});

/** `n` copies of `unit` joined by `sep`, as one buffer (a 35 MB bomb is built once, not as a string of strings). */
function repeated(head: string, unit: string, sep: string, n: number, tail: string): Buffer {
  const one = Buffer.from(unit + sep);
  const body = Buffer.alloc(one.length * n - sep.length);
  for (let i = 0; i < n; i++) one.copy(body, i * one.length, 0, i === n - 1 ? unit.length : one.length);
  return Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
}
const TWELVE_MILLION = 12_000_000;
/** `scale`: 1 for the product's caps, 1/1000 for the lowered ones (counts scale with them, so each cap is passed by the same margin). */
const emptyObjects = (head: string, tail: string, scale: number) =>
  repeated(head, '{}', ',', TWELVE_MILLION * scale, tail);

/** A Bluesky repository (CAR) of `n` blocks, the same record each time: a repository's blocks are counted, whatever they hold. */
async function car(n: number): Promise<Buffer> {
  const { CarWriter } = await import('@ipld/car');
  const dagCbor = await import('@ipld/dag-cbor');
  const { CID } = await import('multiformats/cid');
  const { sha256 } = await import('multiformats/hashes/sha2');
  const bytes = dagCbor.encode({ $type: 'app.bsky.feed.repost', createdAt: '2026-10-01T00:00:00Z' });
  const cid = CID.create(1, dagCbor.code, await sha256.digest(bytes));
  const { writer, out } = CarWriter.create([cid]);
  const chunks: Uint8Array[] = [];
  const collected = (async () => {
    for await (const chunk of out) chunks.push(chunk);
  })();
  await writer.put({ cid, bytes });
  await writer.close();
  await collected;
  // the writer's bytes for one block are the header (its varint length, then itself) and one section;
  // the section repeated n times is what n puts write, without a million awaits (20 s of the test)
  const one = Buffer.concat(chunks);
  let headerLength = 0;
  let at = 0;
  for (let shift = 0; ; shift += 7) {
    const b = one[at++]!;
    headerLength |= (b & 0x7f) << shift;
    if (b < 0x80) break;
  }
  const header = one.subarray(0, at + headerLength);
  const section = one.subarray(at + headerLength);
  return Buffer.concat([header, Buffer.alloc(section.length * n, section)]);
}

const CAPS = {
  product: {
    elements: /holds more than 1,000,000 posts, comments, rows and other elements: refused/,
    json: /holds more than 5,000,000 JSON values: refused/,
  },
  lowered: {
    elements: /holds more than 1,000 posts, comments, rows and other elements: refused/,
    json: /holds more than 5,000 JSON values: refused/,
  },
};

describe('critical 4: downloads of many small valid elements are refused by count, under a 1 GB heap', () => {
  // each bomb stays under every byte cap (36–40 MB unpacked), and each is a clear error on its profile
  const bombs: Array<{
    name: string;
    url: string;
    key?: string;
    file: string;
    build: (scale: number) => Buffer | Promise<Buffer>;
    cap: 'elements' | 'json';
    e2e?: true;
  }> = [
    {
      name: 'x-folder',
      url: 'https://x.com/northwind',
      file: 'x-folder/data/tweets.js',
      build: (scale) => emptyObjects('window.YTD.tweets.part0 = [', ']', scale),
      cap: 'elements',
    },
    {
      name: 'x-zip',
      url: 'https://x.com/northwind',
      file: 'x-zip.zip',
      build: (scale) =>
        zip([{ name: 'data/tweets.js', data: emptyObjects('window.YTD.tweets.part0 = [', ']', scale) }]),
      cap: 'elements',
      e2e: true,
    },
    {
      name: 'facebook',
      url: 'https://www.facebook.com/northwind',
      file: 'facebook.zip',
      build: (scale) =>
        zip([{ name: 'your_facebook_activity/posts/your_posts_1.json', data: emptyObjects('[', ']', scale) }]),
      cap: 'elements',
      e2e: true,
    },
    {
      name: 'instagram',
      url: 'https://www.instagram.com/northwind',
      file: 'instagram.zip',
      build: (scale) => zip([{ name: 'comments/post_comments_1.json', data: emptyObjects('[', ']', scale) }]),
      cap: 'elements',
    },
    {
      name: 'threads',
      url: 'https://www.threads.net/@northwind',
      file: 'threads.zip',
      build: (scale) =>
        zip([
          {
            name: 'your_instagram_activity/threads/threads_and_replies.json',
            data: emptyObjects('{"text_post_app_text_posts": [', ']}', scale),
          },
        ]),
      cap: 'elements',
    },
    {
      name: 'tiktok',
      url: 'https://www.tiktok.com/@northwind',
      file: 'tiktok.zip',
      build: (scale) =>
        zip([{ name: 'user_data.json', data: emptyObjects('{"Video": {"Videos": {"VideoList": [', ']}}}', scale) }]),
      cap: 'json',
    },
    {
      name: 'mastodon',
      url: 'https://mastodon.social/@northwind',
      file: 'mastodon.zip',
      build: (scale) => zip([{ name: 'outbox.json', data: emptyObjects('{"orderedItems": [', ']}', scale) }]),
      cap: 'json',
      e2e: true,
    },
    {
      name: 'linkedin',
      url: LINKEDIN,
      file: 'linkedin.zip',
      build: (scale) =>
        zip([
          {
            name: 'Shares.csv',
            data: repeated('Date,ShareCommentary\n', '2026-10-01 08:00:00,a', '\n', 1_800_000 * scale, '\n'),
          },
        ]),
      cap: 'elements',
    },
    {
      name: 'youtube',
      url: 'https://www.youtube.com/@northwind',
      file: 'youtube.zip',
      build: (scale) =>
        zip([
          {
            name: 'Takeout/YouTube and YouTube Music/video metadata/videos.csv',
            data: repeated(
              'Video ID,Privacy,Video Publish Timestamp\n',
              'v,public,2026-10-01',
              '\n',
              2_000_000 * scale,
              '\n',
            ),
          },
        ]),
      cap: 'elements',
    },
    {
      name: 'posts-csv',
      url: 'https://www.facebook.com/northwind',
      key: 'posts',
      file: 'posts-bomb.csv',
      build: (scale) => repeated('date,text\n', '2026-10-01,a', '\n', 3_200_000 * scale, '\n'),
      cap: 'elements',
    },
    {
      name: 'posts-json',
      url: 'https://www.facebook.com/northwind',
      key: 'posts',
      file: 'posts-bomb.json',
      build: (scale) => repeated('[', '{"date":"2026-10-01"}', ',', 1_700_000 * scale, ']'),
      cap: 'elements',
    },
    {
      name: 'bluesky',
      url: 'https://bsky.app/profile/northwind.bsky.social',
      file: 'bomb.car',
      // the same record a million and one times
      build: (scale) => car(1_000_000 * scale + 1),
      cap: 'elements',
    },
  ];
  const written = async (bomb: (typeof bombs)[number], scale: number, folder: string): Promise<string> => {
    const path = join(tmp, folder, bomb.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, await bomb.build(scale));
    const inv = join(tmp, folder, `bomb-${bomb.name}.yaml`);
    writeFileSync(
      inv,
      `company: Northwind\nprofiles:\n  - url: ${bomb.url}\n    ${bomb.key ?? 'archive'}: ${bomb.file}\n`,
    );
    return inv;
  };

  // every bomb, in this process, against caps 1,000 times lower (the readers' own counters, their limit
  // lowered by the mock at the top of this file) and so on inputs 1,000 times smaller: each reader
  // counts what it meets and its refusal is the profile's error, in seconds instead of minutes
  describe('every reader, its caps 1,000 times lower, through the library', () => {
    beforeAll(() => {
      lowered.elements = 1_000;
      lowered.json = 5_000;
    });
    afterAll(() => {
      lowered.elements = undefined;
      lowered.json = undefined;
    });
    // the cap is a limit, not a bomb detector: a download of exactly the cap's rows is read whole, row by row
    // (formulas kept as text), and one row more is refused (what a million rows at the product's cap showed,
    // at a thousandth of the cost)
    it('a CSV of exactly the cap is read whole; one row more is refused', async () => {
      writeFileSync(join(tmp, 'at-cap.zip'), sharesCsvZip(1_000));
      writeFileSync(join(tmp, 'over-cap.zip'), sharesCsvZip(1_001));
      const { posts, note } = await readDownloadFiles(linkedinDownload, join(tmp, 'at-cap.zip'), false);
      expect(posts).toHaveLength(1_000);
      expect(note).toMatch(/^the owner's LinkedIn download \(1 file\): 1,000 posts and 0 comments of its own/);
      expect(posts[999]).toMatchObject({ text: '=HYPERLINK("http://evil.example","999")', kind: 'original' });
      await expect(readDownloadFiles(linkedinDownload, join(tmp, 'over-cap.zip'), false)).rejects.toThrow(
        CAPS.lowered.elements,
      );
    });

    for (const bomb of bombs) {
      it(`${bomb.name}: an error on its profile, never a crash`, async () => {
        const inventory = await loadInventory(await written(bomb, 1 / 1000, 'lowered'));
        const http = createHttpClient(inventory.settings);
        const report = await auditInventory(inventory, {
          http,
          asOf: new Date('2026-11-01T00:00:00Z'),
          generatedAt: new Date(0),
        }).finally(() => http.close());
        const profile = report.profiles[0];
        expect(profile?.status).toBe('error');
        expect(profile?.statusReason).toMatch(CAPS.lowered[bomb.cap]);
      });
    }
  });

  // memory is what the caps are for: at the product's caps, through the built binary under a 1 GB heap,
  // one bomb of each cap and of each reader of a zip (the X archive's tweets, a platform download's
  // elements, a platform download's JSON read whole); the CSV, posts-file and repository bombs, a
  // million parsed rows or blocks each (a minute and a half together), run at the lowered caps above
  describe("at the product's caps, through the built binary under a 1 GB heap", () => {
    for (const bomb of bombs.filter((b) => b.e2e)) {
      it(`${bomb.name}: an error on its profile, exit 0, never a crash`, async () => {
        const { code, stderr, profile } = await audit(await written(bomb, 1, 'product'));
        expect(code, stderr.slice(-600)).toBe(0);
        expect(profile?.status).toBe('error');
        expect(profile?.statusReason).toMatch(CAPS.product[bomb.cap]);
      }, 240_000);
    }
  });
});
