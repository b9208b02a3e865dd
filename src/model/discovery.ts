/** What `discover` finds for a handle: the rows it reports and renders. */
import type { PlatformId } from './inventory.js';

/** found / not-found only on a platform's own marker; unknown for walls, rate limits and anything unclear. */
export type Existence = 'found' | 'not-found' | 'unknown';

export interface DiscoveryRow {
  handle: string;
  platform: PlatformId;
  name: string;
  status: Existence;
  /** The public profile URL the handle would have. */
  url: string;
  /** The URL actually checked (an API, or the page). */
  checked: string | null;
  evidence: string;
}

export interface SelfCheckRow extends DiscoveryRow {
  expected: Existence;
  /** Whether the platform answered at all (false: DNS, connection or timeout, so nothing was tested). */
  reached: boolean;
  /** Reached, and the answer is the one the table expects. */
  pass: boolean;
}
