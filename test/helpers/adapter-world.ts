/**
 * What an adapter test needs: the demo's recorded evidence served on 127.0.0.1 as each origin, a live
 * client without per-host pacing (NO_PACING: what a reader reads is under test, not how politely),
 * and the adapter's context — started before the file's tests and closed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { LiveHttpClient } from '../../src/http/live.js';
import type { AdapterContext } from '../../src/platforms/types.js';
import { AS_OF, NO_PACING, settings } from './builders.js';
import { type LocalServer, serveEvidence } from './evidence-server.js';

const EVIDENCE = 'fixtures/demo/evidence';

/**
 * `origins` are served in order; `setting` names the endpoint setting the first one stands for (a
 * platform read at a configured base URL: Bluesky's AppView, Reddit, YouTube), which `ctx` points at it.
 */
export function demoWorld(origins: readonly string[], setting?: keyof typeof settings.endpoints) {
  const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
  const servers: LocalServer[] = [];
  beforeAll(async () => {
    for (const origin of origins) servers.push(await serveEvidence(EVIDENCE, origin));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await http.close();
  });
  return {
    http,
    /** The server standing in for `origins[i]` (started by the time a test runs). */
    server: (i = 0): LocalServer => servers[i]!,
    ctx: (endpoints: Partial<typeof settings.endpoints> = {}): AdapterContext => ({
      http,
      settings,
      endpoints: { ...settings.endpoints, ...(setting ? { [setting]: servers[0]!.url } : {}), ...endpoints },
      asOf: AS_OF,
    }),
  };
}
