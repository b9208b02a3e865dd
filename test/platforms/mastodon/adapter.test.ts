/**
 * The Mastodon adapter against a real HTTP server on 127.0.0.1 serving the demo evidence (in Mastodon's API format).
 */
import { describe, expect, it } from 'vitest';
import { mastodon } from '../../../src/platforms/mastodon/adapter.js';
import { makeProfile } from '../../helpers/builders.js';
import { demoWorld } from '../../helpers/adapter-world.js';

const world = demoWorld(['https://social.northwind.example']);
const { ctx } = world;
const profile = makeProfile;

describe('mastodon adapter', () => {
  it('looks up the account and pages statuses by the Link header until the window is covered', async () => {
    const out = await mastodon.fetch(profile(`${world.server().url}/@northwind_help`, 'mastodon'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    const pages = world.server().requests.filter((r) => r.includes('/statuses'));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[1]).toMatch(/max_id=\d+/);
    expect(out.timeline.posts.length).toBeGreaterThanOrEqual(400);
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect(kinds.has('reply')).toBe(true);
    expect(out.timeline.posts.find((p) => p.kind === 'reply')!.inReplyToCreatedAt).not.toBeNull();
  });

  it('classifies self-threads and boosts', async () => {
    const out = await mastodon.fetch(profile(`${world.server().url}/@northwind`, 'mastodon'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    const kinds = out.timeline.posts.map((p) => p.kind);
    expect(kinds).toContain('thread');
    expect(kinds).toContain('repost');
  });

  it('reports a 404 account as unreachable with the evidence', async () => {
    const out = await mastodon.fetch(profile(`${world.server().url}/@northwind_shop`, 'mastodon'), ctx());
    expect(out).toMatchObject({ kind: 'unreachable', fetch: { httpStatus: 404 } });
  });

  it('reports a refused connection as an error, not unreachable', async () => {
    const out = await mastodon.fetch(profile('http://127.0.0.1:9/@nobody', 'mastodon'), ctx());
    expect(out.kind).toBe('error');
  });
});
