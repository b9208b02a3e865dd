/**
 * Which platform's adapter claims a profile URL (each adapter's own tests are in test/platforms/<id>/adapter.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../src/platforms/registry.js';
import { makeProfile } from './helpers/builders.js';

const profile = makeProfile;

describe('platform detection', () => {
  it.each([
    ['https://mastodon.social/@northwind', 'mastodon'],
    ['https://bsky.app/profile/northwind.bsky.social', 'bluesky'],
    ['https://blog.northwind.example/feed.xml', 'feed'],
    ['https://northwind.substack.com/', 'feed'],
    ['https://medium.com/@northwind', 'feed'],
    ['https://x.com/northwind', 'x'],
    ['https://twitter.com/northwind', 'x'],
    ['https://www.youtube.com/@northwind', 'youtube'],
    ['https://www.youtube.com/channel/UCsXVk37bltHxD1rDPwtNM8Q', 'youtube'],
    ['https://www.youtube.com/c/Northwind', 'youtube'],
    ['https://www.youtube.com/user/northwind', 'youtube'],
    ['https://www.reddit.com/user/northwind', 'reddit'],
    ['https://old.reddit.com/r/northwind/', 'reddit'],
    ['https://www.threads.net/@northwind', 'threads'],
    ['https://www.threads.com/@northwind', 'threads'],
    ['https://www.tiktok.com/@northwind', 'tiktok'],
    ['https://www.instagram.com/northwind/', 'instagram'],
    ['https://www.linkedin.com/company/northwind', 'linkedin'],
    ['https://www.facebook.com/northwind', 'facebook'],
    ['https://m.facebook.com/northwind', 'facebook'],
    ['https://www.northwind.example/about', 'web'],
  ])('%s → %s', async (url, id) => {
    expect((await adapterFor(profile(url)))?.id ?? null).toBe(id);
  });
});
