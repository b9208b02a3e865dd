/**
 * The Bluesky adapter against a real HTTP server on 127.0.0.1 serving the demo evidence (in the AppView's format).
 */
import { describe, expect, it } from 'vitest';
import { bluesky } from '../../../src/platforms/bluesky/adapter.js';
import { makeProfile } from '../../helpers/builders.js';
import { demoWorld } from '../../helpers/adapter-world.js';

const world = demoWorld(['https://public.api.bsky.app'], 'bluesky');
const { ctx } = world;
const profile = makeProfile;

describe('bluesky adapter', () => {
  it('reads the profile and the author feed with replies, reposts and threads', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['original', 'reply', 'repost', 'thread']);
    expect(world.server().requests.some((r) => r.includes('filter=posts_with_replies'))).toBe(true);
  });

  it('pages by cursor', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwindhelp.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(world.server().requests.some((r) => r.includes('cursor='))).toBe(true);
    expect(out.timeline.posts.length).toBeGreaterThan(100);
  });

  it('reports "Profile not found" as unreachable', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind-outlet.bsky.social'), ctx());
    expect(out.kind).toBe('unreachable');
  });
});
