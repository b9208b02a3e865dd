/**
 * The hostile-input pass (issue 20): nothing lost, nothing leaked, nothing hangs. One test per item,
 * named after it; each failed before its fix.
 */
import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CachingHttpClient } from '../src/http/cache.js';
import { ReplayHttpClient, writeExchange } from '../src/http/evidence.js';
import { LiveHttpClient } from '../src/http/live.js';
import { FetchError } from '../src/http/types.js';
import { BadEntryError, entryStem, readBody, readMeta, writeEntry } from '../src/http/store.js';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { readExport } from '../src/platforms/kit/owner-download.js';
import { parseFeed } from '../src/platforms/feed/parse.js';
import { nestingDepth } from '../src/sources/markup.js';
import { htmlToText, MAX_ITEM_HTML } from '../src/sources/text.js';
import { extractPageDates } from '../src/platforms/web/page-dates.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { progressEnabled } from '../src/cli/progress.js';
import type { Report } from '../src/model/index.js';
import { RENDERERS } from '../src/render/index.js';
import { readXArchive } from '../src/platforms/x/archive-files.js';
import { BIN, cli, DEMO } from './helpers/cli.js';
import { zip } from '../scripts/formats/zip.js';
import { serveRoutes } from './helpers/evidence-server.js';

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'ca-hostile-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;

describe('item 1: -o onto a device or special file, and output folders checked before the audit', () => {
  it.skipIf(!isRoot)('writes a device node directly and leaves it a device (needs root to make one)', async () => {
    const dev = join(tmp, 'null');
    await run('mknod', [dev, 'c', '1', '3']);
    const { code, stderr } = await cli([...DEMO, '-o', dev, '--format', 'json', '--fail-on', 'never']);
    expect(stderr).not.toMatch(/Error|at /);
    expect(code).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('/dev/null stays a device', async () => {
    const { code } = await cli([...DEMO, '-o', '/dev/null', '--format', 'json', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO for the reader at its other end', async () => {
    const fifo = join(tmp, 'pipe');
    await run('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let out = '';
      cat.stdout.on('data', (d: Buffer) => (out += d.toString()));
      cat.on('close', () => resolve(out));
    });
    const { code } = await cli([...DEMO, '-o', fifo, '--format', 'json', '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(JSON.parse(await reader).company).toBe('Northwind Outfitters');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('follows a symlink to a regular file and keeps the symlink', async () => {
    const real = join(tmp, 'real.json');
    const link = join(tmp, 'link.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    expect((await cli([...DEMO, '-o', link, '--fail-on', 'never'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).company).toBe('Northwind Outfitters');
  });

  it.each([
    [['-o', join(tmp, 'no-such-folder', 'r.json')], /^error: -o: the folder .*no-such-folder does not exist$/m],
    [['-o', tmp, '--format', 'json'], /^error: -o: .* is a folder; expected a file to write$/m],
    [['--record', join(tmp, 'real.json')], /^error: --record: .*real\.json is not a folder$/m],
    [['--cache', '/dev/null'], /^error: --cache: \/dev\/null is not a folder$/m],
  ])('refuses %j before the audit starts (exit 2, one line)', async (args, message) => {
    const started = Date.now();
    // a live audit: it would fetch, so a refusal must come before any of it
    const live = args[0] === '-o' ? DEMO : ['audit', 'fixtures/demo/inventory.yaml', '--as-of', '2026-11-01'];
    const { code, stderr, stdout } = await cli([...live, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/ at /);
    expect(stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('leaves no temp file beside the report', async () => {
    const dir = join(tmp, 'clean');
    mkdirSync(dir);
    expect((await cli([...DEMO, '-o', join(dir, 'r.md'), '--fail-on', 'never'])).code).toBe(0);
    expect(existsSync(join(dir, 'r.md'))).toBe(true);
    expect((await import('node:fs')).readdirSync(dir)).toEqual(['r.md']);
  });
});

describe('item 5: writes to stdout that fail', () => {
  it.each([[[...DEMO, '--fail-on', 'never']], [['validate', 'examples/inventory.yaml']]])(
    '%j > /dev/full exits 3 with one line, no stack',
    async (args) => {
      const quoted = [BIN, ...args].map((a) => `'${a}'`).join(' ');
      const result = await run('sh', ['-c', `node ${quoted} > /dev/full`], {
        env: { ...process.env, CI: '1', NO_COLOR: '1' },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(3);
      expect(result.stderr.trim()).toMatch(/^error: cannot write to stdout: ENOSPC/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('item 2: a proxy that closes every connection', () => {
  it('each request fails in bounded time with few connections, the profile is error (not unreachable), and the run ends', async () => {
    let connections = 0;
    const proxy = createNetServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const file = join(tmp, 'proxied.yaml');
    writeFileSync(
      file,
      'company: Proxied\nprofiles:\n  - url: https://blog.example.org/feed.xml\n  - url: http://news.example.org/feed.xml\n',
    );
    try {
      const started = Date.now();
      const { code, stdout } = await cli(
        ['audit', file, '--format', 'json', '--fail-on', 'never', '--timeout', '3000'],
        { HTTPS_PROXY: url, HTTP_PROXY: url, NO_PROXY: '' },
      );
      // both hosts failed on this machine's side: the network is down, the run failed (issue 31, item 6)
      expect(code).toBe(3);
      expect(Date.now() - started).toBeLessThan(15_000);
      const report = JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> };
      expect(report.profiles.map((p) => p.status)).toEqual(['error', 'error']);
      expect(report.profiles[0]!.statusReason).toMatch(/proxy|connection failed/);
      expect(connections).toBeLessThan(40); // undici's tunnel retried thousands of times a second
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it("a proxy that refuses the tunnel is the request's error, with the proxy's answer", async () => {
    const proxy = createHttpServer((_, res) => res.writeHead(403).end());
    proxy.on('connect', (_req, socket: Socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const file = join(tmp, 'refused.yaml');
    writeFileSync(file, 'company: Refused\nprofiles:\n  - url: https://blog.example.org/feed.xml\n');
    try {
      const { stdout } = await cli(['audit', file, '--format', 'json', '--fail-on', 'never'], {
        HTTPS_PROXY: url,
        NO_PROXY: '',
      });
      const report = JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> };
      expect(report.profiles[0]).toMatchObject({ status: 'error' });
      expect(report.profiles[0]!.statusReason).toMatch(/refused a tunnel to blog\.example\.org:443 \(HTTP 403\)/);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

describe('item 3: malformed percent-escapes', () => {
  it('a bad URL in the inventory is exit 2 with line:col, in validate and audit', async () => {
    const file = join(tmp, 'bad-escape.yaml');
    writeFileSync(file, 'company: A\nprofiles:\n  - url: https://mastodon.social/@%E0%A4%A\n');
    for (const command of ['validate', 'audit']) {
      const { code, stderr, stdout } = await cli([command, file]);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /bad-escape\.yaml:3:10: profiles\[0\]\.url: expected a URL whose %-escapes are whole UTF-8 characters/,
      );
      expect(stdout).not.toMatch(/valid/);
    }
  });

  it('a website link with a bad escape (20%off) does not end the run: the report is written', async () => {
    const site = await serveRoutes({
      '/': {
        type: 'text/html',
        body: '<html><body><a href="/promo/20%off">20% off</a><a href="https://mastodon.social/@%E0%A4%A">us</a><a href="https://x.com/%ZZ">x</a></body></html>',
      },
      '/feed.xml': {
        type: 'application/rss+xml',
        body: '<rss version="2.0"><channel><title>B</title><item><title>a</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item></channel></rss>',
      },
    });
    const file = join(tmp, 'bad-site.yaml');
    writeFileSync(
      file,
      `company: A\nwebsite: ${site.url}/\nprofiles:\n  - url: ${site.url}/feed.xml\n    platform: feed\n`,
    );
    try {
      const { code, stdout, stderr } = await cli([
        'audit',
        file,
        '--as-of',
        '2026-11-01',
        '--format',
        'json',
        '--fail-on',
        'never',
        '--ignore-robots',
      ]);
      expect(stderr).not.toMatch(/URIError|at /);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { website: { error: string | null }; profiles: Array<{ status: string }> };
      expect(report.website.error).toBeNull();
      expect(report.profiles[0]!.status).toBe('active');
    } finally {
      await site.close();
    }
  });
});

describe('item 9: server-supplied URLs are untrusted', () => {
  const mastodonWithLink = (link: string) => {
    const account = {
      id: '1',
      username: 'n',
      acct: 'n',
      display_name: 'N',
      statuses_count: 99,
      last_status_at: '2026-10-30',
    };
    const statuses = Array.from({ length: 5 }, (_, i) => ({
      id: String(100 - i),
      created_at: `2026-10-2${i}T10:00:00.000Z`,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog: null,
      content: `<p>post ${i}</p>`,
      url: null,
    }));
    return serveRoutes({
      '/api/v1/accounts/lookup?acct=n': { type: 'application/json', body: JSON.stringify(account) },
      '/api/v1/accounts/1/statuses?limit=40': {
        type: 'application/json',
        body: JSON.stringify(statuses),
        headers: { link: `<${link}>; rel="next"` },
      },
    });
  };

  it.each(['http://../x', 'http://./x', 'http:///x'])(
    'a Link header to %s writes no evidence outside --record, and is a malformed response, not a dead profile',
    async (link) => {
      const server = await mastodonWithLink(link);
      const base = mkdtempSync(join(tmp, 'rec-'));
      const record = join(base, 'inner', 'evidence');
      const file = join(base, 'inv.yaml');
      writeFileSync(file, `company: A\nprofiles:\n  - url: ${server.url}/@n\n    platform: mastodon\n`);
      try {
        const { code, stdout } = await cli([
          'audit',
          file,
          '--as-of',
          '2026-11-01',
          '--format',
          'json',
          '--fail-on',
          'never',
          '--record',
          record,
        ]);
        expect(code).toBe(0);
        const profile = (
          JSON.parse(stdout) as {
            profiles: Array<{ status: string; statusReason: string; findings: Array<{ code: string }> }>;
          }
        ).profiles[0]!;
        expect(profile.status).toBe('error');
        // http:///x is http://x/: a real URL to a host that does not exist, which is not this profile's host
        expect(profile.statusReason).toMatch(
          link === 'http:///x' ? /could not reach x from this machine: DNS lookup failed/ : /malformed response/,
        );
        expect(profile.findings.map((f) => f.code)).not.toContain('dead-profile-link');
        // nothing but the inventory and the evidence folder itself beside it
        expect((await import('node:fs')).readdirSync(base).sort()).toEqual(['inner', 'inv.yaml']);
        expect((await import('node:fs')).readdirSync(join(base, 'inner'))).toEqual(['evidence']);
      } finally {
        await server.close();
      }
    },
  );

  it('a 404 on a later request (a next page) is an error of that request, never "the profile is gone"', async () => {
    const server = await mastodonWithLink('/api/v1/accounts/1/statuses?limit=40&max_id=96');
    const file = join(tmp, 'later-404.yaml');
    writeFileSync(file, `company: A\nprofiles:\n  - url: ${server.url}/@n\n    platform: mastodon\n`);
    try {
      const { stdout } = await cli(['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never']);
      const profile = (JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> })
        .profiles[0]!;
      expect(profile.status).toBe('error');
      expect(profile.statusReason).toMatch(/not found .*on a later request/);
    } finally {
      await server.close();
    }
  });

  it('evidence and cache paths stay inside their folder for any URL', () => {
    for (const url of [
      'http://../x',
      'http://./../../etc/passwd',
      'http://%2e%2e/x',
      'http://a/../../../../b',
      'not a url',
    ]) {
      expect(entryStem('/data/evidence', url).startsWith('/data/evidence/')).toBe(true);
      expect(entryStem('/data/evidence', url)).not.toMatch(/\/\.\.?\//);
    }
  });
});

describe('item 11: cache and evidence entries are atomic and verified', () => {
  it('a truncated cached body is a miss: the page is fetched in full, never used torn', async () => {
    const body = 'x'.repeat(5000);
    const server = await serveRoutes({ '/page': { type: 'text/plain', body, headers: { etag: '"v1"' } } });
    const dir = mkdtempSync(join(tmp, 'cache-'));
    try {
      const client = () =>
        new CachingHttpClient(
          new LiveHttpClient({
            userAgent: 't',
            timeoutMs: 2000,
            env: {},
            hostLimits: { concurrency: 2, intervalMs: 0 },
          }),
          dir,
          86_400_000,
        );
      const first = client();
      await first.get(`${server.url}/page`);
      await first.close();
      const stem = entryStem(dir, `${server.url}/page`);
      writeFileSync(`${stem}.body`, body.slice(0, 1000)); // torn by a crash or another run
      const second = client();
      const res = await second.get(`${server.url}/page`);
      await second.close();
      expect(res.body.toString()).toBe(body);
      expect(server.requests.filter((r) => r === '/page')).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('two runs writing the same entries at once leave each either whole or a miss', async () => {
    const dir = mkdtempSync(join(tmp, 'shared-'));
    const url = 'https://example.org/feed.xml';
    const bodies = [Buffer.alloc(200_000, 'a'), Buffer.alloc(150_000, 'b')];
    const writes = Array.from({ length: 40 }, (_, i) =>
      writeEntry(
        entryStem(dir, url),
        { url, finalUrl: url, status: 200, headers: {}, storedAt: new Date().toISOString() },
        bodies[i % 2]!,
      ),
    );
    await Promise.all(writes);
    const stem = entryStem(dir, url);
    const meta = (await readMeta<{ bodyBytes: number; bodySha256: string }>(stem))!;
    const read = await readBody(stem, meta, true).catch((error: unknown) => error);
    if (Buffer.isBuffer(read)) expect(bodies.some((b) => b.equals(read))).toBe(true);
    else expect(read).toBeInstanceOf(BadEntryError);
    expect((await import('node:fs')).readdirSync(join(dir, 'example.org')).filter((f) => f.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it('replay refuses a recorded body that is a symlink elsewhere, and never shows its content', async () => {
    const dir = mkdtempSync(join(tmp, 'replay-'));
    const url = 'https://blog.example.org/feed.xml';
    await writeExchange(dir, url, {
      url,
      finalUrl: url,
      status: 200,
      headers: { 'content-type': 'application/rss+xml' },
      body: Buffer.from('<rss/>'),
    });
    const stem = entryStem(dir, url);
    rmSync(`${stem}.body`);
    symlinkSync('/etc/passwd', `${stem}.body`);
    const error = await new ReplayHttpClient(dir).get(url).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/cannot be used: .* is a symlink/);
    expect((error as Error).message).not.toMatch(/root:/);
  });
});

describe('item 4: big or deep inputs', () => {
  it('150,000 posts from one export: no stack overflow, linear passes, metrics of the newest maxPosts', async () => {
    const rows = Array.from(
      { length: 150_000 },
      (_, i) =>
        `${new Date(Date.parse('2026-11-01T00:00:00Z') - (i + 1) * 600_000).toISOString()},post ${i % 997},${i % 3 === 0}`,
    );
    const file = join(tmp, 'huge.csv');
    writeFileSync(file, ['date,text,isReply', ...rows].join('\n'));
    const out = await readExport(
      {
        id: 'p',
        url: 'https://x.com/a',
        platform: 'x',
        name: null,
        owner: null,
        tags: [],
        endpoints: {},
        export: { kind: 'posts', path: 'huge.csv', resolved: file, root: tmp, allowOutside: false },
        assert: {},
      },
      'x',
    );
    if (out.kind !== 'ok') throw new Error(out.reason);
    const metrics = analyzeTimeline(out.timeline, new Date('2026-11-01T00:00:00Z'), DEFAULT_SETTINGS);
    expect(metrics.sample.fetched).toBe(150_000);
    expect(metrics.sample.posts).toBe(DEFAULT_SETTINGS.maxPosts);
    expect(metrics.longestGapDays).not.toBeNull();
  });

  it('a post of 10⁶ nested <div>s is read without its tags, and cut at the item limit', () => {
    const html = `<p>Hello &amp; welcome</p>${'<div>'.repeat(1_000_000)}deep${'</div>'.repeat(1_000_000)}`;
    const text = htmlToText(html);
    expect(text.startsWith('Hello & welcome')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_ITEM_HTML);
  });

  it("reading one feed's items has a CPU budget, checked between items", () => {
    const feed = `<rss version="2.0"><channel><title>t</title>${Array.from({ length: 50 }, (_, i) => `<item><title>post ${i}</title><pubDate>Thu, 29 Oct 2026 10:00:00 GMT</pubDate></item>`).join('')}</channel></rss>`;
    expect(parseFeed(feed).items).toHaveLength(50);
    expect(() => parseFeed(feed, -1)).toThrow(
      /reading the feed's items took longer than 15 s \(0 of 50 read\): refused/,
    );
  });

  it('a feed or page nesting 10⁵ elements is refused as malformed, not parsed for minutes', () => {
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`;
    expect(() =>
      parseFeed(
        `<rss version="2.0"><channel><title>t</title><item><description>${deep}</description></item></channel></rss>`,
      ),
    ).toThrow(/nests elements more than 256 deep/);
    expect(() => extractPageDates(`<html><body>${deep}</body></html>`, 'https://example.org/')).toThrow(
      /nests elements more than 256 deep/,
    );
    // real pages nest far less: the Facebook capture in ../shared nests 23 deep
    expect(nestingDepth('<html><body><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></body></html>')).toBe(1);
  });
});

describe('item 6: a terminal that reports 0 columns', () => {
  it('gets no spinner: the progress display never decides it', () => {
    expect(progressEnabled({}, false, { isTTY: true, columns: 0 })).toBe(false);
    expect(progressEnabled({}, false, { isTTY: true, columns: undefined })).toBe(false);
    expect(progressEnabled({}, false, { isTTY: true, columns: 80 })).toBe(true);
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'an audit on a real 0-column terminal ends and writes a few hundred bytes, not hundreds of MB',
    async () => {
      const log = join(tmp, 'tty.out');
      const env = { ...process.env, NO_COLOR: '1' } as NodeJS.ProcessEnv;
      delete env.CI;
      const command = `stty cols 0 rows 0; node ${BIN} ${DEMO.join(' ')} --fail-on never -f json -o ${join(tmp, 'tty.json')}`;
      await run('script', ['-qec', command, log], { env, timeout: 60_000 });
      expect(statSync(log).size).toBeLessThan(10_000);
      expect(JSON.parse(readFileSync(join(tmp, 'tty.json'), 'utf8')).company).toBe('Northwind Outfitters');
    },
  );
});

describe('item 7: formulas in CSV reports', () => {
  const report = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8')) as Report;
  report.profiles[0]!.name = "Help desk\n=cmd|' /C calc'!A0";
  report.profiles[1]!.name = 'Line one\r\n+SUM(A1:A9)';
  report.profiles[2]!.name = 'Old Mac\r-2+3\n\r@x';
  const csv = RENDERERS.csv(report, { colorLevel: 0, width: null, failOn: 'warning' });
  const FORMULA = /^[=+\-@\t\r]/;

  it('csv-parse reads one row per profile and no cell that starts a formula', () => {
    const rows: string[][] = parseCsv(csv);
    expect(rows).toHaveLength(report.profiles.length + 1);
    expect(rows.flat().filter((c) => FORMULA.test(c))).toEqual([]);
    expect(rows[1]![rows[0]!.indexOf('name')]).toBe("Help desk\n'=cmd|' /C calc'!A0");
  });

  it("Python's csv module reads the same rows", async () => {
    const file = join(tmp, 'report.csv');
    writeFileSync(file, csv);
    const script =
      'import csv,json,sys\nrows=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8")))\nprint(json.dumps(rows))';
    const { stdout } = await run('python3', ['-c', script, file]);
    const rows = JSON.parse(stdout) as string[][];
    expect(rows).toHaveLength(report.profiles.length + 1);
    expect(rows.flat().filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it('a spreadsheet-like reader that ends a row at any bare CR or LF sees no formula either', () => {
    const naive = csv
      .split(/\r\n|\n|\r/)
      .flatMap((line) => line.split(','))
      .map((cell) => cell.replace(/^"/, ''));
    expect(naive.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });
});

describe("item 8: posts: and archive: read only files of the inventory's folder", () => {
  const dir = join(tmp, 'confined');
  mkdirSync(join(dir, 'exports'), { recursive: true });
  const inventory = (name: string, path: string) => {
    const file = join(dir, name);
    writeFileSync(file, `company: A\nprofiles:\n  - url: https://x.com/a\n    posts: ${path}\n`);
    return file;
  };

  it.each(['../../../../etc/passwd', '/proc/self/environ'])(
    '%s: validate and audit exit 2 with line:col',
    async (path) => {
      for (const command of ['validate', 'audit']) {
        const { code, stderr } = await cli([command, inventory('outside.yaml', path)]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/outside\.yaml:4:12: profiles\[0\]\.posts: .* is outside the inventory's folder/);
      }
    },
  );

  it('a symlink inside the folder to a file outside is refused, and nothing of that file reaches the report', async () => {
    symlinkSync('/etc/passwd', join(dir, 'exports', 'innocent.csv'));
    const { stdout } = await cli([
      'audit',
      inventory('link.yaml', 'exports/innocent.csv'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    const profile = (JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> }).profiles[0]!;
    expect(profile.status).toBe('error');
    expect(profile.statusReason).toMatch(/leads outside the inventory's folder \(through a symlink\): refused/);
    expect(stdout).not.toMatch(/root:/);
  });

  it('with --allow-outside-paths: a special file is still refused, and an unparseable outside file is not quoted', async () => {
    const env = await cli(
      [
        'audit',
        inventory('env.yaml', '/proc/self/environ'),
        '--allow-outside-paths',
        '--format',
        'json',
        '--fail-on',
        'never',
      ],
      { SECRET_TOKEN: 'sk-live-123' },
    );
    expect(env.stdout).not.toMatch(/sk-live-123|SECRET_TOKEN/);
    expect((JSON.parse(env.stdout) as { profiles: Array<{ statusReason: string }> }).profiles[0]!.statusReason).toMatch(
      /special file \(proc\)/,
    );
    const passwd = await cli([
      'audit',
      inventory('passwd.yaml', '/etc/passwd'),
      '--allow-outside-paths',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    const reason = (JSON.parse(passwd.stdout) as { profiles: Array<{ statusReason: string }> }).profiles[0]!
      .statusReason;
    expect(reason).toMatch(/its content is not quoted/);
    expect(passwd.stdout).not.toMatch(/root:/);
  });

  it('an unparseable file inside the folder is quoted only as a short excerpt without control characters', async () => {
    writeFileSync(
      join(dir, 'exports', 'env.csv'),
      `${'A'.repeat(50)}=1\u0000TOKEN=${'s'.repeat(500)}\u001b]0;x\u0007\n1,2\n`,
    );
    const { stdout } = await cli([
      'audit',
      inventory('inside.yaml', 'exports/env.csv'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    const reason = (JSON.parse(stdout) as { profiles: Array<{ statusReason: string }> }).profiles[0]!.statusReason;
    expect(reason).toMatch(/^malformed export exports\/env\.csv: no "date" column/);
    expect(reason.length).toBeLessThan(260);
    expect(reason).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('item 10: zip bombs in the X archive', () => {
  it('one element of 5 MiB (a bomb in 5 KB of zip) is refused at 1 MiB: an error on that profile, the others audited', async () => {
    const dir = join(tmp, 'bomb');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'archive.zip'),
      zip([
        {
          name: 'data/tweets.js',
          data: `window.YTD.tweets.part0 = [ { "tweet" : { "full_text" : "${'A'.repeat(5 * 1024 * 1024)}" } } ]`,
        },
      ]),
    );
    writeFileSync(join(dir, 'ok.csv'), 'date,text\n2026-10-30T10:00:00Z,hello\n');
    writeFileSync(
      join(dir, 'inv.yaml'),
      'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: archive.zip\n  - url: https://x.com/b\n    posts: ok.csv\n',
    );
    const { code, stdout } = await cli([
      'audit',
      join(dir, 'inv.yaml'),
      '--as-of',
      '2026-11-01',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(code).toBe(0);
    const profiles = (JSON.parse(stdout) as { profiles: Array<{ status: string; statusReason: string }> }).profiles;
    expect(profiles[0]).toMatchObject({ status: 'error' });
    expect(profiles[0]!.statusReason).toMatch(/element 1 is larger than 1048576 bytes: refused/);
    expect(profiles[1]!.status).toBe('active');
  });

  it('every byte unpacked is counted against the per-file and per-archive caps, whatever the zip declares', async () => {
    const tweet = (i: number) =>
      `{ "tweet" : { "id_str" : "${i}", "created_at" : "Fri Oct 30 10:00:00 +0000 2026", "full_text" : "post ${i} ${'x'.repeat(200)}" } }`;
    const big = `window.YTD.tweets.part0 = [ ${Array.from({ length: 20_000 }, (_, i) => tweet(i)).join(', ')} ]`;
    const file = join(tmp, 'big.zip');
    writeFileSync(
      file,
      zip([
        { name: 'data/tweets.js', data: big },
        { name: 'data/tweets-part1.js', data: big },
      ]),
    );
    await expect(readXArchive(file, 'a', { maxEntryBytes: 1024 * 1024, maxArchiveBytes: 1024 ** 3 })).rejects.toThrow(
      /data\/tweets\.js unpacks to more than 1 MiB: refused/,
    );
    await expect(
      readXArchive(file, 'a', { maxEntryBytes: 1024 ** 3, maxArchiveBytes: 6 * 1024 * 1024 }),
    ).rejects.toThrow(/the archive unpacks to more than 6 MiB: refused/);
    expect((await readXArchive(file, 'a')).posts).toHaveLength(40_000);
  });
});

describe('item 12: reports read back from files are untrusted', () => {
  const golden = () =>
    JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8')) as Report & Record<string, unknown>;
  const save = (name: string, report: unknown) => {
    const file = join(tmp, name);
    writeFileSync(file, JSON.stringify(report));
    return file;
  };
  const ESC = '\u001b';

  it.each([
    [
      'a status that is markup',
      (r: Report) => {
        r.profiles[0]!.status = '<img src=x onerror=alert(1)>' as never;
      },
      /profiles.0.status/,
    ],
    [
      'a grade that is a meta refresh',
      (r: Report) => {
        r.summary.grade = '<meta http-equiv="refresh" content="0;url=https://evil.example/">' as never;
      },
      /summary\/grade/,
    ],
    [
      'a finding code with a terminal escape',
      (r: Report) => {
        r.profiles[1]!.findings[0]!.code = `x${ESC}]52;c;cGF5bG9hZA==\u0007` as never;
      },
      /profiles\/1\/findings\/0\/code: must match pattern/,
    ],
    [
      'a count that is a string',
      (r: Report) => {
        r.summary.findingsBySeverity.critical = '<b>9</b>' as never;
      },
      /summary\/findingsBySeverity\/critical: must be integer/,
    ],
  ])('merge, diff and --baseline refuse %s (exit 2, one line, nothing rendered)', async (_, forge, message) => {
    const forged = golden();
    forge(forged);
    const file = save('forged.json', forged);
    const clean = save('clean.json', golden());
    for (const args of [
      ['merge', file, '-f', 'html'],
      ['diff', clean, file],
      ['diff', file, clean],
      [...DEMO, '--baseline', file, '--fail-on', 'never'],
    ]) {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain(ESC);
      expect(stdout).toBe('');
    }
  });

  it('text the schema allows is rendered escaped: no control sequence reaches the terminal, no image or HTML reaches Markdown', async () => {
    const old = golden();
    const hostile = `${ESC}]0;pwned${ESC}\\${ESC}[2J${ESC}]52;c;cGF5bG9hZA==\u0007![x](https://evil.example/p.png)<img src=x>`;
    old.profiles[0]!.name = hostile;
    old.profiles[0]!.findings.push({
      ...old.profiles[1]!.findings[0]!,
      profileId: old.profiles[0]!.id,
      code: 'stale-profile',
      message: hostile,
      recommendation: hostile,
    });
    const file = save('old.json', old);
    const current = save('current.json', golden());
    const text = await cli(['diff', file, current]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain(ESC);
    expect(text.stdout).not.toContain('\u0007');
    const markdown = await cli(['diff', file, current, '--format', 'markdown']);
    expect(markdown.stdout).not.toMatch(/(?<!\\)!\[x\]\(https:/);
    expect(markdown.stdout).not.toMatch(/<img/);
  });
});

describe('item 13: redirects into private networks', () => {
  // the test server is on 127.0.0.1; the resolver plays DNS: it makes that server "public" and names internal hosts
  const addresses: Record<string, string[]> = {
    '127.0.0.1': ['93.184.216.34'],
    'metadata.example': ['169.254.169.254'],
    localhost: ['127.0.0.1'],
  };
  const resolve = async (host: string) => addresses[host] ?? [host];
  const client = (allowPrivateRedirects = false) =>
    new LiveHttpClient({
      userAgent: 't',
      timeoutMs: 2000,
      env: {},
      hostLimits: { concurrency: 2, intervalMs: 0 },
      resolve,
      allowPrivateRedirects,
    });

  it('refuses a public URL redirecting to a private address, by literal or by a name that resolves to one', async () => {
    let port = 0;
    const server = await serveRoutes({
      '/to-metadata': { status: 302, body: '', headers: { location: 'http://169.254.169.254/latest/meta-data/iam/' } },
      '/to-intranet': { status: 301, body: '', headers: { location: 'http://10.0.0.1/admin' } },
      '/to-name': { status: 302, body: '', headers: { location: 'http://metadata.example/latest/' } },
      '/to-ipv6-loopback': { status: 302, body: '', headers: { location: 'http://[::1]/' } },
      '/to-localhost': {
        status: 302,
        body: '',
        get headers() {
          return { location: `http://localhost:${port}/ok` };
        },
      },
      '/ok': { type: 'text/plain', body: 'fine' },
    });
    port = Number(new URL(server.url).port);
    const http = client();
    try {
      for (const [path, shown] of [
        ['/to-metadata', '169.254.169.254'],
        ['/to-intranet', '10.0.0.1'],
        ['/to-name', 'metadata.example is 169.254.169.254'],
        ['/to-ipv6-loopback', '[::1]'],
      ] as const) {
        const error = await http.get(`${server.url}${path}`).catch((e: unknown) => e as FetchError);
        expect(error).toBeInstanceOf(FetchError);
        expect((error as FetchError).message).toBe(
          `redirect from a public address to a private one (${shown}) refused; set allowPrivateRedirects: true for intranet audits`,
        );
      }
      await expect(http.get(`${server.url}/to-localhost`)).rejects.toThrow(/localhost:\d+ is 127\.0\.0\.1\) refused/);
      const allowed = client(true);
      expect((await allowed.get(`${server.url}/to-localhost`)).body.toString()).toBe('fine');
      await allowed.close();
    } finally {
      await http.close();
      await server.close();
    }
  });

  it('an intranet the inventory names may redirect inside itself (private to private)', async () => {
    const server = await serveRoutes({
      '/a': { status: 302, body: '', headers: { location: '/b' } },
      '/b': { type: 'text/plain', body: 'inside' },
    });
    const http = new LiveHttpClient({
      userAgent: 't',
      timeoutMs: 2000,
      env: {},
      hostLimits: { concurrency: 2, intervalMs: 0 },
    });
    try {
      expect((await http.get(`${server.url}/a`)).body.toString()).toBe('inside');
    } finally {
      await http.close();
      await server.close();
    }
  });
});

describe('item 14: YAML aliases', () => {
  it('an inventory sharing one anchor among 150 profiles is fine', async () => {
    const file = join(tmp, 'aliases.yaml');
    const profiles = Array.from(
      { length: 150 },
      (_, i) => `  - url: https://bsky.app/profile/u${i}.bsky.social\n    endpoints: *ep`,
    ).join('\n');
    writeFileSync(
      file,
      `company: A\nsettings:\n  endpoints: &ep { bluesky: https://public.api.bsky.app }\nprofiles:\n${profiles}\n`,
    );
    const { code, stdout } = await cli(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/150 profiles/);
  });

  it('an alias bomb is exit 2 with line:col and the limit, never a stack trace', async () => {
    const file = join(tmp, 'bomb.yaml');
    const levels = Array.from(
      { length: 8 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
    ).join('\n');
    writeFileSync(file, `company: A\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n${levels}\nprofiles: []\n`);
    const { code, stderr } = await cli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bomb\.yaml:3:\d+: YAML aliases expand to more than 10000 nodes/);
    expect(stderr).not.toMatch(/ReferenceError| at /);
  });
});

describe('item 15: credentials in profile URLs', () => {
  it('appear in no report format, no stored error and no evidence; validate warns', async () => {
    const server = await serveRoutes({});
    const base = server.url.replace('http://', 'http://agent:hunter2pass@');
    const file = join(tmp, 'creds.yaml');
    writeFileSync(
      file,
      `company: A\nprofiles:\n  - url: ${base}/feed.xml?access_token=tok-SECRET-42&page=1\n    platform: feed\n`,
    );
    const record = join(tmp, 'creds-evidence');
    try {
      const checked = await cli(['validate', file]);
      expect(checked.code).toBe(0);
      expect(checked.stderr).toMatch(/warning: profiles\[0\]\.url carries credentials/);
      expect(checked.stdout + checked.stderr).not.toMatch(/hunter2pass|tok-SECRET-42/);
      for (const format of ['json', 'table', 'markdown', 'csv', 'html', 'junit']) {
        const { stdout, stderr } = await cli([
          'audit',
          file,
          '--format',
          format,
          '--fail-on',
          'never',
          '--record',
          record,
        ]);
        expect(stdout + stderr).not.toMatch(/hunter2pass|tok-SECRET-42/);
      }
      const json = JSON.parse((await cli(['audit', file, '--format', 'json', '--fail-on', 'never'])).stdout) as {
        profiles: Array<{ id: string; url: string; statusReason: string }>;
      };
      expect(json.profiles[0]!.url).toMatch(/access_token=REDACTED/);
      expect(json.profiles[0]!.statusReason).toMatch(/not found/);
      const stored = (await import('node:fs')).readdirSync(record, { recursive: true }).map(String);
      for (const name of stored) {
        if (statSync(join(record, name)).isFile())
          expect(readFileSync(join(record, name), 'utf8')).not.toMatch(/hunter2pass|tok-SECRET-42/);
      }
    } finally {
      await server.close();
    }
  });
});
