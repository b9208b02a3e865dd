import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_SETTINGS } from '../src/config/defaults.js';
import { InventoryError } from '../src/config/errors.js';
import { loadInventory, parseInventory } from '../src/config/load.js';
import { PLATFORMS } from '../src/model/index.js';

function problems(yaml: string): string[] {
  try {
    parseInventory(yaml, 'inv.yaml');
  } catch (error) {
    if (error instanceof InventoryError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the inventory to be rejected');
}

describe('inventory loading', () => {
  it('accepts the shipped example, and its documented settings are the defaults', async () => {
    const inv = await loadInventory('examples/inventory.yaml');
    expect(inv.company).toBe('Northwind Outfitters');
    expect(inv.profiles.length).toBeGreaterThanOrEqual(4);
    const documented = parse(readFileSync('examples/inventory.yaml', 'utf8')).settings;
    expect(documented).toEqual(DEFAULT_SETTINGS);
  });

  it('fills defaults, derives stable ids and merges endpoints', () => {
    const inv = parseInventory(
      'company: A\nprofiles:\n  - url: https://Mastodon.social/@x\n  - url: https://x.example/feed\n    id: blog\n    platform: feed\n',
      'a.yaml',
    );
    expect(inv.settings.staleAfterDays).toBe(30);
    expect(inv.settings.endpoints.bluesky).toBe('https://public.api.bsky.app');
    expect(inv.profiles.map((p) => p.id)).toEqual(['mastodon.social-x', 'blog']);
    expect(inv.profiles[1]!.platform).toBe('feed');
  });

  it.each([
    { name: 'YAML syntax', yaml: 'company: [x\nprofiles: []\n', expect: /^inv\.yaml:2:1: YAML syntax error/ },
    {
      name: 'unknown key with a suggestion',
      yaml: 'company: A\nsettings:\n  staleAfterDay: 3\nprofiles: []\n',
      expect: /^inv\.yaml:3:3: unknown key "staleAfterDay" in settings: did you mean "staleAfterDays"\?/,
    },
    {
      name: 'website that is not a URL',
      yaml: 'company: A\nwebsite: northwind.example\nprofiles: []\n',
      expect: /^inv\.yaml:2:10: website: expected an http\(s\) URL/,
    },
    {
      name: 'unknown key without a close match',
      yaml: 'company: A\nprofiles:\n  - url: https://a.example/feed\nzebra: 1\n',
      expect:
        /^inv\.yaml:4:1: unknown key "zebra": expected one of: company, report, website, settings, assert, assertFor, profiles/,
    },
    {
      name: 'wrong type',
      yaml: 'company: A\nprofiles:\n  - url: https://a.example/feed\n    tags: support\n',
      expect: /^inv\.yaml:4:11: profiles\[0\]\.tags: expected a list of tags/,
    },
    {
      name: 'non-http URL',
      yaml: 'company: A\nprofiles:\n  - url: ftp://a.example/feed\n',
      expect: /^inv\.yaml:3:10: profiles\[0\]\.url: expected an http\(s\) URL/,
    },
    {
      name: 'missing url',
      yaml: 'company: A\nprofiles:\n  - name: x\n',
      expect: /^inv\.yaml:3:5: missing "url" in profiles\[0\]/,
    },
    { name: 'missing company', yaml: 'profiles: []\n', expect: /^inv\.yaml:1:1: missing "company"/ },
    {
      name: 'ratio out of range',
      yaml: 'company: A\nsettings:\n  cannedSimilarity: 2\nprofiles: []\n',
      expect: /^inv\.yaml:3:21: settings\.cannedSimilarity: expected a number between 0 and 1/,
    },
    {
      name: 'unknown platform',
      yaml: 'company: A\nprofiles:\n  - url: https://a.example/x\n    platform: myspace\n',
      expect:
        /^inv\.yaml:4:15: profiles\[0\]\.platform: unknown platform "myspace": expected one of: bluesky, youtube, reddit/,
    },
    {
      name: 'duplicate profile',
      yaml: 'company: A\nprofiles:\n  - url: https://m.example/@a\n  - url: https://M.example/@a/\n',
      expect: /^inv\.yaml:4:10: profiles\[1\]\.url: duplicate profile, the same URL as profiles\[0\]/,
    },
    {
      name: 'duplicate key',
      yaml: 'company: A\ncompany: B\nprofiles: []\n',
      expect: /^inv\.yaml:2:1: YAML syntax error: Map keys must be unique/,
    },
    {
      name: 'two exports on one profile',
      yaml: 'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: x.zip\n    posts: p.csv\n',
      expect: /^inv\.yaml:5:12: profiles\[0\]: both "archive" and "posts" are set; expected one export per profile/,
    },
    {
      name: 'an empty export path',
      yaml: 'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: ""\n',
      expect: /^inv\.yaml:4:14: profiles\[0\]\.archive: expected a file path/,
    },
    {
      name: 'an assertion without a level',
      yaml: 'company: A\nassert:\n  maxDaysSinceLastPost: 60\nprofiles: []\n',
      expect: /^inv\.yaml:3:25: assert\.maxDaysSinceLastPost: expected off, or \[warn, LIMIT\] or \[error, LIMIT\]/,
    },
    {
      name: 'an unknown assertion',
      yaml: 'company: A\nassert:\n  maxDaysSincePost: [error, 60]\nprofiles: []\n',
      expect: /^inv\.yaml:3:3: unknown key "maxDaysSincePost" in assert: did you mean "maxDaysSinceLastPost"\?/,
    },
    {
      name: 'a ratio assertion above 1',
      yaml: 'company: A\nprofiles:\n  - url: https://m.example/@a\n    assert:\n      maxCannedRatio: [error, 50]\n',
      expect: /^inv\.yaml:5:31: profiles\[0\]\.assert\.maxCannedRatio\[1\]: expected a number between 0 and 1/,
    },
    {
      name: 'assertFor without tags or platform',
      yaml: 'company: A\nassertFor:\n  - assert:\n      minScore: [warn, 50]\nprofiles: []\n',
      expect: /^inv\.yaml:3:5: assertFor\[0\]: expected "tags" or "platform"/,
    },
    {
      name: 'a host override with an unknown key',
      yaml: 'company: A\nsettings:\n  hosts:\n    mastodon.social: { concurrency: 1, delay: 5 }\nprofiles: []\n',
      expect:
        /^inv\.yaml:4:40: unknown key "delay" in settings\.hosts\.mastodon\.social: expected one of: concurrency, intervalMs/,
    },
    { name: 'not a mapping', yaml: '- just\n- a list\n', expect: /^inv\.yaml:1:1: expected a mapping/ },
  ])('reports $name with file, line and column', ({ yaml, expect: pattern }) => {
    expect(problems(yaml)[0]).toMatch(pattern);
  });

  it("resolves export paths against the inventory file's folder", () => {
    const inv = parseInventory(
      'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: exports/x.zip\n  - url: https://www.facebook.com/a\n    posts: /abs/posts.csv\n',
      '/audits/acme/inventory.yaml',
      { allowOutsidePaths: true },
    );
    expect(inv.profiles.map((p) => p.export)).toEqual([
      {
        kind: 'archive',
        path: 'exports/x.zip',
        resolved: '/audits/acme/exports/x.zip',
        root: '/audits/acme',
        allowOutside: true,
        mapping: null,
      },
      {
        kind: 'posts',
        path: '/abs/posts.csv',
        resolved: '/abs/posts.csv',
        root: '/audits/acme',
        allowOutside: true,
        mapping: null,
      },
    ]);
  });

  it("refuses exports outside the inventory's folder without --allow-outside-paths, with line and column", () => {
    const text =
      'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: ../../../../etc/passwd\n  - url: https://www.facebook.com/a\n    posts: /proc/self/environ\n  - url: https://www.instagram.com/a\n    posts: exports/ok.csv\n';
    expect(() => parseInventory(text, '/audits/acme/inventory.yaml')).toThrow(InventoryError);
    try {
      parseInventory(text, '/audits/acme/inventory.yaml');
    } catch (error) {
      expect((error as InventoryError).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
        "4:14 profiles[0].archive: ../../../../etc/passwd is outside the inventory's folder (/audits/acme); expected a file under it, or pass --allow-outside-paths",
        "6:12 profiles[1].posts: /proc/self/environ is outside the inventory's folder (/audits/acme); expected a file under it, or pass --allow-outside-paths",
      ]);
    }
  });

  it('reports every problem at once, in file order', () => {
    const lines = problems('company: A\nsettings:\n  staleAfterDay: 3\n  maxPosts: -1\nprofiles:\n  - url: nope\n');
    expect(lines.map((l) => l.split(':')[1])).toEqual(['3', '4', '6']);
  });

  it('reports schema problems and whole-file checks in one pass (issue 21, item 1)', () => {
    const lines = problems(
      [
        'company: A',
        'profiles:',
        '  - url: https://m.example/@a',
        '    platform: blueksy',
        '  - url: https://m.example/@a',
        '    archive: a.zip',
        '    posts: b.csv',
        '  - url: 12',
        '    posts: ../../elsewhere.csv',
        '    id: dup',
        '  - url: https://b.example/feed',
        '    id: dup',
      ].join('\n'),
    );
    expect(lines).toEqual([
      // the registry's ids, not a copy of them: a new platform must not need this test edited
      `inv.yaml:4:15: profiles[0].platform: unknown platform "blueksy": did you mean "bluesky"? (one of: ${PLATFORMS.join(', ')})`,
      'inv.yaml:5:10: profiles[1].url: duplicate profile, the same URL as profiles[0]; expected each profile once',
      'inv.yaml:7:12: profiles[1]: both "archive" and "posts" are set; expected one export per profile',
      'inv.yaml:8:10: profiles[2].url: expected a URL string',
      `inv.yaml:9:12: profiles[2].posts: ../../elsewhere.csv is outside the inventory's folder (${resolve('.')}); expected a file under it, or pass --allow-outside-paths`,
      'inv.yaml:12:9: profiles[3].id: duplicate id "dup", already used by profiles[2]; expected unique ids',
    ]);
  });

  it('reads rss, atom, blog as feed and twitter as x, and says so in a note with line and column', () => {
    const inv = parseInventory(
      'company: A\nprofiles:\n  - url: https://a.example/x\n    platform: RSS\n  - url: https://x.com/a\n    platform: twitter\nassertFor:\n  - platform: [blog, atom]\n    assert: { minScore: [warn, 3] }\n',
      'a.yaml',
    );
    expect(inv.profiles.map((p) => p.platform)).toEqual(['feed', 'x']);
    expect(inv.assertFor[0]!.platforms).toEqual(['feed', 'feed']);
    expect(inv.notes).toEqual([
      'a.yaml:4:15: profiles[0].platform: "RSS" is read as the platform "feed" (an alias)',
      'a.yaml:6:15: profiles[1].platform: "twitter" is read as the platform "x" (an alias)',
      'a.yaml:8:16: assertFor[0].platform[0]: "blog" is read as the platform "feed" (an alias)',
      'a.yaml:8:22: assertFor[0].platform[1]: "atom" is read as the platform "feed" (an alias)',
    ]);
    expect(parseInventory('company: A\nprofiles:\n  - url: https://a.example/feed\n', 'a.yaml').notes).toEqual([]);
  });

  it.each([
    {
      name: 'an empty profile list',
      yaml: 'company: A\nprofiles: []\n',
      expect:
        'inv.yaml:2:11: profiles: the list is empty, so there are no profiles to audit; expected at least one profile with a url',
    },
    {
      name: 'staleAfterDays at or above abandonedAfterDays',
      yaml: 'company: A\nsettings:\n  abandonedAfterDays: 30\nprofiles:\n  - url: https://a.example/feed\n',
      expect:
        'inv.yaml:3:23: settings.abandonedAfterDays: staleAfterDays (30) is not below abandonedAfterDays (30); expected a profile to turn stale before it is abandoned',
    },
    {
      name: 'every score weight 0',
      yaml: 'company: A\nsettings:\n  weights: { freshness: 0, conversation: 0, authenticity: 0 }\nprofiles:\n  - url: https://a.example/feed\n',
      expect:
        'inv.yaml:3:12: settings.weights: freshness, conversation and authenticity are all 0, so no score can be computed; expected at least one above 0',
    },
  ])('rejects $name (issue 21, item 6)', ({ yaml, expect: message }) => {
    expect(problems(yaml)).toEqual([message]);
  });

  it('accepts weights where one is above 0, and stale below abandoned', () => {
    const inv = parseInventory(
      'company: A\nsettings:\n  staleAfterDays: 10\n  abandonedAfterDays: 11\n  weights: { freshness: 0, conversation: 0 }\nprofiles:\n  - url: https://a.example/feed\n',
      'a.yaml',
    );
    expect(inv.settings.weights).toEqual({ freshness: 0, conversation: 0, authenticity: 0.25 });
  });

  it('reads assertions at every level: top, assertFor by tag or platform, and the profile', async () => {
    const inv = await loadInventory('examples/inventory.yaml');
    expect(inv.assert).toEqual({ maxDaysSinceLastPost: { level: 'error', limit: 90 } });
    expect(inv.assertFor).toEqual([
      {
        tags: ['support'],
        platforms: null,
        assert: { maxCannedRatio: { level: 'error', limit: 0.5 }, minConversationRatio: { level: 'warn', limit: 0.6 } },
      },
      {
        tags: null,
        platforms: ['feed', 'web', 'youtube'],
        assert: { maxDaysSinceLastPost: { level: 'warn', limit: 120 } },
      },
    ]);
    expect(inv.profiles.find((p) => p.name === 'Company blog')!.assert).toEqual({ maxDaysSinceLastPost: 'off' });
  });

  it('reads per-host politeness overrides', () => {
    const inv = parseInventory(
      'company: A\nsettings:\n  hostIntervalMs: 500\n  hosts:\n    mastodon.social: { concurrency: 1, intervalMs: 1000 }\nprofiles:\n  - url: https://a.example/feed\n',
      'a.yaml',
    );
    expect(inv.settings).toMatchObject({
      hostConcurrency: 2,
      hostIntervalMs: 500,
      hosts: { 'mastodon.social': { concurrency: 1, intervalMs: 1000 } },
    });
  });

  it('names a missing file', async () => {
    await expect(loadInventory('does-not-exist.yaml')).rejects.toThrow(
      /does-not-exist\.yaml:1:1: cannot read the inventory: file not found/,
    );
  });
});
