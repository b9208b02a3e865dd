/** How `discover` tells whether a handle exists on this platform (see ../discovery-check.ts). */
import type { DiscoveryCheck } from '../kit/discovery-check.js';

export const discovery: DiscoveryCheck = {
  name: 'YouTube',
  handle: /^[A-Za-z0-9_.-]{3,30}$/,
  profileUrl: (h) => `https://www.youtube.com/@${h}`,
  check: { base: 'https://www.youtube.com', path: (h) => `/@${encodeURIComponent(h)}`, kind: 'page' },
  found: {
    status: [200],
    body: () =>
      /"(channelId|externalId)"\s*:\s*"UC[\w-]{22}"|<link rel="canonical" href="https:\/\/www\.youtube\.com\/channel\/UC/,
    says: 'the page names the channel id',
  },
  missing: { status: [404], says: 'YouTube answered 404' },
  samples: { exists: 'YouTube', missing: 'channelauditnobody7q3' },
  // YouTube's consent page and "confirm you're not a bot"
  wall: async () => {
    const { channelPageProblem } = await import('./channel-page.js');
    return (res, text) => {
      const problem = channelPageProblem(text, res.finalUrl);
      return problem?.kind === 'blocked' ? { says: problem.reason, seen: problem.evidence } : null;
    };
  },
};
