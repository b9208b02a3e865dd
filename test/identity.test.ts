/**
 * Identity consistency (docs/measuring.md "Identity"): the display name against the company's name,
 * the bio's link against its website, from what the platform shows only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import type { AccountFacts, PlatformId, Report, Status } from '../src/model/index.js';
import { identitySection } from '../src/render/html-identity.js';
import { identityRows } from '../src/render/identity.js';
import { identityLines } from '../src/render/markdown-identity.js';
import { evaluateProfile } from '../src/scoring/evaluate.js';
import { isHandleOnly, nameDrift } from '../src/scoring/identity-name.js';
import { sameSite } from '../src/scoring/identity-link.js';
import { bioText, MAX_BIO } from '../src/sources/bio-text.js';

const account = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  handle: '@acme',
  displayName: 'Acme',
  followers: null,
  posts: null,
  createdAt: null,
  bioLink: null,
  bio: null,
  bioLinkStatus: null,
  ...over,
});

function identityFindings(
  over: Partial<AccountFacts>,
  {
    status = 'active',
    platform = 'mastodon',
    company = 'Acme',
    website = 'https://www.acme.example/',
  }: {
    status?: Status;
    platform?: PlatformId;
    company?: string;
    website?: string | null;
  } = {},
) {
  const { findings } = evaluateProfile('p', status, null, null, DEFAULT_SETTINGS, {
    basis: null,
    basisNote: null,
    identity: { platform, account: account(over), company, website },
  });
  return findings.filter((f) => f.code === 'inconsistent-name' || f.code === 'bio-link' || f.code === 'dead-bio-link');
}

describe('a display name against the company name', () => {
  it.each([
    { name: 'Acme', company: 'Acme', drift: null },
    { name: 'Acme Support', company: 'Acme', drift: null },
    { name: 'ACME Help 🇬🇧 UK', company: 'Acme', drift: null },
    { name: 'Acme, Inc.', company: 'Acme Inc', drift: null },
    { name: 'The Official Acme Page', company: 'Acme', drift: { kind: 'adds', words: 'Page' } },
    { name: 'Acme Customer Care España', company: 'Acme', drift: null },
    { name: 'Northwind Help', company: 'Northwind Outfitters', drift: null },
    { name: 'NorthwindOutfitters', company: 'Northwind Outfitters', drift: null },
    { name: 'Northwind Outfitters (@northwind)', company: 'Northwind Outfitters', drift: null },
    { name: 'Müller & Söhne Deutschland', company: 'Mueller and Söhne GmbH', drift: { kind: 'other' } },
    { name: 'Müller & Söhne Deutschland', company: 'Müller & Söhne GmbH', drift: null },
    {
      name: 'Acme Widgets Old Agency Page',
      company: 'Acme',
      drift: { kind: 'adds', words: 'Widgets Old Agency Page' },
    },
    { name: 'Northwind Gear Lab', company: 'Northwind Outfitters', drift: { kind: 'adds', words: 'Gear Lab' } },
    { name: 'Contoso Outdoor', company: 'Northwind Outfitters', drift: { kind: 'other' } },
    { name: 'Support', company: 'Acme', drift: { kind: 'other' } },
    // a first word under 4 letters is too common to stand for the company alone ("Red" of "Red Bull")
    { name: 'Red Help', company: 'Red Bull', drift: { kind: 'other' } },
    { name: 'Blue Help', company: 'Blue Bottle Coffee', drift: null },
    { name: 'Blue Bottle Coffee Japan', company: 'Blue Bottle Coffee', drift: null },
  ])('"$name" for $company', ({ name, company, drift }) => {
    expect(nameDrift(name, company)).toEqual(drift);
  });

  it('knows a display name that is only the handle', () => {
    expect(isHandleOnly('u/acme_official', 'u/acme_official')).toBe(true);
    expect(isHandleOnly('@acme', null)).toBe(true);
    expect(isHandleOnly('Acme', '@acme')).toBe(true);
    expect(isHandleOnly('Acme Help', '@acme')).toBe(false);
  });
});

describe('inconsistent-name', () => {
  it('fires on a name that adds words or names another brand, as info', () => {
    const [f] = identityFindings({ displayName: 'Acme Widgets Old Agency Page' });
    expect(f).toMatchObject({ code: 'inconsistent-name', severity: 'info' });
    expect(f!.message).toBe(
      'the profile is called "Acme Widgets Old Agency Page": Acme with "Widgets Old Agency Page" added',
    );
    expect(identityFindings({ displayName: 'Globex' })[0]!.message).toBe(
      'the profile is called "Globex", which does not name Acme',
    );
  });

  it('stays silent without a name the platform shows, on a handle-only name, and on feeds, web pages and unread profiles', () => {
    expect(identityFindings({ displayName: null })).toEqual([]);
    expect(identityFindings({ displayName: 'u/globex', handle: 'u/globex' })).toEqual([]);
    expect(identityFindings({ displayName: 'Globex Journal' }, { platform: 'feed' })).toEqual([]);
    expect(identityFindings({ displayName: 'Globex' }, { platform: 'web' })).toEqual([]);
    expect(identityFindings({ displayName: 'Globex' }, { status: 'blocked' })).toEqual([]);
    expect(identityFindings({ displayName: 'Acme Support' })).toEqual([]);
  });
});

describe('bio-link', () => {
  it.each([
    { link: 'https://acme.example/', site: 'https://www.acme.example/', same: true },
    { link: 'https://shop.acme.example/sale?x=1', site: 'https://www.acme.example/', same: true },
    { link: 'http://WWW.ACME.EXAMPLE', site: 'https://acme.example/about', same: true },
    { link: 'https://acme-old-agency.example/', site: 'https://www.acme.example/', same: false },
    { link: 'https://linktr.ee/acme', site: 'https://www.acme.example/', same: false },
    { link: 'https://notacme.example/', site: 'https://acme.example/', same: false },
  ])('$link is on $site: $same', ({ link, site, same }) => {
    expect(sameSite(link, site)).toBe(same);
  });

  it('warns on a link to another domain', () => {
    const [f] = identityFindings({ bioLink: 'https://acme-agency.example/clients/acme', bio: 'By Acme Agency' });
    expect(f).toMatchObject({ code: 'bio-link', severity: 'warning', evidence: { problem: 'other-domain' } });
    expect(f!.message).toBe(
      "the bio links to https://acme-agency.example/clients/acme, on acme-agency.example, not to the company's website https://www.acme.example/",
    );
  });

  it('notes a bio the platform shows without a link (an empty one too), as info', () => {
    for (const bio of ['Acme — official account.', '']) {
      const [f] = identityFindings({ bio });
      expect(f).toMatchObject({ code: 'bio-link', severity: 'info', evidence: { problem: 'missing' } });
    }
  });

  it('stays silent on a link to the website, where the platform shows no bio, and without a website', () => {
    expect(identityFindings({ bioLink: 'https://acme.example/help', bio: 'Help: https://acme.example/help' })).toEqual(
      [],
    );
    expect(identityFindings({ bio: null })).toEqual([]);
    expect(identityFindings({ bio: 'Acme' }, { website: null })).toEqual([]);
    expect(identityFindings({ bio: 'Acme' }, { status: 'unreachable' })).toEqual([]);
  });
});

describe('the bio as text', () => {
  it('reads HTML bios (Mastodon) to text, keeps plain ones, and caps them', () => {
    expect(
      bioText('<p>Acme — official.<br>Help: <a href="https://acme.example/help">acme.example/help</a></p>', true),
    ).toBe('Acme — official. Help: acme.example/help');
    expect(bioText('<p></p>', true)).toBe('');
    expect(bioText('  Acme\n\nsince 1999 ')).toBe('Acme since 1999');
    expect(bioText('x'.repeat(2000))).toHaveLength(MAX_BIO);
  });
});

describe('the identity section', () => {
  const report = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

  it('puts every profile (no feed or web page) side by side, saying why a cell is empty', () => {
    const rows = identityRows(report());
    expect(rows.some((r) => r.platform === 'feed' || r.platform === 'web')).toBe(false);
    const x = rows.find((r) => r.label === 'X / Twitter support')!;
    expect(x.displayName.text).toBe('Northwind Support');
    expect(x.bio).toEqual({ text: null, note: 'not shown' });
    expect(rows.find((r) => r.label === 'Mastodon main')!.bioLink).toEqual({ text: null, note: 'none' });
    expect(rows.find((r) => r.label === 'LinkedIn company page')!.bio.note).toBe('not read (blocked)');
    // YouTube's Data API gives the description but not the header's links
    const youtube = rows.find((r) => r.label === 'YouTube repair channel')!;
    expect(youtube.bio.text).toBe('Northwind Repair Help on YouTube.');
    expect(youtube.bioLink).toEqual({ text: null, note: 'not shown' });
  });

  it('renders in HTML and Markdown with the findings beside each profile, escaped', () => {
    const r = report();
    const gear = r.profiles.find((p) => p.name === 'Gear lab')!;
    gear.account.bio = '<script>alert(1)</script> | *bold*';
    const html = identitySection(r);
    expect(html).toContain('<h2>Identity</h2>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Northwind Outfitters with &quot;Gear Lab&quot; added');
    const md = identityLines(r).join('\n');
    expect(md).toContain('## Identity');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\*');
    expect(md).toMatch(/^4 profiles use names other than "Northwind Outfitters"; 8 bios do not link to/m);
  });
});

describe('dead-bio-link', () => {
  const gone = {
    result: 'dead' as const,
    httpStatus: 410,
    finalUrl: 'https://old.acme.example/',
    reason: 'HTTP 410 from https://old.acme.example/',
  };
  it('warns on a link that answered 404/410, once (not also as another domain), with or without a website', () => {
    const over = { bio: 'Shop: https://old-shop.example/', bioLink: 'https://old-shop.example/', bioLinkStatus: gone };
    const [f, ...rest] = identityFindings(over);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'dead-bio-link', severity: 'warning', evidence: { httpStatus: 410 } });
    expect(f!.message).toBe('the bio links to https://old-shop.example/, a page that is gone (HTTP 410)');
    expect(identityFindings(over, { website: null }).map((x) => x.code)).toEqual(['dead-bio-link']);
  });

  it('a domain that no longer exists is named with why; could not tell is never gone', () => {
    const noHost = {
      result: 'dead' as const,
      httpStatus: null,
      finalUrl: null,
      reason: 'the domain old.example no longer exists',
    };
    expect(
      identityFindings({ bio: '', bioLink: 'https://old.example/', bioLinkStatus: noHost }, { website: null })[0]!
        .message,
    ).toBe('the bio links to https://old.example/, which is gone: the domain old.example no longer exists');
    const unknown = {
      result: 'unknown' as const,
      httpStatus: 403,
      finalUrl: 'https://acme.example/',
      reason: 'HTTP 403',
    };
    expect(identityFindings({ bio: '', bioLink: 'https://acme.example/', bioLinkStatus: unknown })).toEqual([]);
    expect(
      identityFindings({ bio: '', bioLink: 'https://acme.example/', bioLinkStatus: gone }, { status: 'blocked' }),
    ).toEqual([]);
  });
});

describe('bio-link on YouTube', () => {
  it('judges a link in the description, but not its absence: the header links are not in the Data API', () => {
    expect(identityFindings({ bio: 'Repair tips every week.' }, { platform: 'youtube' })).toEqual([]);
    expect(
      identityFindings(
        { bio: 'Shop: https://old-shop.example/', bioLink: 'https://old-shop.example/' },
        { platform: 'youtube' },
      ),
    ).toMatchObject([{ code: 'bio-link', severity: 'warning' }]);
  });
});
