/** Reddit users and subreddits, from the public JSON listings. */
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { definePlatform, no, yes } from '../define.js';
import { REDDIT_HOSTS, REDDIT_PROFILE } from './urls.js';

export const definition = definePlatform({
  id: 'reddit',
  name: 'Reddit',
  example: 'https://www.reddit.com/user/northwind',
  urls: ['https://www.reddit.com/user/NAME', '/u/NAME', '/r/NAME'],
  hosts: REDDIT_HOSTS,
  detect: (url) => REDDIT_HOSTS.test(url.hostname) && REDDIT_PROFILE.test(url.pathname),
  reads: [
    {
      method: 'api',
      what: '`about.json` (gone, suspended, private), then `overview.json` (a user) or `new.json` (a subreddit) paged by `after`',
    },
  ],
  endpoint: { kind: 'setting', setting: 'reddit', default: 'https://www.reddit.com' },
  capabilities: {
    staleness: yes("a user's submissions and comments; a subreddit's submissions"),
    conversation: yes("a user's comments are replies; not for a subreddit, whose posts are by anyone"),
    promo: yes('the text of its own submissions'),
    canned: yes("a user's comments"),
    responseTime: no('a listing does not date the post a comment answers'),
  },
  discovery,
  canonical,
  adapter: async () => (await import('./adapter.js')).reddit,
});
