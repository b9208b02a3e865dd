/** The definition shared by the platforms whose public page is usually a login wall. */
import type { PlatformId } from '../../model/index.js';
import { definePlatform, EXPORT_READ, yes, type PlatformDefinition } from '../define.js';
import type { CanonicalRule } from '../kit/canonical.js';
import type { DiscoveryCheck } from '../kit/discovery-check.js';
import type { WalledPlatform } from './types.js';

export function walledPlatform<Id extends PlatformId>(
  wall: WalledPlatform & { id: Id },
  urls: readonly string[],
  example: string,
  exportNote: string,
  discovery: DiscoveryCheck,
  canonical: CanonicalRule,
): PlatformDefinition & { id: Id } {
  const { id, name } = wall;
  return definePlatform({
    id,
    wall,
    name,
    urls,
    example,
    detect: (url) => wall.hosts.test(url.hostname),
    reads: [
      {
        method: 'html',
        what: 'the public page, checked against the walls table; a page that renders is read like any web page',
      },
      EXPORT_READ,
    ],
    endpoint: { kind: 'profile-url' },
    capabilities: {
      staleness: yes(
        `from the owner's export; live, only when the page lets posts through (usually a wall: \`blocked\`)`,
      ),
      conversation: yes(`from the owner's export (${exportNote}); the public page shows none`),
      promo: yes("from the owner's export"),
      canned: yes("from the owner's export"),
      responseTime: yes("from the owner's export, where it dates the posts replied to"),
    },
    canonical,
    // the audit's own wall markers: a wall is never a verdict on the handle
    discovery: {
      ...discovery,
      wall: async () => {
        const { matchWall } = await import('./adapter.js');
        return (res, text) => {
          const m = matchWall(wall, res, text);
          return m ? { says: m.marker.says, seen: m.seen } : null;
        };
      },
    },
    adapter: async () => (await import('./adapter.js')).walledAdapter(wall),
  });
}
