/** What a walled platform's wall looks like: the markers by which its public page shows itself to be a login wall or an anti-bot check. */
import type { PlatformId } from '../../model/index.js';
import type { DatedItem } from '../web/page-dates.js';

export type WallMarker =
  /** The response status itself (LinkedIn's 999). */
  | { id: string; kind: 'status'; status: number; says: string }
  /** Where redirects ended: the final URL's path and query. */
  | { id: string; kind: 'redirect'; pattern: RegExp; says: string }
  /** The page's <title>. */
  | { id: string; kind: 'title'; pattern: RegExp; says: string }
  /** The page's text or markup. */
  | { id: string; kind: 'body'; pattern: RegExp; says: string }
  /** A meta tag every real profile page has (Facebook Pages carry og:title). */
  | { id: string; kind: 'missing-meta'; property: string; says: string };

export interface WalledPlatform {
  id: PlatformId;
  name: string;
  /** The platform's hosts: a URL on one of them is its profile (or its wall). */
  hosts: RegExp;
  markers: readonly WallMarker[];
  /** Dated posts the page shows in the platform's own markup, where it renders at all (loaded on first use). */
  postDates?: () => Promise<(html: string, pageUrl: string) => DatedItem[]>;
}
