/**
 * Owner APIs (issue 18) in general, against the local YouTube, Graph and X APIs of test/helpers/owner-apis.ts
 * (each API's own cases are in test/platforms/<id>/api.test.ts): servers that would page forever, stopped on every
 * API, and declaring credentials (never a token written into the inventory; validate says which variables are set).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiServer } from './helpers/api-server.js';
import { cli } from './helpers/cli.js';
import { KEY } from './helpers/owner-api-values.js';
import { audit, dir, graph, serveOwnerApis, xapi, yt } from './helpers/owner-apis.js';

serveOwnerApis();

describe('servers that would page forever', () => {
  it('stop at an empty page or a cursor given before, with a note, on every API', async () => {
    const before = [yt, graph, xapi].map((s) => s.requests.length);
    const { one } = await audit(
      '  - url: https://www.youtube.com/@forever\n    id: yt\n  - url: https://www.facebook.com/forever\n    id: fb\n  - url: https://x.com/forever\n    id: x\n',
    );
    for (const id of ['yt', 'fb', 'x']) {
      expect(one(id).status, `${id}: ${one(id).statusReason}`).not.toBe('error');
      expect(one(id).api!.notes.join(), id).toMatch(/went on paging without new posts: paging stopped there/);
    }
    // one page that is new, then the one that repeats or is empty: two requests of each edge, no more
    const pages = (server: ApiServer, i: number, edge: RegExp) =>
      server.requests.slice(before[i]).filter((r) => edge.test(r.url)).length;
    expect([
      pages(yt, 0, /^\/playlistItems\?/),
      pages(graph, 1, /^\/9009\/posts\?/),
      pages(xapi, 2, /^\/users\/44\/tweets\?/),
    ]).toEqual([2, 2, 2]);
  });
});

describe('declaring credentials', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('refuses a token written into the inventory (exit 2, its line, never the value), and auth where no API reads it', async () => {
    const token = 'EAABsbCS1iHgBAKZBZCZAxyz1234567890abcdefABCDEF';
    const file = write(
      'literal.yaml',
      `company: A
settings:
  auth:
    facebook: {env: META_TOKEN}
    youtube: {env: AIzaSyA1234567890abcdefghijklmnopqrstuv}
profiles:
  - url: https://www.facebook.com/northwind
    auth: "${token}"
  - url: https://mastodon.social/@northwind
    auth: {env: MASTODON_TOKEN}
  - url: https://x.com/northwind
    archive: exports/tweets.js
    auth: {env: X_TOKEN}
`,
    );
    const { code, stderr } = await cli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}:5:20: settings.auth.youtube.env: this looks like a Google API key written into the inventory`,
    );
    expect(stderr).toContain(
      `${file}:8:11: profiles[0].auth: this looks like a Meta access token written into the inventory; expected the name of the environment variable that holds it`,
    );
    expect(stderr).toContain(`${file}:10:11: profiles[1].auth: mastodon is not read through an API with a credential`);
    expect(stderr).toContain(`${file}:13:11: profiles[2]: both an export and "auth" are set`);
    // one problem at the token's place: the token check, not also the schema's "expected {env: VARIABLE}"
    expect(stderr.match(/:8:11:/g)).toHaveLength(1);
    expect(stderr).not.toContain(token);
    expect(stderr).not.toContain('AIzaSyA1234567890');
  });

  it('validate says which variables are set and which are missing, and never prints a value', async () => {
    const file = write(
      'declared.yaml',
      `company: A
settings:
  auth: {youtube: {env: YT_KEY, budget: 500}, instagram: {env: META_TOKEN}, x: {env: X_ARCHIVED}}
profiles:
  - url: https://www.youtube.com/@northwind
  - url: https://www.instagram.com/northwind
  - url: https://x.com/northwind
    auth: {env: X_TOKEN}
  # read from their owners' exports: they use no API, so they count for no credential
  - url: https://www.instagram.com/northwind_archive
    archive: ${resolve('fixtures/demo/exports/instagram-northwind.zip')}
  - url: https://x.com/northwind_archive
    archive: ${resolve('fixtures/demo/exports/x/data/tweets.js')}
`,
    );
    const { code, stdout } = await cli(['validate', file, '--allow-outside-paths'], { YT_KEY: KEY, X_TOKEN: '' });
    expect(stdout).not.toContain('X_ARCHIVED');
    expect(code).toBe(0);
    expect(stdout).toContain('credentials (read from the environment when the audit runs; values are never printed):');
    expect(stdout).toMatch(/ {2}YT_KEY {6}set {6}settings\.auth\.youtube \(1 profile\)\n/);
    expect(stdout).toMatch(
      / {2}META_TOKEN {2}missing {2}settings\.auth\.instagram \(1 profile\): the public source is read instead\n/,
    );
    expect(stdout).toMatch(/ {2}X_TOKEN {5}missing {2}x\.com-northwind: the public source is read instead\n/);
    expect(stdout).not.toContain(KEY);
  });
});
