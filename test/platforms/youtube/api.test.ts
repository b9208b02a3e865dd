/**
 * A YouTube channel read through the YouTube Data API v3 (issue 18) against a local server in the API's
 * documented format: every upload, the comment threads and the channel's own replies, quotas and budgets, and the
 * public feed when the variable is not set.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/index.js';
import { cli } from '../../helpers/cli.js';
import { KEY } from '../../helpers/owner-api-values.js';
import { audit, dir, ENV, elsewhere, serveOwnerApis, yt } from '../../helpers/owner-apis.js';

serveOwnerApis();

describe('YouTube Data API v3', () => {
  it('reads every upload past the feed, the comment threads, and the channel own replies', async () => {
    const before = yt.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n');
    const p = one('yt');
    expect(p.status).toBe('active');
    expect(p.metrics!.sample.method).toBe('api');
    expect(p.account).toMatchObject({ handle: '@northwind', followers: 4200, posts: 60 });
    // 59 public videos (one private left out) and the channel's 2 replies, past the feed's 15
    expect(p.metrics!.sample.note).toContain('59 videos from the uploads playlist (all of them)');
    expect(p.metrics!.sample.note).toContain('1 private or deleted upload left out');
    expect(p.metrics!.replies).toBe(2);
    expect(p.metrics!.medianResponseMinutes).toBe(165); // 90 and 240 minutes
    expect(p.metrics!.audienceReplies).toBeGreaterThan(0);
    expect(p.metrics!.unanswered!.map((u) => u.text)).toContain('Does it ship to Canada?');
    // channels, 2 playlist pages, 2 statistics calls, 2 comment threads, 1 comments page
    expect(p.api).toEqual({
      service: 'YouTube Data API v3',
      credential: 'YT_KEY',
      used: true,
      calls: 8,
      units: 8,
      unit: 'quota unit',
      budget: null,
      notes: [],
    });
    const mine = yt.requests.slice(before);
    expect(mine).toHaveLength(8);
    for (const r of mine) {
      expect(r.headers['x-goog-api-key']).toBe(KEY);
      expect(r.url).not.toContain(KEY);
    }
  });

  it('says why: a spent quota is blocked, a refused key is credential-refused (its public feed read instead), an unknown handle is unreachable', async () => {
    const { one } = await audit(
      ['@quota', '@badkey', '@gone']
        .map((h) => `  - url: https://www.youtube.com/${h}\n    id: ${h.slice(1)}\n`)
        .join(''),
    );
    expect(one('quota').status).toBe('blocked');
    expect(one('quota').statusReason).toMatch(
      /^the YouTube Data API quota is spent \(quotaExceeded: The request cannot be completed because you have exceeded your quota\.\): could not tell/,
    );
    expect(one('badkey').api).toMatchObject({
      used: false,
      refused: { reason: expect.stringMatching(/^HTTP 400 API_KEY_INVALID: API key not valid/) },
    });
    expect(one('badkey').findings.find((f) => f.code === 'credential-refused')).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(
        /^the YouTube Data API v3 refused YT_KEY \(HTTP 400 API_KEY_INVALID: API key not valid.*\): the public source was read instead$/,
      ),
    });
    expect(one('gone').status).toBe('unreachable');
    expect(one('gone').statusReason).toContain('knows no channel for @gone');
  });

  it('lets --fail-on decide the exit for a refused key, and reads its public page', async () => {
    const inventory = '  - url: https://www.youtube.com/@badkey\n    id: badkey\n';
    const warned = await audit(inventory, undefined, '', ['--fail-on', 'warning']);
    expect(warned.one('badkey').findings.map((f) => [f.code, f.severity])).toContainEqual([
      'credential-refused',
      'warning',
    ]);
    expect(warned.one('badkey').fetch.finalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@badkey$/); // its public page
    expect(warned.run.code).toBe(1);
  });

  it('stops at the budget, and reads the public feed when the budget is spent before a profile', async () => {
    // with a run budget of 3 units, shared by the platform's profiles
    const budgeted = await auditWithBudget(3);
    const ids = budgeted.report.profiles.map((p) => p.api!);
    const used = ids.filter((a) => a.used);
    const fellBack = ids.filter((a) => !a.used);
    expect(used).toHaveLength(1);
    expect(used[0]!.units).toBe(3);
    expect(used[0]!.notes.join()).toContain(
      'the YouTube Data API v3 budget of 3 quota units for YT_KEY is spent: the read stopped there',
    );
    expect(fellBack).toHaveLength(1);
    expect(fellBack[0]!.notes[0]).toMatch(
      /budget of 3 quota units for YT_KEY is spent before this profile: the public source was read instead/,
    );
    const feed = budgeted.report.profiles.find((p) => !p.api!.used)!;
    expect(feed.metrics!.sample.method).toBe('feed');
  });

  it('reads the public feed, with a note, when the variable is not set', async () => {
    const before = yt.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', {});
    const p = one('yt');
    expect(p.metrics!.sample.method).toBe('feed');
    expect(p.api).toMatchObject({
      used: false,
      calls: 0,
      notes: ['YT_KEY is not set, so the YouTube Data API v3 was not used: the public source was read instead'],
    });
    expect(yt.requests.slice(before).every((r) => r.headers['x-goog-api-key'] === undefined)).toBe(true);
  });

  it('replays a run recorded without the variable from its recorded public source', async () => {
    const evidence = join(dir, 'recorded-public');
    await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', {}, '', ['--record', evidence]);
    const { one } = await audit('  - url: https://www.youtube.com/@northwind\n    id: yt\n', ENV, '', [
      '--replay',
      evidence,
    ]);
    expect(one('yt').metrics!.sample.method).toBe('feed');
    expect(one('yt').api!.notes).toEqual([
      'the recording holds no YouTube Data API v3 answers for this profile: its recorded public source was read',
    ]);
  });

  it('never follows the API to another origin with the key', async () => {
    const before = elsewhere.requests.length;
    const { one } = await audit('  - url: https://www.youtube.com/@moved\n    id: moved\n');
    expect(one('moved').status).toBe('error');
    expect(one('moved').statusReason).toMatch(
      /the API redirected to another origin \(http:\/\/127\.0\.0\.1:\d+\); its credential goes only to/,
    );
    expect(elsewhere.requests.length).toBe(before);
  });
});

async function auditWithBudget(units: number) {
  const file = join(dir, `budget-${units}.yaml`);
  writeFileSync(
    file,
    `company: Northwind
settings:
  hostIntervalMs: 0
  concurrency: 1
  hostConcurrency: 1
  endpoints: {youtube: ${yt.url}, youtubeApi: ${yt.url}}
  auth: {youtube: {env: YT_KEY, budget: ${units}, origin: ${yt.url}}}
profiles:
  - url: https://www.youtube.com/@northwind
    id: first
  - url: https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv
    id: second
`,
  );
  const run = await cli(['audit', file, '--as-of', '2026-11-01', '--format', 'json', '--fail-on', 'never', '-q'], ENV);
  return { report: JSON.parse(run.stdout) as Report };
}
