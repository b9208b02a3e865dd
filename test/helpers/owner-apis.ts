/**
 * What the owner-API tests share (test/owner-apis.test.ts and test/platforms/<id>/api.test.ts): the local
 * YouTube, Graph and X APIs (test/platforms/<id>/api-server.ts), started per test file, and an audit against them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ProfileResult, Report } from '../../src/model/index.js';
import { serveApi, type ApiServer } from './api-server.js';
import { cli, schemaErrors } from './cli.js';
import { BEARER, KEY, TOKEN } from './owner-api-values.js';
import { youtube } from '../platforms/youtube/api-server.js';
import { metaGraph } from '../platforms/meta-graph/api-server.js';
import { xApi } from '../platforms/x/api-server.js';

export let yt: ApiServer;
export let graph: ApiServer;
export let xapi: ApiServer;
export let elsewhere: ApiServer;
export const dir = mkdtempSync(join(tmpdir(), 'owner-apis-'));

/** Starts the local APIs before this test file's tests and stops them after (call it at the top of the file). */
export function serveOwnerApis(): void {
  beforeAll(async () => {
    elsewhere = await serveApi(() => ({ body: '{"items":[]}' }));
    yt = await serveApi((url) => youtube(url, elsewhere));
    graph = await serveApi(metaGraph);
    xapi = await serveApi(xApi);
  });
  afterAll(async () => {
    await Promise.all([yt, graph, xapi, elsewhere].map((s) => s.close()));
  });
}

export const ENV = { YT_KEY: KEY, META_TOKEN: TOKEN, X_TOKEN: BEARER };

/** Runs an audit of these profiles against the local APIs and returns the JSON report. */
export async function audit(profiles: string, env: Record<string, string> = ENV, settings = '', extra: string[] = []) {
  const file = join(dir, `inv-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    `company: Northwind
settings:
  hostIntervalMs: 0
  maxRetryAfterSeconds: 1
  endpoints:
    youtube: ${yt.url}
    youtubeApi: ${yt.url}
    graphApi: ${graph.url}
    xApi: ${xapi.url}
  auth:
    youtube: {env: YT_KEY, origin: ${yt.url}}
    facebook: {env: META_TOKEN, origin: ${graph.url}}
    instagram: {env: META_TOKEN, origin: ${graph.url}}
    x: {env: X_TOKEN, origin: ${xapi.url}}
${settings}
profiles:
${profiles}`,
  );
  const run = await cli(
    ['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q', ...extra],
    env,
  );
  expect(run.stderr).not.toContain('internal error');
  const report = JSON.parse(run.stdout) as Report;
  expect(schemaErrors(report)).toBeNull();
  return { report, run, one: (id: string) => report.profiles.find((p) => p.id === id) as ProfileResult };
}
