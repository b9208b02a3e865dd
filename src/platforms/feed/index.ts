/** Blogs and news: RSS 2.0, Atom, RDF and JSON Feed, or the feed a page announces. */
import { definePlatform, no, yes } from '../define.js';
import { BLOG_HOSTS, BLOG_PATH, BLOG_SHAPE, FEED_PATH } from './urls.js';

export const definition = definePlatform({
  id: 'feed',
  name: 'Feed (blog, news, Substack, Medium, Tumblr)',
  shortName: 'feed',
  example: 'https://blog.northwind.example/feed.xml',
  aliases: ['rss', 'atom', 'blog', 'jsonfeed'],
  urls: [
    'feed-looking URLs (`.rss`, `/feed`, `atom.xml`, …)',
    'blog hosts (Substack, Medium, Tumblr, Blogspot, WordPress.com, Ghost, …)',
    '`blog.`, `news.`, `press.`, `newsroom.` hosts, and `/blog`, `/news`, `/press`, `/newsroom` paths (a page there is read for the feed it announces)',
  ],
  hosts: BLOG_HOSTS,
  detect: (url) =>
    BLOG_HOSTS.test(url.hostname) ||
    FEED_PATH.test(url.pathname) ||
    BLOG_SHAPE.test(url.hostname) ||
    BLOG_PATH.test(url.pathname),
  reads: [
    {
      method: 'feed',
      what: 'the feed, or the feed a page announces with `<link rel="alternate">`; charsets from BOM, header or declaration',
    },
  ],
  endpoint: { kind: 'profile-url' },
  capabilities: {
    staleness: yes("the feed's newest items"),
    conversation: no("a feed shows only the author's own posts, no replies"),
    promo: yes('item titles and text'),
    canned: no('a feed shows no replies'),
    responseTime: no('a feed shows no replies'),
  },
  adapter: async () => (await import('./adapter.js')).feed,
});
