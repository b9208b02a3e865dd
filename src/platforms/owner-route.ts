/**
 * How the owner of a profile gets the audit what its public page does not show, in the client's words
 * and for that platform only: its data download (the definition's `download.request`) and, where the
 * platform has one, its API access (`api.credential`). A walled LinkedIn page is told LinkedIn's route,
 * never another platform's (test/owner-route.test.ts).
 */
import type { PlatformId } from '../model/index.js';
import { platformDefinition } from './index.js';

/** The owner's routes for a platform, or null where it has neither a download nor an API this tool reads. */
export function ownerRoute(id: PlatformId | null): string | null {
  if (id === null) return null;
  const d = platformDefinition(id);
  const parts = [
    d.download ? d.download.request : null,
    d.api ? `Or let the audit read it through the ${d.api.service}, with ${d.api.credential}.` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}
