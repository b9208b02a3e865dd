/** Any other web page: the feed it announces, else the dates it shows. */
import { definePlatform, no, yes } from '../define.js';

export const definition = definePlatform({
  id: 'web',
  name: 'Web page',
  shortName: 'web page',
  example: 'https://www.northwind.example/about',
  urls: ['any other http(s) page'],
  detect: (url) => url.protocol === 'http:' || url.protocol === 'https:',
  reads: [
    { method: 'feed', what: 'the feed the page announces' },
    {
      method: 'html',
      what: 'else the dates it shows: JSON-LD `datePublished`/`dateModified`, `article:published_time`, `og:updated_time`, `<time datetime>`',
    },
  ],
  endpoint: { kind: 'profile-url' },
  capabilities: {
    staleness: yes('dates printed on the page (thin evidence); a page with none is `error` "no dated content"'),
    conversation: no("a page shows the owner's content, not replies"),
    promo: yes('the text of dated items'),
    canned: no('a page shows no replies'),
    responseTime: no('a page shows no replies'),
  },
  adapter: async () => (await import('./adapter.js')).web,
});
