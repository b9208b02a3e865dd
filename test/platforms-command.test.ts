/** `channel-audit platforms` comes from the registry's definitions (the generated lists: test/generated.test.ts). */
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../src/model/index.js';
import { PLATFORM_DEFINITIONS } from '../src/platforms/index.js';
import { platformOfUrl } from '../src/platforms/urls.js';
import { cli } from './helpers/cli.js';

describe('the platform registry', () => {
  it('defines every platform id once', () => {
    expect(PLATFORM_DEFINITIONS.map((d) => d.id)).toEqual([...PLATFORMS]);
  });

  it('every definition recognises its example URL', () => {
    for (const d of PLATFORM_DEFINITIONS) expect(platformOfUrl(new URL(d.example))).toBe(d.id);
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
