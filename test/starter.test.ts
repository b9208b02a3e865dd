/** init's starter inventory: placeholders on example.com, so running it unedited reads nobody's real account. */
import { describe, expect, it } from 'vitest';
import { parseInventory } from '../src/config/load.js';
import { starterInventory } from '../src/config/starter.js';
import { platformOf } from '../src/platforms/urls.js';

// the platforms whose reader asks only the profile URL's own host (a feed, a page, a Mastodon server):
// a placeholder of theirs on example.com sends nothing to a real service (Bluesky, YouTube and Reddit
// ask their own APIs about the handle, whatever the URL's host)
const OWN_HOST_PLATFORMS = new Set(['mastodon', 'feed', 'web']);
const onExampleCom = (url: string) => /(^|\.)example\.com$/.test(new URL(url).hostname);

describe('the starter inventory', () => {
  it('lists only example.com placeholders, read from their own hosts', async () => {
    const inventory = parseInventory(await starterInventory('starter.yaml'), 'starter.yaml');
    expect(inventory.profiles.length).toBeGreaterThanOrEqual(4);
    for (const p of inventory.profiles) {
      expect(onExampleCom(p.url), p.url).toBe(true);
      expect(OWN_HOST_PLATFORMS.has(platformOf(p) ?? ''), `${p.url}: ${platformOf(p)}`).toBe(true);
    }
  });

  it('names no real-looking account outside its comments', async () => {
    const live = (await starterInventory())
      .split('\n')
      .map((l) => l.replace(/#.*$/, ''))
      .join('\n');
    const urls = [...live.matchAll(/https?:\/\/[^\s'"]+/g)].map((m) => m[0]);
    // the settings' endpoints are the services' defaults, not accounts
    const accounts = urls.filter(
      (u) =>
        !/^https:\/\/(public\.api\.bsky\.app|www\.youtube\.com|www\.reddit\.com|www\.googleapis\.com|graph\.facebook\.com|api\.x\.com)(\/|$)/.test(
          u,
        ),
    );
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    expect(accounts.filter((u) => !onExampleCom(u))).toEqual([]);
  });
});
