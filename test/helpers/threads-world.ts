/**
 * One brand's threads (issue 31), served by a local HTTP server in the documented shapes of the three
 * platforms whose threads are public: Mastodon (`/api/v1/accounts/:id/statuses` and
 * `/api/v1/statuses/:id/context`), Bluesky (`app.bsky.feed.getAuthorFeed` and
 * `app.bsky.feed.getPostThread`, with `#blockedPost` and `#notFoundPost` nodes) and Reddit
 * (`/user/NAME/overview.json` and `/comments/<id>.json`, with `[deleted]` authors and `more` stubs).
 * The same world is read on each, so the figures a test expects are the same three times.
 *
 * The brand's own replies (answers, and replies to itself) are in its feed too, with their reply
 * counts, and their threads are served as well — as the platforms do: whoever asks for the thread under
 * a brand's reply gets it, and a reader that takes every own post as a thread counts its replies twice.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postView } from '../platforms/bluesky/format.js';
import { snowflake } from '../platforms/mastodon/format.js';
import { commentsPage, listing, userAbout, type RedditComment, type RedditThing } from '../platforms/reddit/format.js';

/** A reply in a thread: by the brand (`who: 'brand'`) or someone else, with the replies under it. */
export interface WorldReply {
  key: string;
  who: string;
  at: string;
  text: string;
  replies?: WorldReply[];
  /**
   * A reply the reader cannot see: Bluesky shows it as `#blockedPost` (or `#notFoundPost`), Reddit as a
   * `[deleted]` author whose replies stay, Mastodon leaves it out of the context with its replies.
   */
  hidden?: 'blocked' | 'notFound';
}

export interface WorldPost {
  key: string;
  at: string;
  text: string;
  replies: WorldReply[];
  /** Reddit: collapsed comments the tree does not load (a `more` stub), counted in `num_comments`. */
  more?: number;
}

export interface ThreadWorld {
  brand: string;
  posts: WorldPost[];
}

export type WorldPlatform = 'mastodon' | 'bluesky' | 'reddit';

export interface WorldServer {
  url: string;
  /** Paths (with query) of the thread requests served: `/context`, `getPostThread`, `/comments/`. */
  threadRequests: string[];
  close(): Promise<void>;
}

interface Flat {
  node: WorldReply;
  parent: WorldReply | WorldPost;
  root: WorldPost;
}

const count = (replies: readonly WorldReply[] = []): number => replies.reduce((n, r) => n + 1 + count(r.replies), 0);

function flatten(world: ThreadWorld): Flat[] {
  const out: Flat[] = [];
  const walk = (parent: WorldReply | WorldPost, root: WorldPost) => {
    for (const node of parent.replies ?? []) {
      out.push({ node, parent, root });
      walk(node, root);
    }
  };
  for (const post of world.posts) walk(post, post);
  return out;
}

/** The brand's own posts as its feed lists them, newest first: its posts and its replies in the threads. */
function ownItems(
  world: ThreadWorld,
): Array<{ node: WorldReply | WorldPost; parent: Flat['parent'] | null; root: WorldPost }> {
  const own = [
    ...world.posts.map((p) => ({ node: p as WorldReply | WorldPost, parent: null, root: p })),
    ...flatten(world).filter((f) => f.node.who === world.brand),
  ];
  return own.sort((a, b) => Date.parse(b.node.at) - Date.parse(a.node.at));
}

// ---------- Mastodon ----------

function mastodon(world: ThreadWorld, origin: string) {
  const ids = new Map<string, string>();
  const all = [...world.posts, ...flatten(world).map((f) => f.node)];
  for (const [i, n] of all.entries()) ids.set(n.key, snowflake(n.at, i));
  const account = (who: string) => ({
    id: who === world.brand ? '1' : `9${who.length}${who.charCodeAt(0)}`,
    username: who,
    acct: who,
    url: `${origin}/@${who}`,
  });
  const status = (node: WorldReply | WorldPost, parent: WorldReply | WorldPost | null) => ({
    id: ids.get(node.key)!,
    created_at: node.at,
    in_reply_to_id: parent ? ids.get(parent.key)! : null,
    in_reply_to_account_id: parent ? account('who' in parent ? parent.who : world.brand).id : null,
    reblog: null,
    content: `<p>${node.text}</p>`,
    url: `${origin}/@${'who' in node ? node.who : world.brand}/${ids.get(node.key)}`,
    replies_count: count(node.replies),
    account: account('who' in node ? node.who : world.brand),
  });
  const statuses = ownItems(world).map((o) => status(o.node, o.parent));
  // the context of a status: what is under it, depth first (blocked and deleted ones, and their replies, left out)
  const context = (node: WorldReply | WorldPost) => {
    const descendants: unknown[] = [];
    const walk = (parent: WorldReply | WorldPost) => {
      for (const r of parent.replies ?? []) {
        if (r.hidden) continue;
        descendants.push(status(r, parent));
        walk(r);
      }
    };
    walk(node);
    return { ancestors: [], descendants };
  };
  const byId = new Map(all.map((n) => [ids.get(n.key)!, n]));
  return (url: URL): unknown => {
    if (url.pathname === '/api/v1/accounts/lookup') return { ...account(world.brand), statuses_count: statuses.length };
    if (url.pathname === '/api/v1/accounts/1/statuses') return statuses;
    const m = /^\/api\/v1\/statuses\/([^/]+)\/context$/.exec(url.pathname);
    if (m && byId.has(m[1]!)) return context(byId.get(m[1]!)!);
    return undefined;
  };
}

// ---------- Bluesky ----------

function bluesky(world: ThreadWorld) {
  const actor = (who: string) => ({ did: `did:plc:${who}`, handle: `${who}.bsky.social`, displayName: who });
  const view = (node: WorldReply | WorldPost, parent: Flat['parent'] | null, root: WorldPost) => {
    const who = 'who' in node ? node.who : world.brand;
    const uri = (n: WorldReply | WorldPost) =>
      `at://did:plc:${'who' in n ? n.who : world.brand}/app.bsky.feed.post/${n.key}`;
    const v = postView(
      actor(who),
      0,
      node.text,
      node.at,
      parent ? { parentUri: uri(parent), rootUri: uri(root) } : undefined,
    );
    return { ...v, uri: uri(node), replyCount: count(node.replies) };
  };
  const parents = new Map(flatten(world).map((f) => [f.node.key, f]));
  const feed = ownItems(world).map((o) =>
    o.parent
      ? {
          post: view(o.node, o.parent, o.root),
          reply: {
            root: { $type: 'app.bsky.feed.defs#postView', ...view(o.root, null, o.root) },
            parent: {
              $type: 'app.bsky.feed.defs#postView',
              ...view(o.parent, parents.get(o.parent.key)?.parent ?? null, o.root),
            },
          },
        }
      : { post: view(o.node, null, o.root) },
  );
  const node = (n: WorldReply | WorldPost, parent: Flat['parent'] | null, root: WorldPost): unknown => {
    if ('hidden' in n && n.hidden === 'blocked')
      return {
        $type: 'app.bsky.feed.defs#blockedPost',
        uri: `at://did:plc:${n.who}/app.bsky.feed.post/${n.key}`,
        blocked: true,
        author: { did: `did:plc:${n.who}`, viewer: { blockedBy: true } },
      };
    if ('hidden' in n && n.hidden === 'notFound')
      return {
        $type: 'app.bsky.feed.defs#notFoundPost',
        uri: `at://did:plc:${n.who}/app.bsky.feed.post/${n.key}`,
        notFound: true,
      };
    return {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: view(n, parent, root),
      replies: (n.replies ?? []).map((r) => node(r, n, root)),
    };
  };
  const byUri = new Map<string, { n: WorldReply | WorldPost; parent: Flat['parent'] | null; root: WorldPost }>();
  for (const o of ownItems(world))
    byUri.set(view(o.node, o.parent, o.root).uri, { n: o.node, parent: o.parent, root: o.root });
  return (url: URL): unknown => {
    if (url.pathname === '/xrpc/app.bsky.actor.getProfile')
      return { did: `did:plc:${world.brand}`, handle: `${world.brand}.bsky.social`, postsCount: feed.length };
    if (url.pathname === '/xrpc/app.bsky.feed.getAuthorFeed') return { feed };
    if (url.pathname === '/xrpc/app.bsky.feed.getPostThread') {
      const o = byUri.get(url.searchParams.get('uri') ?? '');
      return o ? { thread: node(o.n, o.parent, o.root) } : undefined;
    }
    return undefined;
  };
}

// ---------- Reddit ----------

function reddit(world: ThreadWorld) {
  const sub = 'brandsub';
  const submission = (p: WorldPost): RedditThing => ({
    kind: 't3',
    id: p.key,
    at: p.at,
    author: world.brand,
    subreddit: sub,
    title: p.text,
    text: '',
    comments: count(p.replies) + (p.more ?? 0),
  });
  const things: RedditThing[] = ownItems(world).map((o) =>
    o.parent === null
      ? submission(o.root)
      : {
          kind: 't1',
          id: o.node.key,
          at: o.node.at,
          author: world.brand,
          subreddit: sub,
          text: o.node.text,
          parentId: o.parent === o.root ? `t3_${o.root.key}` : `t1_${o.parent.key}`,
          linkId: `t3_${o.root.key}`,
          linkAuthor: world.brand,
        },
  );
  // a deleted comment keeps its place and its replies; its author and text are gone
  const tree = (list: readonly WorldReply[] = []): RedditComment[] =>
    list.map((r) => ({
      id: r.key,
      author: r.hidden ? '[deleted]' : r.who,
      at: r.at,
      text: r.hidden ? '[deleted]' : r.text,
      replies: tree(r.replies),
    }));
  const comments = (p: WorldPost) => {
    const page = commentsPage(submission(p), tree(p.replies)) as Array<{ data: { children: unknown[] } }>;
    if (p.more)
      page[1]!.data.children.push({
        kind: 'more',
        data: {
          count: p.more,
          name: `t1_${p.key}more`,
          id: `${p.key}more`,
          parent_id: `t3_${p.key}`,
          depth: 0,
          children: Array.from({ length: p.more }, (_, i) => `${p.key}m${i}`),
        },
      });
    return page;
  };
  const byKey = new Map(world.posts.map((p) => [p.key, p]));
  return (url: URL): unknown => {
    if (url.pathname === `/user/${world.brand}/about.json`) return userAbout(world.brand, '2019-04-02T10:00:00Z');
    if (url.pathname === `/user/${world.brand}/overview.json`) return listing(things, null);
    const m = /^\/comments\/([^/]+)\.json$/.exec(url.pathname);
    if (m && byKey.has(m[1]!)) return comments(byKey.get(m[1]!)!);
    return undefined;
  };
}

/**
 * Serves the world on one platform. `thread` may override a thread request's answer (a rate limit, an
 * error) by its index among the thread requests made so far.
 */
export async function serveWorld(
  world: ThreadWorld,
  platform: WorldPlatform,
  thread?: (index: number) => { status: number; body: string; headers?: Record<string, string> } | undefined,
): Promise<WorldServer> {
  const threadRequests: string[] = [];
  let origin = '';
  let answer: (url: URL) => unknown;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const isThread = /\/context$|getPostThread|^\/comments\//.test(url.pathname);
    if (isThread) {
      threadRequests.push(req.url ?? '/');
      const forced = thread?.(threadRequests.length - 1);
      if (forced) {
        res.writeHead(forced.status, { 'content-type': 'application/json; charset=utf-8', ...forced.headers });
        res.end(forced.body);
        return;
      }
    }
    const body = answer(url);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body === undefined ? '{"error":"NotFound"}' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  answer = platform === 'mastodon' ? mastodon(world, origin) : platform === 'bluesky' ? bluesky(world) : reddit(world);
  return { url: origin, threadRequests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The profile URL of the world's brand on a platform served at `origin`. */
export function worldProfile(world: ThreadWorld, platform: WorldPlatform, origin: string): string {
  if (platform === 'mastodon') return `${origin}/@${world.brand}`;
  if (platform === 'bluesky') return `https://bsky.app/profile/${world.brand}.bsky.social`;
  return `https://www.reddit.com/user/${world.brand}`;
}
