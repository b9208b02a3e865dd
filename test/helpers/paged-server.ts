/**
 * One account's posts served by a local HTTP server in the paging of the real APIs, with a page size
 * chosen by the test: Mastodon (`max_id` and a Link header), Bluesky (an opaque `cursor`) and Reddit
 * (`after` = the last thing's fullname) and PeerTube (`start`, with `count` capped at the page size). The items are the API's own objects, newest first, so the same
 * account can be read in pages of 1, 7 or 100 and every number compared.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PagedPlatform = 'mastodon' | 'bluesky' | 'reddit' | 'peertube';

export interface PagedAccount {
  platform: PagedPlatform;
  /** Mastodon: the account object; Bluesky: the profile; Reddit: the about.json body. */
  profile: unknown;
  /** The API's own items, newest first: statuses, feed items, or Listing children. */
  items: unknown[];
}

export interface PagedServer {
  url: string;
  /** Page requests served (the profile lookup not counted). */
  pages: number;
  close(): Promise<void>;
}

const json = (body: unknown) => JSON.stringify(body);

export async function servePaged(account: PagedAccount, pageSize: number): Promise<PagedServer> {
  const state = { pages: 0 };
  let base = '';
  const page = (from: number) => account.items.slice(from, from + pageSize);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const send = (body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(json(body));
    };
    if (account.platform === 'mastodon') {
      if (url.pathname === '/api/v1/accounts/lookup') return send(account.profile);
      if (/^\/api\/v1\/accounts\/[^/]+\/statuses$/.test(url.pathname)) {
        state.pages++;
        const maxId = url.searchParams.get('max_id');
        const from = maxId === null ? 0 : account.items.findIndex((s) => (s as { id: string }).id === maxId) + 1;
        const items = page(from);
        const last = items.at(-1) as { id: string } | undefined;
        const more = from + items.length < account.items.length;
        const next = last && more ? `<${base}${url.pathname}?limit=40&max_id=${last.id}>; rel="next"` : null;
        return send(items, next ? { link: next } : {});
      }
    }
    if (account.platform === 'bluesky') {
      if (url.pathname === '/xrpc/app.bsky.actor.getProfile') return send(account.profile);
      if (url.pathname === '/xrpc/app.bsky.feed.getAuthorFeed') {
        state.pages++;
        const from = Number(url.searchParams.get('cursor') ?? '0');
        const items = page(from);
        const more = from + items.length < account.items.length;
        return send(more ? { feed: items, cursor: String(from + items.length) } : { feed: items });
      }
    }
    if (account.platform === 'reddit') {
      if (/\/about\.json$/.test(url.pathname)) return send(account.profile);
      if (/\/(overview|new)\.json$/.test(url.pathname)) {
        state.pages++;
        const after = url.searchParams.get('after');
        const from =
          after === null
            ? 0
            : account.items.findIndex((t) => (t as { data: { name: string } }).data.name === after) + 1;
        const items = page(from);
        const more = from + items.length < account.items.length;
        const last = items.at(-1) as { data: { name: string } } | undefined;
        return send({
          kind: 'Listing',
          data: {
            after: more && last ? last.data.name : null,
            dist: items.length,
            modhash: '',
            before: null,
            children: items,
          },
        });
      }
    }
    if (account.platform === 'peertube') {
      if (/^\/api\/v1\/(accounts|video-channels)\/[^/]+$/.test(url.pathname)) return send(account.profile);
      if (/^\/api\/v1\/(accounts|video-channels)\/[^/]+\/videos$/.test(url.pathname)) {
        state.pages++;
        const start = Number(url.searchParams.get('start') ?? '0');
        const count = Math.min(Number(url.searchParams.get('count') ?? '15'), pageSize);
        return send({ total: account.items.length, data: account.items.slice(start, start + count) });
      }
    }
    res.writeHead(404, { 'content-type': 'application/problem+json; charset=utf-8' });
    res.end('{"detail":"not found","status":404,"title":"Not Found","type":"about:blank"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get pages() {
      return state.pages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
