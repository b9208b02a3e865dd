/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import { DOTTED, esc } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'Threads',
  handle: DOTTED,
  profileUrl: (h) => `https://www.threads.net/@${h.toLowerCase()}`,
  check: { base: 'https://www.threads.net', path: (h) => `/@${encodeURIComponent(h.toLowerCase())}`, kind: 'page' },
  found: {
    status: [200],
    body: (h) => new RegExp(`<title>[^<]*\\(@${esc(h)}\\)[^<]*Threads`, 'i'),
    says: 'the page title names the account',
  },
  missing: { status: [404], says: 'Threads answered 404' },
  samples: { exists: 'zuck', missing: 'channel.audit.nobody7q3' },
  // Threads' login page
  wall: async () => {
    const { isThreadsLogin } = await import('./adapter.js');
    return (res, text) => {
      const title = (/<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? '').trim();
      return isThreadsLogin(title, res.finalUrl)
        ? { says: 'Threads showed its login page', seen: `<title> "${title}"` }
        : null;
    };
  },
};
