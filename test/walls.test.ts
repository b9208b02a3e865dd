/** Every wall marker of the walled-platforms table, against a page in that platform's markup served on 127.0.0.1. */
import { afterAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../src/http/live.js';
import type { PlatformId } from '../src/model/index.js';
import { adapterFor } from '../src/platforms/registry.js';
import { WALLED_PLATFORMS } from '../src/platforms/walled/walls.js';
import { AS_OF, settings, makeProfile, NO_PACING } from './helpers/builders.js';
import { serveRoutes } from './helpers/evidence-server.js';
import { wallPage as page } from './helpers/walls.js';

const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
afterAll(() => http.close());

const html = (body: string, status = 200) => ({ status, type: 'text/html; charset=utf-8', body });
const redirect = (to: string) => ({ status: 302, body: '', headers: { location: to } });
type Routes = Parameters<typeof serveRoutes>[0];

/** One case per marker: the routes a logged-out reader meets at /northwind. */
const CASES: Record<string, Routes> = {
  'x-login-redirect': {
    '/northwind': redirect('/i/flow/login?redirect_after_login=%2Fnorthwind'),
    '/i/flow/login?redirect_after_login=%2Fnorthwind': html(page('x-login-flow.html')),
  },
  'x-javascript-shell': { '/northwind': html(page('x-javascript-shell.html')) },
  'facebook-login-redirect': {
    '/northwind': redirect('/login/?next=%2Fnorthwind'),
    '/login/?next=%2Fnorthwind': html(page('facebook-login.html')),
  },
  'facebook-login-title': { '/northwind': html(page('facebook-login.html')) },
  'facebook-no-og-title': { '/northwind': html(page('facebook-no-og-title.html')) },
  'instagram-login-redirect': {
    '/northwind': redirect('/accounts/login/?next=%2Fnorthwind%2F'),
    '/accounts/login/?next=%2Fnorthwind%2F': html(page('instagram-login.html')),
  },
  'instagram-login-title': { '/northwind': html(page('instagram-login.html')) },
  'linkedin-999': { '/northwind': html('', 999) },
  'linkedin-authwall': {
    '/northwind': redirect('/authwall?trk=gf&sessionRedirect=%2Fnorthwind'),
    '/authwall?trk=gf&sessionRedirect=%2Fnorthwind': html(page('linkedin-authwall.html')),
  },
  'linkedin-signup-title': { '/northwind': html(page('linkedin-authwall.html')) },
  'tiktok-login-redirect': {
    '/northwind': redirect('/login?redirect_url=%2Fnorthwind'),
    '/login?redirect_url=%2Fnorthwind': html(
      '<!DOCTYPE html><html><head><title>Log in | TikTok</title></head><body></body></html>',
    ),
  },
  'tiktok-verify': { '/northwind': html(page('tiktok-verify.html')) },
};

const profile = makeProfile;
const ctx = { http, settings, endpoints: settings.endpoints, asOf: AS_OF };

async function audit(routes: Routes, platform: PlatformId) {
  const server = await serveRoutes(routes);
  try {
    const p = profile(`${server.url}/northwind`, platform);
    return await (await adapterFor(p))!.fetch(p, ctx);
  } finally {
    await server.close();
  }
}

describe('walled platforms', () => {
  const markers = WALLED_PLATFORMS.flatMap((p) => p.markers.map((m) => [p.id, m.id] as const));

  it('has a captured-page case for every marker in the table', () => {
    expect(markers.map(([, id]) => id).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(markers)('%s: marker %s makes the profile blocked, with the marker as evidence', async (platform, id) => {
    const out = await audit(CASES[id]!, platform);
    expect(out.kind).toBe('blocked');
    if (out.kind !== 'blocked') return;
    expect(out.evidence.startsWith(`${id}: `)).toBe(true);
    expect(out.reason).toMatch(/login wall/);
  });

  it('reads a Facebook Page that renders for logged-out readers (og:title, data-ft publish times)', async () => {
    const out = await audit({ '/northwind': html(page('facebook-page-rendered.html')) }, 'facebook');
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.timeline.method).toBe('html');
    expect(out.timeline.posts.map((p) => [p.createdAt, p.text])).toEqual([
      ['2026-10-04T10:00:00.000Z', 'Autumn trail maintenance day this Saturday: bring gloves, we bring coffee.'],
      ['2026-09-14T10:00:00.000Z', 'New repair guides for zips and seams are up on the blog.'],
    ]);
    expect(out.timeline.sampleNote).toMatch(/2 Facebook post dates/);
  });

  it('calls a page that renders but shows no posts blocked ("could not tell"), never empty', async () => {
    const out = await audit(
      {
        '/northwind': html(
          '<!DOCTYPE html><html><head><title>Northwind (@northwind) • Instagram photos and videos</title><meta property="og:title" content="Northwind"></head><body></body></html>',
        ),
      },
      'instagram',
    );
    expect(out).toMatchObject({ kind: 'blocked', evidence: expect.stringMatching(/^no-public-posts: /) });
  });

  it('still reports a walled profile that is gone (404) as unreachable', async () => {
    const out = await audit({}, 'tiktok');
    expect(out).toMatchObject({ kind: 'unreachable', fetch: { httpStatus: 404 } });
  });
});
