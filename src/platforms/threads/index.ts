/** Threads, from the JSON its public profile and replies pages embed. */
import { canonical } from './canonical.js';
import { discovery } from './discovery.js';
import { definePlatform, yes } from '../define.js';
import { THREADS_HOSTS, THREADS_PROFILE } from './urls.js';

export const definition = definePlatform({
  download: {
    read: async () => (await import('./download.js')).read,
    request:
      "Threads' posts come in the Instagram download: Accounts Centre → Your information and permissions → Download your information, with Format: JSON (not HTML). Hand over its .zip (or the unpacked folder).",
  },
  id: 'threads',
  name: 'Threads',
  example: 'https://www.threads.net/@northwind',
  urls: ['https://www.threads.net/@name', 'https://www.threads.com/@name'],
  hosts: THREADS_HOSTS,
  detect: (url) => THREADS_HOSTS.test(url.hostname) && THREADS_PROFILE.test(url.pathname),
  reads: [
    {
      method: 'html',
      what: 'the JSON the public profile and replies pages embed (`thread_items`): their first screen only',
    },
  ],
  endpoint: { kind: 'profile-url' },
  capabilities: {
    staleness: yes('the posts of the first screen (the sample says so)'),
    conversation: yes('the replies page shows its replies'),
    promo: yes('the text of its own posts'),
    canned: yes('its replies on the first screen'),
    responseTime: yes('the embedded reply threads date the post replied to'),
  },
  discovery,
  canonical,
  adapter: async () => (await import('./adapter.js')).threads,
});
