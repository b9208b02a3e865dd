/**
 * The Threads adapter against local servers (demo evidence and its login page).
 */
import { describe, expect, it } from 'vitest';
import { threads } from '../../../src/platforms/threads/adapter.js';
import { makeProfile } from '../../helpers/builders.js';
import { withRoutes } from '../../helpers/evidence-server.js';
import { demoWorld } from '../../helpers/adapter-world.js';
import { wallPage } from '../../helpers/walls.js';

const world = demoWorld(['https://www.threads.net']);
const { ctx } = world;
const profile = makeProfile;

describe('threads adapter', () => {
  it('reads the posts the profile and replies pages embed, with reply parents dated', async () => {
    const out = await threads.fetch(profile(`${world.server().url}/@northwind`, 'threads'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(world.server().requests).toEqual(expect.arrayContaining(['/@northwind', '/@northwind/replies']));
    const replies = out.timeline.posts.filter((p) => p.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.inReplyToCreatedAt !== null)).toBe(true);
    expect(out.timeline.posts.some((p) => p.kind === 'original')).toBe(true);
  });

  it('reports the login page as blocked', async () => {
    const out = await withRoutes(
      { '/@northwind': { type: 'text/html', body: wallPage('threads-login.html') } },
      (url) => threads.fetch(profile(`${url}/@northwind`, 'threads'), ctx()),
    );
    expect(out).toMatchObject({ kind: 'blocked', evidence: 'threads-login: <title> "Threads • Log in"' });
  });
});
