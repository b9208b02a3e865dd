/** init --from-site and the audit's website cross-checks, end to end against sites served on 127.0.0.1. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileResult, Report, WebsiteCheck } from '../src/model/index.js';
import { websiteFindings } from '../src/scoring/website.js';
import { cli, schemaErrors } from './helpers/cli.js';
import { serveRoutes, type LocalServer } from './helpers/evidence-server.js';

const SITES = join(import.meta.dirname, '..', 'fixtures', 'sites');
const page = (name: string) => readFileSync(join(SITES, name), 'utf8');
const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });

describe('channel-audit init --from-site', () => {
  let site: LocalServer;
  const dir = mkdtempSync(join(tmpdir(), 'init-site-'));
  beforeAll(async () => {
    site = await serveRoutes({
      '/': html(page('home.html')),
      '/about-us/': html(page('about.html')),
      '/help/contact': html(page('contact.html')),
    });
  });
  afterAll(() => site.close());

  it('writes an inventory of every profile the site links to, which validates', async () => {
    const file = join(dir, 'site.yaml');
    const run = await cli(['init', '--from-site', `${site.url}/`, file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/wrote .*site\.yaml: 13 profiles \(/);
    expect(run.stderr).toMatch(/impressum: HTTP 404/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('company: Northwind Outfitters');
    // the header's commands name the file it was written to (issue 21, item 7)
    expect(text).toContain(`#   channel-audit validate ${file} && channel-audit audit ${file}\n`);
    expect(text).toContain(`website: ${site.url}/`);
    expect(text).toContain('  # mastodon: rel="me" on');
    expect(text).toContain('  - url: https://x.com/northwindgear');
    expect(text).not.toMatch(/intent|sharer|shareArticle|status/);
    const check = await cli(['validate', file]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('13 profiles');
  });

  it('never overwrites a file without --force', async () => {
    const file = join(dir, 'kept.yaml');
    writeFileSync(file, 'mine\n');
    const run = await cli(['init', '--from-site', `${site.url}/`, file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await cli(['init', '--from-site', `${site.url}/`, file, '--force'])).code).toBe(0);
  });

  it('writes nothing when the home page cannot be read (exit 3)', async () => {
    const file = join(dir, 'none.yaml');
    const run = await cli(['init', '--from-site', `${site.url}/gone`, file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot read .*gone: HTTP 404.*nothing written/);
    expect(() => readFileSync(file)).toThrow();
  });

  it('refuses a URL that is not http(s) (exit 2)', async () => {
    const run = await cli(['init', '--from-site', 'northwind.example', join(dir, 'x.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--from-site: expected an http\(s\) URL/);
  });
});

describe('the audit against the demo website', () => {
  let report: Report;
  beforeAll(async () => {
    const run = await cli([
      'audit',
      'fixtures/demo/inventory.yaml',
      '--replay',
      'fixtures/demo/evidence',
      '--as-of',
      '2026-11-01',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    report = JSON.parse(run.stdout) as Report;
  });
  const codes = (id: string) => report.profiles.find((p) => p.id === id)!.findings.map((f) => f.code);

  it('records what the site links to, matched to the inventory', () => {
    expect(schemaErrors(report)).toBeNull();
    expect(report.website!.error).toBeNull();
    expect(report.website!.pages.map((p) => p.url)).toEqual([
      'https://www.northwind.example/',
      'https://www.northwind.example/contact/',
    ]);
    const x = report.website!.links.find((l) => l.url === 'https://x.com/northwind')!;
    expect(x.profileId).toBe('x.com-northwind'); // linked as twitter.com/Northwind?ref_src=…
  });

  it('finds links to dead and abandoned profiles, profiles not linked, and links to undeclared ones', () => {
    expect(codes('social.northwind.example-northwind-shop')).toContain('site-links-to-dead-profile');
    expect(codes('social.northwind.example-northwind-careers')).toContain('site-links-to-abandoned-profile');
    expect(codes('social.northwind.example-northwind-deals')).toContain('profile-missing-from-site');
    expect(codes('social.northwind.example-northwind')).not.toContain('profile-missing-from-site');
    const undeclared = report.findings.find((f) => f.code === 'site-links-to-undeclared-profile')!;
    expect(undeclared.evidence.urls).toBe(
      'https://x.com/northwindhelp, https://www.facebook.com/northwindoutfittersuk',
    );
  });
});

describe('websiteFindings', () => {
  const profile = (id: string, platform: ProfileResult['platform'], status: ProfileResult['status']) =>
    ({ id, platform, status, statusReason: null, metrics: null, findings: [] }) as unknown as ProfileResult;
  const check = (links: WebsiteCheck['links'], error: string | null = null): WebsiteCheck => ({
    url: 'https://co.example/',
    error,
    pages: [{ url: 'https://co.example/', status: 200, error: null }],
    links,
  });

  it('an unreadable site is one finding that says so, never "not linked"', () => {
    const got = websiteFindings(check([], 'HTTP 503 from https://co.example/'), [profile('a', 'mastodon', 'active')]);
    expect(got).toEqual([
      {
        code: 'website-unreadable',
        severity: 'info',
        profileId: null,
        evidence: { url: 'https://co.example/', reason: 'HTTP 503 from https://co.example/' },
      },
    ]);
  });

  it('does not ask a blog, a blocked profile or an abandoned one to be linked', () => {
    const got = websiteFindings(check([]), [
      profile('blog', 'feed', 'active'),
      profile('ig', 'instagram', 'blocked'),
      profile('old', 'mastodon', 'abandoned'),
      profile('main', 'bluesky', 'stale'),
    ]);
    expect(got.map((f) => [f.code, f.profileId])).toEqual([['profile-missing-from-site', 'main']]);
  });
});
