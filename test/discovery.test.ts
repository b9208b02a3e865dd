/** Finding a company's profiles on its website: canonical profile URLs, link extraction, reading the site. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppendError, appendProfileUrls } from '../src/discovery/inventory-yaml.js';
import { profileRef } from '../src/discovery/profile-url.js';
import { readSite } from '../src/discovery/read-site.js';
import { extractSiteLinks } from '../src/discovery/site-links.js';
import { LiveHttpClient } from '../src/http/live.js';
import { serveRoutes, type LocalServer } from './helpers/evidence-server.js';
import { NO_PACING } from './helpers/builders.js';

const SITES = join(import.meta.dirname, '..', 'fixtures', 'sites');
const page = (name: string) => readFileSync(join(SITES, name), 'utf8');

describe('profileRef: one canonical URL per profile', () => {
  it.each([
    ['https://twitter.com/NorthwindGear?ref_src=twsrc%5Etfw', 'x', 'https://x.com/northwindgear'],
    ['http://mobile.twitter.com/NorthwindGear/', 'x', 'https://x.com/northwindgear'],
    ['https://x.com/NorthwindGear#top', 'x', 'https://x.com/northwindgear'],
    [
      'https://m.facebook.com/NorthwindOutfitters/?utm_source=site',
      'facebook',
      'https://www.facebook.com/northwindoutfitters',
    ],
    [
      'https://www.facebook.com/profile.php?id=100064&ref=footer',
      'facebook',
      'https://www.facebook.com/profile.php?id=100064',
    ],
    [
      'https://instagram.com/northwind.outfitters?igshid=YmMy',
      'instagram',
      'https://www.instagram.com/northwind.outfitters',
    ],
    [
      'https://www.linkedin.com/company/Northwind-Outfitters/',
      'linkedin',
      'https://www.linkedin.com/company/northwind-outfitters',
    ],
    [
      'https://www.youtube.com/@NorthwindOutfitters?sub_confirmation=1',
      'youtube',
      'https://www.youtube.com/@northwindoutfitters',
    ],
    [
      'https://m.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q/videos',
      'youtube',
      'https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q',
    ],
    ['https://www.tiktok.com/@Northwind.Outfitters?lang=en', 'tiktok', 'https://www.tiktok.com/@northwind.outfitters'],
    ['https://threads.com/@northwind.outfitters/', 'threads', 'https://www.threads.net/@northwind.outfitters'],
    ['https://bsky.app/profile/Northwind.bsky.social', 'bluesky', 'https://bsky.app/profile/northwind.bsky.social'],
    ['https://old.reddit.com/r/Northwind/', 'reddit', 'https://www.reddit.com/r/northwind'],
    ['https://reddit.com/u/northwind_team', 'reddit', 'https://www.reddit.com/user/northwind_team'],
    ['https://mastodon.social/@Northwind', 'mastodon', 'https://mastodon.social/@northwind'],
    // a self-hosted server keeps the link's scheme and port (issue 21, item 5)
    ['http://social.example:8080/@Support', 'mastodon', 'http://social.example:8080/@support'],
    ['https://social.example:443/@support', 'mastodon', 'https://social.example/@support'],
    ['https://medium.com/@northwind', 'feed', 'https://medium.com/@northwind'],
    ['https://northwindtrails.substack.com/', 'feed', 'https://northwindtrails.substack.com'],
  ])('%s → %s %s', (link, platform, url) => {
    expect(profileRef(link)).toMatchObject({ platform, url });
  });

  it.each([
    'https://twitter.com/intent/tweet?url=x',
    'https://twitter.com/share',
    'https://twitter.com/hikerjane/status/1790000000000000000',
    'https://www.facebook.com/sharer/sharer.php?u=x',
    'https://www.facebook.com/dialog/share?app_id=1',
    'https://www.linkedin.com/shareArticle?mini=true&url=x',
    'https://www.reddit.com/submit?url=x',
    'https://bsky.app/intent/compose?text=x',
    'https://www.instagram.com/p/CxYz123/',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://northwind.example/users/jane',
    'mailto:hello@northwind.example',
    'javascript:void(0)',
    'not a url',
  ])('%s names no profile', (link) => {
    expect(profileRef(link)).toBeNull();
  });
});

describe('extractSiteLinks', () => {
  it('finds footer icons, rel="me" and JSON-LD sameAs, and leaves share buttons and single posts out', () => {
    const got = extractSiteLinks(page('home.html'), 'https://northwind.example/');
    expect(got.siteName).toBe('Northwind Outfitters');
    expect(got.profiles.map((p) => [p.platform, p.url, p.source])).toEqual([
      ['mastodon', 'https://mastodon.social/@northwind', 'rel-me'],
      // the footer links to the same channel as JSON-LD: one entry, the stronger source
      ['youtube', 'https://www.youtube.com/@northwindoutfitters', 'json-ld'],
      ['linkedin', 'https://www.linkedin.com/company/northwind-outfitters', 'json-ld'],
      ['bluesky', 'https://bsky.app/profile/northwind.bsky.social', 'json-ld'],
      ['x', 'https://x.com/northwindgear', 'link'],
      ['facebook', 'https://www.facebook.com/northwindoutfitters', 'link'],
      ['instagram', 'https://www.instagram.com/northwind.outfitters', 'link'],
      ['tiktok', 'https://www.tiktok.com/@northwind.outfitters', 'link'],
    ]);
    expect(got.morePages).toEqual([
      'https://northwind.example/about-us/',
      'https://northwind.example/help/contact',
      'https://northwind.example/impressum',
    ]);
  });
});

describe('readSite', () => {
  let site: LocalServer;
  const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
  beforeAll(async () => {
    site = await serveRoutes({
      '/': { type: 'text/html; charset=utf-8', body: page('home.html') },
      '/about-us/': { type: 'text/html; charset=utf-8', body: page('about.html') },
      '/help/contact': { type: 'text/html; charset=utf-8', body: page('contact.html') },
    });
  });
  afterAll(async () => {
    await site.close();
    await http.close();
  });

  it('reads the home page and its contact/about pages, one entry per profile', async () => {
    const scan = await readSite(`${site.url}/`, http);
    expect(scan.error).toBeNull();
    expect(scan.pages.map((p) => [new URL(p.url).pathname, p.status])).toEqual([
      ['/', 200],
      ['/about-us/', 200],
      ['/help/contact', 200],
      ['/impressum', 404],
    ]);
    const urls = scan.profiles.map((p) => p.url);
    expect(urls).toContain('https://x.com/northwindhelp');
    expect(urls).toContain('https://social.northwind.example/@support');
    expect(urls).toContain('https://www.threads.net/@northwind.outfitters');
    expect(urls).toContain('https://www.reddit.com/r/northwind');
    expect(urls).toContain('https://northwindtrails.substack.com');
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(13);
    expect(scan.profiles.find((p) => p.url === 'https://x.com/northwindhelp')!.page).toBe(`${site.url}/help/contact`);
  });

  it('says why when the home page cannot be read, with no profiles', async () => {
    const scan = await readSite(`${site.url}/missing`, http);
    expect(scan.error).toMatch(/HTTP 404/);
    expect(scan.profiles).toEqual([]);
  });
});

describe('hostile sites', () => {
  it('cannot inject YAML or terminal escapes through the site name, page URLs or links', async () => {
    const { inventoryFromSite } = await import('../src/discovery/inventory-yaml.js');
    const { parse } = await import('yaml');
    const html = `<html><head><title>Evil\nprofiles:\n  - url: https://x.com/evil \u001b[31m</title></head><body>
      <a href="javascript:alert(1)">x</a><a href="https://x.com/%0Aevil">x</a><a href="https://www.facebook.com/pages/a%0Ab/123">fb</a>
      <a href="https://x.com/real_one">ok</a></body></html>`;
    const links = extractSiteLinks(html, 'https://evil.example/');
    // a newline in a handle makes it no handle; in a Facebook page's name segment it stays percent-encoded
    expect(links.profiles.map((p) => p.url)).toEqual([
      'https://www.facebook.com/pages/a%0Ab/123',
      'https://x.com/real_one',
    ]);
    const yaml = inventoryFromSite(
      {
        url: 'https://evil.example/',
        siteName: links.siteName,
        pages: [{ url: 'https://evil.example/\n- url: https://x.com/injected', status: 200, error: null }],
        profiles: links.profiles.map((p) => ({ ...p, page: 'https://evil.example/\nprofiles: []' })),
        error: null,
      },
      'init',
    );
    const doc = parse(yaml) as { company: string; profiles: Array<{ url: string }> };
    expect(doc.profiles).toEqual([
      { url: 'https://www.facebook.com/pages/a%0Ab/123' },
      { url: 'https://x.com/real_one' },
    ]);
    expect(doc.company).toContain('Evil');
    expect(yaml).not.toContain('\u001b');
  });
});

describe('appendProfileUrls (discover --append)', () => {
  const note = "# found by channel-audit discover: check it is the company's own";
  it.each([
    {
      name: 'a block list, indented by 4, without a final newline',
      text: 'company: A\nprofiles:\n    - url: https://a.example/feed\n      tags: [x,y]',
      want: `company: A\nprofiles:\n    - url: https://a.example/feed\n      tags: [x,y]\n    ${note}\n    - url: https://b.example/@b\n`,
    },
    {
      name: 'an empty flow list, its comment kept',
      text: 'company: A\nprofiles: []  # none yet\nassert: { minScore: [warn, 50] }\n',
      want: `company: A\nprofiles:  # none yet\n  ${note}\n  - url: https://b.example/@b\nassert: { minScore: [warn, 50] }\n`,
    },
    {
      name: 'a flow list with entries',
      text: 'company: A\nprofiles: [{ url: https://a.example/feed }]\n',
      want: 'company: A\nprofiles: [{ url: https://a.example/feed }, { url: https://b.example/@b }]\n',
    },
  ])('appends to $name', ({ text, want }) => {
    expect(appendProfileUrls(text, ['https://b.example/@b'])).toBe(want);
  });

  it('refuses a profiles key that is not a list', () => {
    expect(() => appendProfileUrls('company: A\nprofiles: 3\n', ['https://b.example/@b'])).toThrow(AppendError);
  });
});
