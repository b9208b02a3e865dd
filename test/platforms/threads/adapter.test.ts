/**
 * The Threads adapter against local servers (demo evidence and its login page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHttpClient } from '../../../src/http/live.js';
import { threads } from '../../../src/platforms/threads/adapter.js';
import { AS_OF, settings, makeProfile, NO_PACING } from '../../helpers/builders.js';
import { serveEvidence, type LocalServer, withRoutes } from '../../helpers/evidence-server.js';
import { wallPage } from '../../helpers/walls.js';

const EVIDENCE = 'fixtures/demo/evidence';
const http = new LiveHttpClient({ userAgent: 'channel-audit-test', timeoutMs: 5000, env: {}, hostLimits: NO_PACING });
let th: LocalServer;

beforeAll(async () => {
  th = await serveEvidence(EVIDENCE, 'https://www.threads.net');
});
afterAll(async () => {
  await th.close();
  await http.close();
});

const profile = makeProfile;
const ctx = (endpoints: Partial<typeof settings.endpoints> = {}) => ({
  http,
  settings,
  endpoints: { ...settings.endpoints, ...endpoints },
  asOf: AS_OF,
});

describe('threads adapter', () => {
  it('reads the posts the profile and replies pages embed, with reply parents dated', async () => {
    const out = await threads.fetch(profile(`${th.url}/@northwind`, 'threads'), ctx());
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(th.requests).toEqual(expect.arrayContaining(['/@northwind', '/@northwind/replies']));
    const replies = out.timeline.posts.filter((p) => p.kind === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.inReplyToCreatedAt !== null)).toBe(true);
    expect(out.timeline.posts.some((p) => p.kind === 'original')).toBe(true);
  });

  it('reports the login page as blocked', async () => {
    const out = await withRoutes(
      { '/@northwind': { type: 'text/html', body: wallPage('threads-login.html') } },
      (url) => threads.fetch(profile(`${url}/@northwind`, 'threads'), ctx()),
    );
    expect(out).toMatchObject({ kind: 'blocked', evidence: 'threads-login: <title> "Threads • Log in"' });
  });
});
