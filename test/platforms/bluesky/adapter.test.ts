/**
 * The Bluesky adapter against a real HTTP server on 127.0.0.1 serving the demo evidence (in the AppView's format).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../../../src/http/live.js';
import { bluesky } from '../../../src/platforms/bluesky/adapter.js';
import type { AdapterContext } from '../../../src/platforms/types.js';
import { AS_OF, settings, makeProfile, NO_PACING } from '../../helpers/builders.js';
import { serveEvidence, type LocalServer } from '../../helpers/evidence-server.js';

const EVIDENCE = 'fixtures/demo/evidence';
let bsky: LocalServer;
const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });

beforeAll(async () => {
  bsky = await serveEvidence(EVIDENCE, 'https://public.api.bsky.app');
});
afterAll(async () => {
  await bsky.close();
  await http.close();
});

const profile = makeProfile;
const ctx = (): AdapterContext => ({
  http,
  settings,
  endpoints: { ...settings.endpoints, bluesky: bsky.url },
  asOf: AS_OF,
});

describe('bluesky adapter', () => {
  it('reads the profile and the author feed with replies, reposts and threads', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    const kinds = new Set(out.timeline.posts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['original', 'reply', 'repost', 'thread']);
    expect(bsky.requests.some((r) => r.includes('filter=posts_with_replies'))).toBe(true);
  });

  it('pages by cursor', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwindhelp.bsky.social'), ctx());
    if (out.kind !== 'ok') throw new Error(out.kind);
    expect(bsky.requests.some((r) => r.includes('cursor='))).toBe(true);
    expect(out.timeline.posts.length).toBeGreaterThan(100);
  });

  it('reports "Profile not found" as unreachable', async () => {
    const out = await bluesky.fetch(profile('https://bsky.app/profile/northwind-outlet.bsky.social'), ctx());
    expect(out.kind).toBe('unreachable');
  });
});
