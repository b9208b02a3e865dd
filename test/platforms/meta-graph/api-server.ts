/**
 * A local Meta Graph API in its documented response format (api-format.ts), for the owner-API tests
 * (test/helpers/owner-apis.ts starts it): a Facebook Page and an Instagram professional account, and the API's errors.
 */
import { type GraphCommentSpec, type GraphPostSpec, fbPosts, graphError, graphMe, igMedia } from './api-format.js';
import type { ApiAnswer } from '../../helpers/api-server.js';
import { day, later, TOKEN } from '../../helpers/owner-api-values.js';

// ---------- the Facebook Page and the Instagram account ----------
const PAGE = { id: '1001', name: 'Northwind Outfitters' };
const pageFrom = { id: PAGE.id, name: PAGE.name };
const fbPost = (i: number, comments: GraphCommentSpec[] = []): GraphPostSpec => ({
  id: `1001_${5000 + i}`,
  text: `Post ${i}: new colours are in.`,
  created: day(i * 4),
  comments,
});
const fbPostsAll = Array.from({ length: 30 }, (_, i) =>
  fbPost(
    i,
    i === 0
      ? [
          {
            id: 'c1',
            from: { id: '77', name: 'Ann Example' },
            text: 'Do you have it in blue?',
            created: day(0, 13),
            replies: [
              { id: 'c1r', from: pageFrom, text: 'Hi Ann, yes: blue arrives Monday.', created: later(day(0, 13), 30) },
            ],
          },
          {
            id: 'c2',
            from: { id: '78', name: 'Bob Example' },
            text: 'When do you open on Sunday?',
            created: day(0, 14),
          },
        ]
      : [],
  ),
);
const igAccount = { id: '1784', username: 'northwind', name: 'Northwind', followers: 900, media: 12 };
const igPosts: GraphPostSpec[] = Array.from({ length: 12 }, (_, i) => ({
  id: `1790${i}`,
  text: `Gram ${i}`,
  created: day(i * 5),
  comments:
    i === 1
      ? [
          {
            id: 'ig1',
            from: { id: '55', name: 'ann.example' },
            text: 'Price?',
            created: day(5, 13),
            replies: [
              {
                id: 'ig1r',
                from: { id: igAccount.id, name: 'northwind' },
                text: 'Sent you a DM!',
                created: later(day(5, 13), 20),
              },
            ],
          },
        ]
      : [],
}));

export function metaGraph(url: URL, origin: string): ApiAnswer | undefined {
  const q = url.searchParams;
  const usage = { 'x-app-usage': '{"call_count":12,"total_cputime":3,"total_time":5}' };
  if (url.pathname === '/expired')
    return {
      status: 400,
      body: graphError(
        190,
        'Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.',
        463,
      ),
    };
  if (url.pathname === '/limited')
    return {
      status: 400,
      body: graphError(4, 'Application request limit reached', undefined, 'OAuthException'),
      headers: { 'x-app-usage': '{"call_count":100,"total_cputime":20,"total_time":40}' },
    };
  if (url.pathname === '/nosuchpage')
    return {
      status: 404,
      body: graphError(803, '(#803) Some of the aliases you requested do not exist: nosuchpage'),
    };
  if (url.pathname === '/echo')
    return { status: 400, body: graphError(190, `Invalid OAuth access token - Cannot parse access token: ${TOKEN}`) };
  if (url.pathname === '/forever') return { body: JSON.stringify({ id: '9009', name: 'Forever' }) };
  if (url.pathname === '/9009/posts')
    return { body: fbPosts([{ ...fbPost(0), id: '9009_1' }], 'c2FtZQ', `${origin}/9009/posts?after=c2FtZQ`) };
  if (url.pathname === '/northwind')
    return {
      body: JSON.stringify({ ...PAGE, username: 'northwind', followers_count: 5100, fan_count: 5000 }),
      headers: usage,
    };
  if (url.pathname === `/${PAGE.id}/posts`) {
    const after = q.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const slice = fbPostsAll.slice(start, start + 25);
    const next = start + 25 < fbPostsAll.length ? Buffer.from(String(start + 25)).toString('base64url') : null;
    return { body: fbPosts(slice, next, next ? `${origin}${url.pathname}?after=${next}` : null), headers: usage };
  }
  if (url.pathname === '/me') return { body: graphMe(PAGE, igAccount) };
  if (url.pathname === `/${igAccount.id}/media`) return { body: igMedia(igPosts, null, null) };
  return undefined;
}
