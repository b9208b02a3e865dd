/**
 * Secrets never leak (issue 18, item 3): recognisable tokens are planted in the environment, the
 * audit runs against local APIs — some of which echo the token back in error messages, bodies,
 * headers and paging links, and one of which redirects to another origin — with every output at once
 * (--record, --cache, --verbose, every report format, the terminal table), and every byte written is
 * searched for the tokens. Then the recording is replayed without any token (item 4) and gives the
 * same report.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../src/auth/secret.js';
import type { Report } from '../src/model/index.js';
import { fbPosts, graphError } from './platforms/meta-graph/api-format.js';
import { xPage, xUser } from './platforms/x/api-format.js';
import { ytChannels, ytError, ytPlaylistItems, ytVideoStatistics } from './platforms/youtube/api-format.js';
import { serveApi, type ApiAnswer, type ApiServer } from './helpers/api-server.js';
import { cli } from './helpers/cli.js';

const KEY = 'AIzaCANARYkey0000leak1111check2222yt33';
const TOKEN = 'EAACANARYtoken0000leak1111check2222meta';
const BEARER = 'AAAAAAAAAAAAAAAAAAAACANARYbearer0000leak1111x';
const CANARIES = [KEY, TOKEN, BEARER, 'CANARYkey0000leak', 'CANARYtoken0000leak', 'CANARYbearer0000leak'];
const CHANNEL = 'UCleakleakleakleakleak00';
const at = (d: number) => new Date(Date.UTC(2026, 9, 30 - d, 12)).toISOString();

let yt: ApiServer;
let graph: ApiServer;
let xapi: ApiServer;
let elsewhere: ApiServer;
const dir = mkdtempSync(join(tmpdir(), 'leak-'));

beforeAll(async () => {
  elsewhere = await serveApi(() => ({ body: '{}' }));
  yt = await serveApi((url): ApiAnswer | undefined => {
    const key = String(yt.requests.at(-1)?.headers['x-goog-api-key'] ?? '');
    if (url.searchParams.get('forHandle') === '@echo')
      // a hostile or buggy API that repeats the key it was sent, everywhere it can
      return {
        status: 400,
        body: ytError(400, 'API_KEY_INVALID', `API key not valid: ${key}. Please pass a valid API key.`, 'global'),
        headers: { 'x-echo-key': key, etag: '"e1"' },
      };
    if (url.pathname === '/channels')
      return {
        body: ytChannels({
          id: CHANNEL,
          title: `Channel ${key}`,
          handle: '@leaky',
          published: '2020-01-01T00:00:00Z',
          subscribers: 10,
          videos: 3,
        }),
        headers: { etag: `"${key}"` },
      };
    if (url.pathname === '/playlistItems')
      return {
        body: ytPlaylistItems(
          CHANNEL,
          [0, 5, 9].map((d, i) => ({
            id: `leakvid000${i}`,
            title: `Video with ${key}`,
            description: 'd',
            published: at(d),
          })),
          null,
          3,
        ),
        headers: { etag: '"p1"' },
      };
    if (url.pathname === '/videos') return { body: ytVideoStatistics([{ id: 'leakvid0000', comments: 0 }]) };
    return undefined;
  });
  graph = await serveApi((url, origin) => {
    const auth = String(graph.requests.at(-1)?.headers.authorization ?? '');
    const token = auth.replace(/^Bearer /, '');
    if (url.pathname === '/echopage')
      return {
        status: 400,
        body: graphError(190, `Invalid OAuth access token - Cannot parse access token: ${token}`),
      };
    if (url.pathname === '/leakypage')
      return { body: JSON.stringify({ id: '42', name: 'Leaky Page', username: 'leakypage' }) };
    if (url.pathname === '/42/posts')
      // Graph puts the token in paging links when it was sent in the query; a server may do it anyway
      return {
        body: fbPosts(
          [{ id: '42_1', text: 'Hello', created: at(1), comments: [] }],
          'QVFIUm',
          `${origin}/42/posts?access_token=${encodeURIComponent(token)}&after=QVFIUm`,
        ).replace('"paging":{', `"paging":{"echo":"${token}",`),
      };
    return undefined;
  });
  xapi = await serveApi((url) => {
    if (url.pathname === '/users/by/username/moved')
      return { status: 307, body: '', headers: { location: `${elsewhere.url}/users/by/username/moved` } };
    if (url.pathname === '/users/by/username/leakyx')
      return {
        body: xUser({
          id: '7',
          username: 'leakyx',
          name: 'Leaky',
          created: '2015-01-01T00:00:00.000Z',
          followers: 3,
          tweets: 2,
        }),
      };
    if (url.pathname === '/users/7/tweets')
      return { body: xPage([{ id: '1850000000000000001', text: 'hi', created: at(2), authorId: '7' }], [], null) };
    return undefined;
  });
});
afterAll(async () => {
  await Promise.all([yt, graph, xapi, elsewhere].map((s) => s.close()));
});

/** Every file under a folder, recursively, as bytes. */
function filesUnder(root: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

const leaks = (text: string | Buffer) =>
  CANARIES.flatMap((c) => [c, encodeURIComponent(c), Buffer.from(c).toString('base64')]).filter((c) =>
    typeof text === 'string' ? text.includes(c) : text.includes(c),
  );

describe('secrets never leak', () => {
  it('a Secret prints, serialises, inspects and clones as [secret]', () => {
    const s = new Secret(TOKEN);
    expect(String(s)).toBe('[secret]');
    expect(JSON.stringify({ s })).toBe('{"s":"[secret]"}');
    expect(inspect(s)).toBe('[secret]');
    expect(`${s}`).toBe('[secret]');
    expect(JSON.stringify(structuredClone({ s }))).not.toContain('CANARY');
    expect(s.reveal()).toBe(TOKEN);
  });

  it('appears in no report, recording, cache file, log line or --verbose output, and goes to no other origin', async () => {
    const inventory = join(dir, 'inventory.yaml');
    writeFileSync(
      inventory,
      `company: Leak check
settings:
  hostIntervalMs: 0
  endpoints: {youtube: ${yt.url}, youtubeApi: ${yt.url}, graphApi: ${graph.url}, xApi: ${xapi.url}}
  auth:
    youtube: {env: YT_KEY, origin: ${yt.url}}
    facebook: {env: META_TOKEN, origin: ${graph.url}}
    x: {env: X_TOKEN, origin: ${xapi.url}}
profiles:
  - {url: "https://www.youtube.com/@leaky", id: yt}
  - {url: "https://www.youtube.com/@echo", id: yt-echo}
  - {url: "https://www.facebook.com/leakypage", id: fb}
  - {url: "https://www.facebook.com/echopage", id: fb-echo}
  - {url: "https://x.com/leakyx", id: x}
  - {url: "https://x.com/moved", id: x-moved}
`,
    );
    const out = join(dir, 'out');
    mkdirSync(out);
    const formats = ['json', 'html', 'md', 'csv', 'ndjson', 'xml', 'txt'].map((e) => join(out, `report.${e}`));
    // a refused token's public page is read through a proxy that is not there: no test reaches facebook.com
    const env = { YT_KEY: KEY, META_TOKEN: TOKEN, X_TOKEN: BEARER, HTTPS_PROXY: 'http://127.0.0.1:9' };
    const run = await cli(
      [
        'audit',
        inventory,
        '--as-of',
        '2026-11-01',
        '--record',
        join(dir, 'evidence'),
        '--cache',
        join(dir, 'cache'),
        '--verbose',
        '--fail-on',
        'never',
        ...formats.flatMap((file) => ['-o', file]),
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    // the run did what it should: the APIs were read, the echoes and the redirect were met
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    const byId = new Map(report.profiles.map((p) => [p.id, p]));
    expect(byId.get('yt')!.api?.used).toBe(true);
    // a refused credential's reason (the API echoing the token back) is scrubbed in the finding too
    expect(byId.get('yt-echo')!.api?.refused?.reason).toContain('API key not valid: [secret]');
    expect(byId.get('fb-echo')!.findings.find((f) => f.code === 'credential-refused')?.message).toContain(
      'refused META_TOKEN (code 190: Invalid OAuth access token - Cannot parse access token: [secret])',
    );
    expect(byId.get('x-moved')!.statusReason).toContain('the API redirected to another origin');
    expect(run.stderr).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/channels\?part=snippet,statistics,contentDetails&forHandle=%40leaky → 200 \(\d+ ms, with YT_KEY\)/,
    );
    // the token went to its API only
    expect(elsewhere.requests).toHaveLength(0);

    const written = filesUnder(dir).filter((file) => !file.path.endsWith('inventory.yaml'));
    expect(written.some((file) => file.path.includes(join(dir, 'evidence')))).toBe(true);
    expect(written.some((file) => file.path.includes(join(dir, 'cache')))).toBe(true);
    for (const file of written) expect(leaks(file.bytes), file.path).toEqual([]);
    expect(leaks(run.stdout)).toEqual([]);
    expect(leaks(run.stderr)).toEqual([]);

    // replayed from the recording with no token at all: the same profiles, read the same way (item 4)
    const replay = await cli([
      'audit',
      inventory,
      '--as-of',
      '2026-11-01',
      '--replay',
      join(dir, 'evidence'),
      '--format',
      'json',
      '--fail-on',
      'never',
      '-q',
    ]);
    expect(leaks(replay.stdout)).toEqual([]);
    const replayed = JSON.parse(replay.stdout) as Report;
    for (const p of replayed.profiles) {
      const live = byId.get(p.id)!;
      expect({ id: p.id, status: p.status, metrics: p.metrics, api: p.api }).toEqual({
        id: live.id,
        status: live.status,
        metrics: live.metrics,
        api: live.api,
      });
    }
  });
});
