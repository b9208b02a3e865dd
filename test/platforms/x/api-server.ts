/**
 * A local X API v2 in its documented response format (api-format.ts), for the owner-API tests
 * (test/helpers/owner-apis.ts starts it): an account of 150 posts with the replies' parents, and the API's errors.
 */
import { type XTweetSpec, xNotFound, xPage, xProblem, xUser } from './api-format.js';
import type { ApiAnswer } from '../../helpers/api-server.js';
import { day, later } from '../../helpers/owner-api-values.js';

// ---------- the X account ----------
const USER = {
  id: '2244994945',
  username: 'northwind',
  name: 'Northwind',
  created: '2012-01-01T00:00:00.000Z',
  followers: 1200,
  tweets: 800,
};
const xTweets: XTweetSpec[] = Array.from({ length: 150 }, (_, i) => ({
  id: String(1850000000000000000n + BigInt(1000 - i)),
  text: i % 3 === 1 ? `@cust${i} Sorry to hear that, please DM us. ^JS` : `Post ${i}`,
  created: day(Math.floor(i / 2), 10),
  authorId: USER.id,
  replyCount: i === 0 ? 2 : 0,
  ...(i % 3 === 1 ? { repliedTo: { id: `99${i}`, userId: `55${i}` } } : {}),
}));
const xParents: XTweetSpec[] = xTweets
  .filter((t) => t.repliedTo)
  .map((t) => ({
    id: t.repliedTo!.id,
    text: 'my order is late',
    created: later(t.created, -45),
    authorId: t.repliedTo!.userId,
  }));

export function xApi(url: URL): ApiAnswer | undefined {
  const q = url.searchParams;
  if (url.pathname === '/users/by/username/gone') return { body: xNotFound('gone') };
  if (url.pathname === '/users/by/username/refused')
    return { status: 401, body: xProblem(401, 'Unauthorized', 'Unauthorized') };
  if (url.pathname === '/users/by/username/limited')
    return {
      status: 429,
      body: xProblem(429, 'Too Many Requests', 'Too Many Requests'),
      headers: {
        'x-rate-limit-limit': '300',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
      },
    };
  if (url.pathname === '/users/by/username/northwind') return { body: xUser(USER) };
  if (url.pathname === '/users/by/username/forever') return { body: xUser({ ...USER, id: '44', username: 'forever' }) };
  if (url.pathname === '/users/44/tweets') return { body: xPage(xTweets.slice(0, 3), [], 'same') };
  if (url.pathname === '/users/by/username/spent') return { body: xUser({ ...USER, id: '43', username: 'spent' }) };
  if (url.pathname === '/users/43/tweets')
    // the first page says the endpoint's limit is used up: no second page is asked for
    return {
      body: xPage(xTweets.slice(0, 100), [], 'nexttoken'),
      headers: { 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1793491200' },
    };
  if (url.pathname === `/users/${USER.id}/tweets`) {
    const second = q.get('pagination_token') === '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i';
    const page = second ? xTweets.slice(100) : xTweets.slice(0, 100);
    const ids = new Set(page.map((t) => t.repliedTo?.id));
    return {
      body: xPage(
        page,
        xParents.filter((p) => ids.has(p.id)),
        second ? null : '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i',
      ),
    };
  }
  // an account whose token may search: its newest post's conversation
  if (url.pathname === '/users/by/username/listened')
    return { body: xUser({ ...USER, id: '42', username: 'listened' }) };
  if (url.pathname === '/users/42/tweets')
    return {
      body: xPage(
        [
          {
            id: '1850000000000009000',
            text: 'New trail guide is out',
            created: day(1, 9),
            authorId: '42',
            replyCount: 3,
          },
          { id: '1850000000000008000', text: 'Old news', created: day(20, 9), authorId: '42', replyCount: 5 },
        ],
        [],
        null,
      ),
    };
  if (url.pathname === '/tweets/search/recent' && q.get('query') === 'conversation_id:1850000000000009000')
    return {
      body: xPage(
        [
          {
            id: '1850000000000009003',
            text: '@ann it ships Monday',
            created: day(1, 12),
            authorId: '42',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009001', userId: '501' },
          },
          {
            id: '1850000000000009002',
            text: 'Nice one',
            created: day(1, 11),
            authorId: '502',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009000', userId: '42' },
          },
          {
            id: '1850000000000009001',
            text: 'When does the map ship?',
            created: day(1, 10),
            authorId: '501',
            conversationId: '1850000000000009000',
            repliedTo: { id: '1850000000000009000', userId: '42' },
          },
        ],
        [],
        null,
        [
          { id: '42', username: 'listened' },
          { id: '501', username: 'ann' },
          { id: '502', username: 'bob' },
        ],
      ),
    };
  if (url.pathname === '/tweets/search/recent')
    return {
      status: 403,
      body: xProblem(
        403,
        'Client Forbidden',
        'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
        {
          reason: 'client-not-enrolled',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          required_enrollment: 'Appropriate Level of API Access',
        },
      ),
    };
  return undefined;
}
