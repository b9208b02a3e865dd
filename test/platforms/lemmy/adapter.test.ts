/**
 * Lemmy, the platform added as one folder and one registry line: its URL rule, and its adapter against
 * a local server speaking Lemmy 0.19's JSON API (lemmy-js-client 0.19.9's GetCommunityResponse and
 * GetPostsResponse, field for field; the content is invented).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../../../src/http/live.js';
import { lemmy } from '../../../src/platforms/lemmy/adapter.js';
import { communityFromUrl } from '../../../src/platforms/lemmy/urls.js';
import { platformOfUrl } from '../../../src/platforms/urls.js';
import { AS_OF, settings, makeProfile } from '../../helpers/builders.js';
import { cli } from '../../helpers/cli.js';
import { serveRoutes } from '../../helpers/evidence-server.js';

const HOST = 'lemmy.northwind.example';
const days = (n: number) => new Date(AS_OF.getTime() - n * 86_400_000).toISOString();

function community(name: string, title: string) {
  return {
    id: 42,
    name,
    title,
    description: 'Trail gear talk. Shop: https://shop.northwind.example',
    removed: false,
    published: '2023-03-02T10:11:12.345678Z',
    deleted: false,
    nsfw: false,
    actor_id: `https://${HOST}/c/${name}`,
    local: true,
    hidden: false,
    posting_restricted_to_mods: false,
    instance_id: 1,
    visibility: 'Public',
  };
}

function person(name: string) {
  return {
    id: 7,
    name,
    banned: false,
    published: '2023-01-01T00:00:00Z',
    actor_id: `https://${HOST}/u/${name}`,
    local: true,
    deleted: false,
    bot_account: false,
    instance_id: 1,
  };
}

/** GET /api/v3/community?name=… (GetCommunityResponse). */
function communityResponse(name: string, posts: number) {
  return {
    community_view: {
      community: community(name, 'Northwind trails'),
      subscribed: 'NotSubscribed',
      blocked: false,
      counts: {
        community_id: 42,
        subscribers: 1312,
        posts,
        comments: 88,
        published: '2023-03-02T10:11:12.345678Z',
        users_active_day: 3,
        users_active_week: 9,
        users_active_month: 20,
        users_active_half_year: 41,
        subscribers_local: 500,
      },
      banned_from_community: false,
    },
    moderators: [{ community: community(name, 'Northwind trails'), moderator: person('northwind') }],
    discussion_languages: [],
  };
}

/** One PostView; `published` as given (0.18 wrote it without a zone). */
function postView(id: number, name: string, published: string, extra: { body?: string; featured?: boolean } = {}) {
  return {
    post: {
      id,
      name,
      ...(extra.body ? { body: extra.body } : {}),
      creator_id: 7,
      community_id: 42,
      removed: false,
      locked: false,
      published,
      deleted: false,
      nsfw: false,
      ap_id: `https://${HOST}/post/${id}`,
      local: true,
      language_id: 0,
      featured_community: extra.featured === true,
      featured_local: false,
    },
    creator: person('northwind'),
    community: community('northwind', 'Northwind trails'),
    creator_banned_from_community: false,
    banned_from_community: false,
    creator_is_moderator: true,
    creator_is_admin: false,
    counts: {
      post_id: id,
      comments: 2,
      score: 5,
      upvotes: 5,
      downvotes: 0,
      published,
      newest_comment_time: published,
    },
    subscribed: 'NotSubscribed',
    saved: false,
    read: false,
    hidden: false,
    creator_blocked: false,
    unread_comments: 2,
  };
}

const JSON_TYPE = 'application/json';
const json = (body: unknown, status = 200) => ({ status, type: JSON_TYPE, body: JSON.stringify(body) });
const list = (name: string, page: number) => `/api/v3/post/list?community_name=${name}&sort=New&limit=50&page=${page}`;

// an active community: a pinned post from long ago first (as Lemmy lists them), then its newest
const ACTIVE = [
  postView(1, 'Welcome and rules', days(700), { featured: true }),
  postView(2, 'New boots are in', days(3), { body: 'Use code TRAIL10 for 10% off' }),
  postView(3, 'Trail report', days(17)),
  postView(4, 'Older thread from 0.18', days(40).replace('Z', '')), // no zone: UTC
];
// a busy community: two pages of 50, the first all recent
const BUSY_1 = Array.from({ length: 50 }, (_, i) => postView(100 + i, `Post ${i}`, days(1 + i)));
const BUSY_2 = Array.from({ length: 10 }, (_, i) => postView(200 + i, `Old ${i}`, days(60 + i * 40)));
// a community older than the window on its first page: no second page is asked for
const LONG = Array.from({ length: 50 }, (_, i) => postView(300 + i, `Long ${i}`, days(1 + i * 20)));

const routes = {
  '/api/v3/community?name=northwind': json(communityResponse('northwind', 4)),
  [list('northwind', 1)]: json({ posts: ACTIVE, next_page: 'Pa3' }),
  '/api/v3/community?name=busy': json(communityResponse('busy', 60)),
  [list('busy', 1)]: json({ posts: BUSY_1, next_page: 'Pb1' }),
  [list('busy', 2)]: json({ posts: BUSY_2, next_page: 'Pb2' }),
  '/api/v3/community?name=long': json(communityResponse('long', 900)),
  [list('long', 1)]: json({ posts: LONG, next_page: 'Pl1' }),
  '/api/v3/community?name=remote%40lemmy.other.example': json(communityResponse('remote', 0)),
  [list('remote%40lemmy.other.example', 1)]: json({ posts: [] }),
  '/api/v3/community?name=gone': json({ error: 'couldnt_find_community' }, 404),
  '/api/v3/community?name=gone18': json({ error: 'couldnt_find_community' }, 400),
  '/api/v3/community?name=limited': {
    status: 429,
    type: 'text/plain',
    body: 'slow down',
  },
  '/api/v3/community?name=broken': json(communityResponse('broken', 1)),
  [list('broken', 1)]: json({ posts: 'nope' }),
};
// a server that is not Lemmy: its single-page app answers every path with HTML
const notLemmy = {
  '/api/v3/community?name=northwind': { type: 'text/html', body: '<!doctype html><title>Forum</title>' },
  '/api/v3/community?name=other': json({ categories: [] }),
};

const http = new LiveHttpClient({
  userAgent: 't',
  timeoutMs: 2000,
  env: {},
  hostLimits: { concurrency: 2, intervalMs: 0 },
});
const tmp = mkdtempSync(join(tmpdir(), 'ca-lemmy-'));
afterAll(async () => {
  await http.close();
  rmSync(tmp, { recursive: true, force: true });
});
const ctx = { http, settings, endpoints: settings.endpoints, asOf: AS_OF };

describe('Lemmy: which URLs are its', () => {
  it.each([
    ['https://lemmy.world/c/technology', 'technology'],
    ['https://lemmy.world/c/technology/', 'technology'],
    ['https://lemmy.world/c/rust@programming.dev', 'rust@programming.dev'],
    ['https://forum.example/c/announcements/12', null], // Discourse's category
    ['https://tube.example/c/northwind/videos', null], // PeerTube's channel page
    ['https://lemmy.world/c/', null],
    ['https://lemmy.world/c/a-b', null],
  ])('reads the community of %s', (url, name) => {
    expect(communityFromUrl(new URL(url))).toBe(name);
  });

  it('claims only the community shape, after every platform known by its host', () => {
    expect(platformOfUrl(new URL('https://lemmy.world/c/technology'))).toBe('lemmy');
    expect(platformOfUrl(new URL('https://lemmy.world/c/rust@programming.dev'))).toBe('lemmy');
    expect(platformOfUrl(new URL('https://www.youtube.com/c/northwind'))).toBe('youtube');
    expect(platformOfUrl(new URL('https://forum.example/c/announcements/12'))).toBe('web');
    expect(platformOfUrl(new URL('https://tube.example/c/northwind/videos'))).toBe('peertube');
    expect(platformOfUrl(new URL('https://www.example.com/c/x/y'))).toBe('web');
  });
});

describe('Lemmy: reading a community', () => {
  it("reads a community's posts as dated posts, a pinned one kept and marked, a zoneless date as UTC", async () => {
    const server = await serveRoutes(routes);
    try {
      const out = await lemmy.fetch(makeProfile(`${server.url}/c/northwind`), ctx);
      if (out.kind !== 'ok') throw new Error(out.reason);
      const t = out.timeline;
      expect(t.platform).toBe('lemmy');
      expect(t.facts).toMatchObject({
        displayName: 'Northwind trails',
        handle: `!northwind@${HOST}`,
        postsCount: 4,
        followers: 1312,
        createdAt: '2023-03-02T10:11:12.345Z',
        bioLink: 'https://shop.northwind.example/',
      });
      expect(t.posts.map((p) => p.createdAt)).toEqual([days(700), days(3), days(17), days(40)]);
      expect(t.posts.map((p) => p.pinned === true)).toEqual([true, false, false, false]);
      expect(t.posts[1]).toMatchObject({
        id: '2',
        text: 'New boots are in — Use code TRAIL10 for 10% off',
        url: `https://${HOST}/post/2`,
        kind: 'original',
      });
      expect(t.reachedEnd).toBe(true);
      expect(t.repliesVisible).toBe(false);
      expect(t.repliesHiddenReason).toMatch(/everyone's.*comment threads/);
    } finally {
      await server.close();
    }
  });

  it('pages until the window is covered, and stops when it is', async () => {
    const server = await serveRoutes(routes);
    try {
      const busy = await lemmy.fetch(makeProfile(`${server.url}/c/busy`), ctx);
      expect(busy).toMatchObject({ kind: 'ok', timeline: { reachedEnd: true } });
      expect(busy.kind === 'ok' && busy.timeline.posts.length).toBe(60);
      const long = await lemmy.fetch(makeProfile(`${server.url}/c/long`), ctx);
      expect(long).toMatchObject({ kind: 'ok', timeline: { reachedEnd: false } });
      expect(server.requests.filter((r) => r.startsWith('/api/v3/post/list'))).toEqual([
        list('busy', 1),
        list('busy', 2),
        list('long', 1),
      ]);
    } finally {
      await server.close();
    }
  });

  it('asks for a remote community by NAME@host', async () => {
    const server = await serveRoutes(routes);
    try {
      const out = await lemmy.fetch(makeProfile(`${server.url}/c/remote@lemmy.other.example`), ctx);
      expect(out).toMatchObject({ kind: 'ok', timeline: { posts: [], reachedEnd: true } });
    } finally {
      await server.close();
    }
  });

  it("is gone only on Lemmy's own couldnt_find_community; rate limits and malformed lists are errors", async () => {
    const server = await serveRoutes(routes);
    try {
      const gone = await lemmy.fetch(makeProfile(`${server.url}/c/gone`), ctx);
      expect(gone).toMatchObject({ kind: 'unreachable', fetch: { httpStatus: 404 } });
      expect(gone.kind === 'unreachable' && gone.reason).toMatch(/couldnt_find_community/);
      expect(await lemmy.fetch(makeProfile(`${server.url}/c/gone18`), ctx)).toMatchObject({ kind: 'unreachable' });
      const limited = await lemmy.fetch(makeProfile(`${server.url}/c/limited`), ctx);
      expect(limited.kind === 'error' && limited.reason).toMatch(/rate limited \(HTTP 429/);
      const broken = await lemmy.fetch(makeProfile(`${server.url}/c/broken`), ctx);
      expect(broken.kind === 'error' && broken.reason).toMatch(/malformed Lemmy community broken post list/);
    } finally {
      await server.close();
    }
  });

  it('a server that is not Lemmy (HTML, other JSON, a plain 404) is an error, never gone', async () => {
    const server = await serveRoutes(notLemmy);
    try {
      for (const name of ['northwind', 'other', 'missing']) {
        const out = await lemmy.fetch(makeProfile(`${server.url}/c/${name}`), ctx);
        expect(out.kind, name).toBe('error');
        expect(out.kind === 'error' && out.reason).toMatch(/did not answer as a Lemmy server/);
      }
    } finally {
      await server.close();
    }
  });
});

describe('Lemmy: audited from the CLI', () => {
  it('an active community, a missing one and a non-Lemmy server, with platform: lemmy read explicitly', async () => {
    const server = await serveRoutes(routes);
    const other = await serveRoutes(notLemmy);
    const file = join(tmp, 'inventory.yaml');
    writeFileSync(
      file,
      [
        'company: Northwind',
        'profiles:',
        `  - url: ${server.url}/c/northwind`,
        `  - url: ${server.url}/c/gone`,
        '    platform: lemmy',
        `  - url: ${other.url}/c/northwind`,
      ].join('\n'),
    );
    try {
      const { code, stdout } = await cli([
        'audit',
        file,
        '--as-of',
        AS_OF.toISOString(),
        '--format',
        'json',
        '--fail-on',
        'never',
      ]);
      expect(code).toBe(0);
      type Row = {
        platform: string;
        status: string;
        metrics: {
          lastPostAt: string;
          conversationRatio: null;
          promoRatio: number;
          unavailable: Record<string, string>;
        };
      };
      const [active, gone, notOurs] = (JSON.parse(stdout) as { profiles: Row[] }).profiles;
      expect(active).toMatchObject({
        platform: 'lemmy',
        status: 'active',
        metrics: { lastPostAt: days(3), conversationRatio: null },
      });
      expect(active!.metrics.unavailable.conversationRatio).toMatch(/comment threads/);
      expect(gone).toMatchObject({ platform: 'lemmy', status: 'unreachable' });
      expect(notOurs!.platform).toBe('lemmy');
      expect(notOurs!.status).toBe('error'); // not 'unreachable': the community was never asked about
    } finally {
      await server.close();
      await other.close();
    }
  });
});
