/**
 * `discover` against a local server that plays each platform's found / not-found / wall / rate-limit
 * answers (in the formats of test/platforms/<id>/ and their walls/): every unknown case stays unknown.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile as bskyProfile } from './platforms/bluesky/format.js';
import { account } from './platforms/mastodon/format.js';
import { threadsPage } from './platforms/threads/format.js';
import { userAbout } from './platforms/reddit/format.js';
import { channelPage } from './platforms/youtube/format.js';
import { DISCOVERY_PLATFORMS } from '../src/discovery/platform-table.js';
import { cli } from './helpers/cli.js';
import { wallPage as wall } from './helpers/walls.js';

const SAMPLES_EXIST = new Set(['northwind', ...DISCOVERY_PLATFORMS.map((p) => p.samples.exists.toLowerCase())]);

type Answer = { status: number; type?: string; body: string; headers?: Record<string, string> };
const json = (status: number, body: unknown): Answer => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});
const html = (status: number, body: string): Answer => ({ status, type: 'text/html; charset=utf-8', body });

/** What each platform answers for a handle: exists, is missing, is rate limited ("limited") or walled ("walled"). */
function answer(platform: string, handle: string): Answer {
  const h = handle.toLowerCase();
  // every platform rate limits "limited" (Bluesky is asked for limited.bsky.social)
  if (h.replace(/\.bsky\.social$/, '') === 'limited')
    return {
      status: 429,
      type: 'application/json',
      body: '{"error":"Too many requests"}',
      headers: { 'retry-after': '30' },
    };
  const exists = SAMPLES_EXIST.has(h.replace(/\.bsky\.social$/, ''));
  switch (platform) {
    case 'mastodon':
      if (h === 'walled')
        return html(
          200,
          '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
        );
      return exists
        ? json(
            200,
            account({
              host: 'mastodon.social',
              id: '109',
              username: handle,
              displayName: handle,
              note: '',
              createdAt: '2022-11-01T00:00:00.000Z',
              statusesCount: 10,
              lastStatusAt: '2026-10-01',
              followers: 5,
            }),
          )
        : json(404, { error: 'Record not found' });
    case 'bluesky':
      if (h === 'walled.bsky.social')
        return html(
          403,
          '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>',
        );
      return exists
        ? json(200, bskyProfile({ did: 'did:plc:abc123', handle, displayName: handle }, '', 10, 5))
        : json(400, { error: 'InvalidRequest', message: 'Profile not found' });
    case 'youtube':
      if (h === 'walled')
        return html(
          200,
          '<html><head><title>Before you continue to YouTube</title></head><body>Before you continue to YouTube</body></html>',
        );
      return exists
        ? html(200, channelPage(handle, 'UCsXVk37bltHxD1rDPwtNM8Q', handle))
        : html(404, "<html><head><title>404 Not Found</title></head><body>This page isn't available.</body></html>");
    case 'reddit':
      if (h === 'walled') return html(403, wall('reddit-network-security.html'));
      return exists
        ? json(200, userAbout(handle, '2015-06-01T00:00:00Z'))
        : json(404, { message: 'Not Found', error: 404 });
    case 'threads':
      if (h === 'walled') return html(200, wall('threads-login.html'));
      return exists
        ? html(200, threadsPage(`${handle} (@${h}) • Threads, Say more`, []))
        : html(404, "<html><head><title>Threads</title></head><body>Sorry, this page isn't available</body></html>");
    // the walled platforms show logged-out readers their wall, whether the account exists or not
    case 'x':
      return html(200, wall('x-javascript-shell.html'));
    case 'instagram':
      return html(200, wall('instagram-login.html'));
    case 'facebook':
      return html(200, wall('facebook-login.html'));
    case 'linkedin':
      return html(999, wall('linkedin-authwall.html'));
    case 'tiktok':
      return html(200, wall('tiktok-verify.html'));
    default:
      return html(500, 'no such platform');
  }
}

/** The handle a platform's check URL asks about. */
function handleIn(platform: string, path: string): string {
  const url = new URL(path, 'http://x');
  if (platform === 'mastodon') return url.searchParams.get('acct') ?? '';
  if (platform === 'bluesky') return url.searchParams.get('actor') ?? '';
  if (platform === 'reddit') return url.pathname.split('/')[2] ?? '';
  if (platform === 'linkedin') return url.pathname.split('/')[2] ?? '';
  return decodeURIComponent(url.pathname.split('/')[1] ?? '').replace(/^@/, '');
}

const servers: Server[] = [];
const bases = new Map<string, string>();
let base = '';
const seen: string[] = [];
// each platform on its own loopback address, as each is its own host: politeness spaces requests per host
const endpointFlags = (every?: string) =>
  DISCOVERY_PLATFORMS.flatMap((p) => ['--endpoint', `${p.id}=${every ?? bases.get(p.id) ?? base}/${p.id}`]);

beforeAll(async () => {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(req.url ?? '');
    const [, platform = '', ...rest] = (req.url ?? '/').split('/');
    if (platform === 'robots.txt') return void res.writeHead(404).end();
    const a = answer(platform, handleIn(platform, `/${rest.join('/')}`));
    res.writeHead(a.status, { 'content-type': a.type ?? 'text/plain', ...a.headers });
    res.end(a.body);
  };
  const listen = async (address: string) => {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    servers.push(server);
    return `http://${address}:${(server.address() as AddressInfo).port}`;
  };
  base = await listen('127.0.0.1');
  for (const [i, p] of DISCOVERY_PLATFORMS.entries()) bases.set(p.id, await listen(`127.0.0.${30 + i}`));
});
afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))));

async function discoverJson(args: string[]) {
  const run = await cli(['discover', ...args, ...endpointFlags(), '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Array<{
    handle: string;
    platform: string;
    status: string;
    evidence: string;
    url: string;
    listedAs?: string | null;
  }>;
}
const statusOf = (rows: Awaited<ReturnType<typeof discoverJson>>, handle: string) =>
  Object.fromEntries(rows.filter((r) => r.handle === handle).map((r) => [r.platform, r.status]));

describe('channel-audit discover', () => {
  it('finds the profiles that exist, and reports walled platforms as unknown even when the account exists', async () => {
    const rows = await discoverJson(['--handle', 'northwind']);
    expect(statusOf(rows, 'northwind')).toEqual({
      mastodon: 'found',
      bluesky: 'found',
      youtube: 'found',
      reddit: 'found',
      threads: 'found',
      x: 'unknown',
      instagram: 'unknown',
      facebook: 'unknown',
      linkedin: 'unknown',
      tiktok: 'unknown',
    });
    expect(rows.find((r) => r.platform === 'linkedin')!.evidence).toMatch(/999/);
    expect(rows.find((r) => r.platform === 'x')!.evidence).toMatch(/JavaScript shell/);
  });

  it('reports not-found only where the platform says so plainly', async () => {
    const rows = await discoverJson(['--handle', 'nobody']);
    expect(statusOf(rows, 'nobody')).toMatchObject({
      mastodon: 'not-found',
      bluesky: 'not-found',
      youtube: 'not-found',
      reddit: 'not-found',
      threads: 'not-found',
      x: 'unknown',
      instagram: 'unknown',
    });
  });

  it('never calls a rate limit found or not-found, and does not wait out a long Retry-After', async () => {
    const rows = await discoverJson(['--handle', 'limited']);
    for (const r of rows) expect(r.status, `${r.platform}: ${r.evidence}`).toBe('unknown');
    expect(rows.find((r) => r.platform === 'mastodon')!.evidence).toMatch(/rate limited for 30 s/);
  });

  it('never calls a login wall or a challenge page found or not-found', async () => {
    const rows = await discoverJson(['--handle', 'walled']);
    for (const r of rows) expect(r.status, `${r.platform}: ${r.evidence}`).toBe('unknown');
    expect(rows.find((r) => r.platform === 'youtube')!.evidence).toMatch(/consent/);
    expect(rows.find((r) => r.platform === 'threads')!.evidence).toMatch(/login page/);
    expect(rows.find((r) => r.platform === 'reddit')!.evidence).toMatch(/HTTP 403/);
  });

  it('does not ask for a name a platform does not allow', async () => {
    const before = seen.length;
    const rows = await discoverJson(['--handle', 'north wind', '--platform', 'x,mastodon']);
    expect(rows.map((r) => r.status)).toEqual(['not-found', 'not-found']);
    expect(seen.length).toBe(before);
  });

  it('with --inventory, marks what is listed and what is undeclared, and --append adds the undeclared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'discover-'));
    const file = join(dir, 'inv.yaml');
    const original =
      '# our profiles\ncompany: Northwind\nassert:\n  maxDaysSinceLastPost: [error, 90]\nprofiles:\n  # the main account\n  - url: https://mastodon.social/@Northwind\n    tags: [main,  en]\n\nsettings: { windowDays: 180 }\n';
    writeFileSync(file, original);
    const run = await cli([
      'discover',
      '--handle',
      'northwind',
      '--platform',
      'mastodon,bluesky,x',
      '--inventory',
      file,
      '--append',
      ...endpointFlags(),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /found +Mastodon \(mastodon\.social\) +https:\/\/mastodon\.social\/@northwind +listed as mastodon\.social-northwind/,
    );
    expect(run.stdout).toMatch(/found +Bluesky +https:\/\/bsky\.app\/profile\/northwind\.bsky\.social +UNDECLARED/);
    expect(run.stdout).toMatch(/Undeclared: 1 profile exists but is not in .*inv\.yaml \(forgotten, or an impostor\)/);
    expect(run.stderr).toMatch(/appended 1 profile/);
    // every line it did not touch keeps its bytes: `[error, 90]` stays `[error, 90]` (issue 21, item 5)
    expect(readFileSync(file, 'utf8')).toBe(
      original.replace(
        '\n\nsettings',
        "\n  # found by channel-audit discover: check it is the company's own\n  - url: https://bsky.app/profile/northwind.bsky.social\n\nsettings",
      ),
    );
    const again = await cli(['validate', file]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('refuses to run without a handle, and --append without --inventory (exit 2)', async () => {
    expect((await cli(['discover'])).code).toBe(2);
    expect((await cli(['discover', '--handle', 'x', '--append'])).stderr).toMatch(/--append needs --inventory/);
    expect((await cli(['discover', '--handle', 'x', '--endpoint', 'myspace=http://127.0.0.1:1'])).code).toBe(2);
  });
});

describe('channel-audit discover --self-check', () => {
  it('passes when every platform answers its samples as the table expects', async () => {
    const run = await cli(['discover', '--self-check', ...endpointFlags()]);
    expect(run.stdout).toMatch(/all 20 checks pass/);
    expect(run.code).toBe(0);
  });

  it('fails (exit 1) and names the platform whose markers no longer hold', async () => {
    // Mastodon's lookup answered by a page that shows neither marker, as after a change of format
    const run = await cli(['discover', '--self-check', '--platform', 'mastodon', '--endpoint', `mastodon=${base}/x`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL +Mastodon \(mastodon\.social\) +Gargron +expected found +got unknown/);
    expect(run.stdout).toMatch(/2 of 2 checks fail/);
  });

  it('says nothing was tested, and exits 3, when no platform can be reached (issue 21, item 2)', async () => {
    // a closed port on every endpoint: offline, or a firewall in the way
    const closed = 'http://127.0.0.1:9';
    const run = await cli(['discover', '--self-check', '--timeout', '2000', ...endpointFlags(closed)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^---- /m);
    expect(run.stdout).not.toMatch(/FAIL|the platform changed its pages/);
    expect(run.stdout).toMatch(
      /none of the 19 checks that ask a platform reached it \(offline, or a proxy or firewall in the way\): nothing was tested/,
    );
  });
});
