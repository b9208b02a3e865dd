/**
 * No command prints a warning from Node on stderr (issue 35, item 7): a CI log that says
 * "MaxListenersExceededWarning" or "ExperimentalWarning" alarms for nothing. Each command runs as the
 * built binary, as a user runs it; the live owner-API run reads many X profiles at once, where the
 * run's abort signal has the most waiters.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from './helpers/cli.js';
import { NODE_WARNING } from './helpers/node-warning.js';
import { ENV, graph, serveOwnerApis, xapi, yt } from './helpers/owner-apis.js';

serveOwnerApis();

const tmp = mkdtempSync(join(tmpdir(), 'node-warnings-'));

describe('no warnings from Node on stderr', () => {
  it('in a live owner-API audit of many X, YouTube and Facebook profiles at once', async () => {
    const file = join(tmp, 'live.yaml');
    const many = Array.from(
      { length: 14 },
      (_, i) => `  - url: https://x.com/northwind?n=${i}\n  - url: https://x.com/listened?n=${i}\n`,
    ).join('');
    writeFileSync(
      file,
      `company: N
settings:
  hostIntervalMs: 0
  endpoints: {xApi: ${xapi.url}, youtubeApi: ${yt.url}, youtube: ${yt.url}, graphApi: ${graph.url}}
  auth:
    x: {env: X_TOKEN, origin: ${xapi.url}}
    youtube: {env: YT_KEY, origin: ${yt.url}}
    facebook: {env: META_TOKEN, origin: ${graph.url}}
profiles:
${many}  - url: https://www.youtube.com/@northwind
  - url: https://www.facebook.com/northwind
`,
    );
    const run = await cliProcess(['audit', file, '--as-of', '2026-11-01', '--fail-on', 'never', '-q'], ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(NODE_WARNING);
  });
  // every other command: test/readme-usage.test.ts runs each README line as the built binary and checks its
  // stderr for the same warnings (audit, validate, report, diff, merge, history, compare, platforms, init, discover)
});
