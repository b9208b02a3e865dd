/**
 * The Reddit adapter against local servers (demo evidence and hand-made faults).
 */
import { describe, expect, it } from 'vitest';
import { reddit } from '../../../src/platforms/reddit/adapter.js';
import { AS_OF, makeProfile } from '../../helpers/builders.js';
import { withRoutes } from '../../helpers/evidence-server.js';
import { demoWorld } from '../../helpers/adapter-world.js';
import { wallPage } from '../../helpers/walls.js';

const world = demoWorld(['https://www.reddit.com'], 'reddit');
const { ctx } = world;
const profile = makeProfile;

describe('reddit adapter', () => {
  it("reads a user's overview: comments are replies, submissions originals", async () => {
    const out = await reddit.fetch(profile('https://www.reddit.com/user/northwind_official'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['original', 'reply']);
    expect(out.timeline.repliesVisible).toBe(true);
    expect(world.server().requests).toContain('/user/northwind_official/about.json?raw_json=1');
  });

  const listing = (after: string | null, t: number) =>
    JSON.stringify({
      kind: 'Listing',
      data: {
        after,
        children: [
          {
            kind: 't3',
            data: { name: `t3_${t}`, created_utc: t, title: 'x', selftext: '', permalink: `/r/a/comments/${t}/` },
          },
        ],
      },
    });
  const about = { type: 'application/json', body: JSON.stringify({ kind: 't5', data: { title: 'Northwind fans' } }) };

  it('pages a subreddit by `after` and treats its submissions as community posts (replies not visible)', async () => {
    const recent = AS_OF.getTime() / 1000 - 86400;
    const out = await withRoutes(
      {
        '/r/northwind/about.json?raw_json=1': about,
        '/r/northwind/new.json?limit=100&sort=new&raw_json=1': {
          type: 'application/json',
          body: listing('t3_b', recent),
        },
        '/r/northwind/new.json?limit=100&sort=new&raw_json=1&after=t3_b': {
          type: 'application/json',
          body: listing(null, recent - 86400),
        },
      },
      (url) => reddit.fetch(profile('https://old.reddit.com/r/northwind/'), ctx({ reddit: url })),
    );
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.timeline.posts).toHaveLength(2);
    expect(out.timeline.repliesVisible).toBe(false);
    expect(out.timeline.facts.displayName).toBe('Northwind fans');
  });

  it.each([
    [
      '403 "blocked by network security"',
      'blocked',
      { status: 403, type: 'text/html', body: wallPage('reddit-network-security.html') },
      /^reddit-network-security: HTTP 403/,
    ],
    [
      'an HTML page instead of JSON',
      'blocked',
      {
        status: 200,
        type: 'text/html',
        body: '<!DOCTYPE html><html><head><title>reddit.com: Over 18?</title></head></html>',
      },
      /^reddit-html-instead-of-json/,
    ],
    [
      'a private subreddit',
      'blocked',
      { status: 403, type: 'application/json', body: '{"reason": "private", "message": "Forbidden", "error": 403}' },
      /^reddit-private/,
    ],
    [
      '429 rate limit',
      'error',
      { status: 429, type: 'application/json', body: '{"message": "Too Many Requests", "error": 429}' },
      null,
    ],
    [
      '404',
      'unreachable',
      { status: 404, type: 'application/json', body: '{"message": "Not Found", "error": 404}' },
      null,
    ],
  ] as const)('reports %s as %s', async (_, kind, route, evidence) => {
    const out = await withRoutes({ '/r/northwind/about.json?raw_json=1': route }, (url) =>
      reddit.fetch(profile('https://www.reddit.com/r/northwind'), ctx({ reddit: url })),
    );
    expect(out.kind).toBe(kind);
    if (evidence && out.kind === 'blocked') expect(out.evidence).toMatch(evidence);
  });

  it("does not take a comment that quotes Reddit's refusal for the refusal itself", async () => {
    const comment = {
      kind: 't1',
      data: {
        name: 't1_a',
        created_utc: AS_OF.getTime() / 1000 - 3600,
        body: "You've been blocked by network security? Try again later.",
        parent_id: 't1_b',
        permalink: '/r/a/comments/b/_/a/',
      },
    };
    const out = await withRoutes(
      {
        '/user/northwind/about.json?raw_json=1': {
          type: 'application/json',
          body: '{"kind": "t2", "data": {"name": "northwind"}}',
        },
        '/user/northwind/overview.json?limit=100&sort=new&raw_json=1': {
          type: 'application/json',
          body: JSON.stringify({ kind: 'Listing', data: { after: null, children: [comment] } }),
        },
      },
      (url) => reddit.fetch(profile('https://www.reddit.com/user/northwind'), ctx({ reddit: url })),
    );
    expect(out).toMatchObject({ kind: 'ok', timeline: { posts: [{ kind: 'reply' }] } });
  });

  it('reports a suspended user as unreachable', async () => {
    const out = await withRoutes(
      {
        '/user/gone/about.json?raw_json=1': {
          type: 'application/json',
          body: '{"kind": "t2", "data": {"is_suspended": true, "name": "gone"}}',
        },
      },
      (url) => reddit.fetch(profile('https://www.reddit.com/u/gone'), ctx({ reddit: url })),
    );
    expect(out).toMatchObject({ kind: 'unreachable', reason: 'Reddit user u/gone is suspended' });
  });
});
