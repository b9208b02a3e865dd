/** `channel-audit platforms` and the manual's platform table (docs/platforms.md) come from the registry's definitions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/model/index.js';
import { PLATFORM_DEFINITIONS } from '../src/platforms/index.js';
import { platformOfUrl } from '../src/platforms/urls.js';
import { PLATFORMS_DOC, withPlatformTable } from '../scripts/readme-platforms.js';
import { cli } from './helpers/cli.js';

describe('the platform registry', () => {
  it('defines every platform id once, in docs/platforms.md as generated from the definitions', () => {
    expect(PLATFORM_DEFINITIONS.map((d) => d.id).sort()).toEqual([...PLATFORMS].sort());
    const doc = readFileSync(PLATFORMS_DOC, 'utf8');
    expect(withPlatformTable(doc)).toBe(doc); // run `npm run readme:platforms` after changing a definition
  });

  it("the report schema's platform enums name every platform", () => {
    const schema = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as object;
    const enums: unknown[][] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const e = (node as { enum?: unknown[] }).enum;
        if (e?.includes('mastodon')) enums.push(e);
        Object.values(node).forEach(walk);
      }
    };
    walk(schema);
    expect(enums.length).toBeGreaterThanOrEqual(2);
    for (const e of enums) expect(e.filter((v) => v !== null).sort()).toEqual([...PLATFORMS].sort());
  });

  it('every definition recognises the first URL shape it documents', () => {
    const examples: Record<string, string> = {
      bluesky: 'https://bsky.app/profile/northwind.bsky.social',
      youtube: 'https://www.youtube.com/@northwind',
      reddit: 'https://www.reddit.com/user/northwind',
      threads: 'https://www.threads.net/@northwind',
      x: 'https://x.com/northwind',
      facebook: 'https://www.facebook.com/northwind',
      instagram: 'https://www.instagram.com/northwind',
      linkedin: 'https://www.linkedin.com/company/northwind',
      tiktok: 'https://www.tiktok.com/@northwind',
      mastodon: 'https://mastodon.social/@northwind',
      peertube: 'https://videos.example/a/northwind/videos',
      feed: 'https://blog.northwind.example/feed.xml',
      web: 'https://www.northwind.example/about',
    };
    for (const d of PLATFORM_DEFINITIONS) expect(platformOfUrl(new URL(examples[d.id]!))).toBe(d.id);
  });
});

describe('channel-audit platforms', () => {
  it('prints every platform: what it recognises, how it is read, what it measures and what not', async () => {
    const { code, stdout } = await cli(['platforms']);
    expect(code).toBe(0);
    for (const d of PLATFORM_DEFINITIONS) expect(stdout).toContain(`${d.id} — ${d.name}`);
    expect(stdout).toMatch(/^ {2}✗ conversation +a feed shows only the author's own posts, no replies$/m);
    expect(stdout).toMatch(/^ {2}endpoint: +endpoints\.bluesky \(default https:\/\/public\.api\.bsky\.app\)$/m);
  });

  it('--format json gives the same as data', async () => {
    const { code, stdout } = await cli(['platforms', '--format', 'json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as Array<{
      id: string;
      capabilities: Record<string, { measured: boolean; note: string }>;
      api: { service: string; exampleEnv: string; setting: string } | null;
    }>;
    expect(data.map((p) => p.id)).toEqual(PLATFORM_DEFINITIONS.map((d) => d.id));
    expect(data.find((p) => p.id === 'youtube')!.capabilities.canned).toEqual({
      measured: true,
      note: "with the Data API or the owner's Takeout: the channel's replies; not from the public feed",
    });
    // the owner APIs a credential turns on, and only those (never how the credential is sent)
    expect(data.filter((p) => p.api).map((p) => [p.id, p.api!.service, p.api!.exampleEnv])).toEqual([
      ['youtube', 'YouTube Data API v3', 'YOUTUBE_API_KEY'],
      ['x', 'X API v2', 'X_BEARER_TOKEN'],
      ['facebook', 'Meta Graph API', 'META_PAGE_TOKEN'],
      ['instagram', 'Meta Graph API', 'META_PAGE_TOKEN'],
    ]);
    expect(stdout).not.toContain('x-goog-api-key');
  });

  it('refuses an unknown format (exit 2)', async () => {
    const { code, stderr } = await cli(['platforms', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--format: expected text or json/);
  });
});
