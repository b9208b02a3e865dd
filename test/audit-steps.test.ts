/** Errors are results at every step: an exception in one profile's analysis or scoring never ends the run. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTimeline } from '../src/analysis/analyze.js';
import { runAudit, type AuditOptions } from '../src/audit.js';
import { loadInventory } from '../src/config/load.js';
import type { HttpClient } from '../src/http/types.js';
import { AS_OF } from './helpers/builders.js';
import { schemaErrors } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ca-steps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (daysAgo: number[]) =>
  [
    'date,text,isReply',
    ...daysAgo.map((d, i) => `${new Date(AS_OF.getTime() - d * 86_400_000).toISOString()},post ${i},${i % 2 === 0}`),
  ].join('\n');
writeFileSync(join(dir, 'a.csv'), rows([1, 3, 5, 8]));
writeFileSync(join(dir, 'b.csv'), rows([2, 4, 6]));
writeFileSync(join(dir, 'c.csv'), rows([300]));
writeFileSync(
  join(dir, 'inventory.yaml'),
  [
    'company: Steps',
    'profiles:',
    ...['a', 'b', 'c'].flatMap((n) => [`  - url: https://${n}.example/`, `    posts: ${n}.csv`]),
  ].join('\n'),
);

const noNetwork: HttpClient = {
  get: () => Promise.reject(new Error('no network in this test')),
  close: () => Promise.resolve(),
};

const options = (overrides: Partial<AuditOptions> = {}): AuditOptions => ({
  http: noNetwork,
  asOf: AS_OF,
  generatedAt: AS_OF,
  source: 'live',
  tool: { name: 'channel-audit', version: 'test' },
  ...overrides,
});

describe('a step that throws for one profile', () => {
  it('analysis: that profile is error "analysis failed: …" with internal: true; the others are audited', async () => {
    const inventory = await loadInventory(join(dir, 'inventory.yaml'));
    const report = await runAudit(
      inventory,
      options({
        analyze: (timeline, asOf, settings) => {
          if (timeline.sourceUrl === 'b.csv')
            throw new TypeError("Cannot read properties of undefined (reading 'kind')");
          return analyzeTimeline(timeline, asOf, settings);
        },
      }),
    );
    expect(report.profiles.map((p) => [p.id, p.status, p.internal])).toEqual([
      ['a.example', 'active', false],
      ['b.example', 'error', true],
      ['c.example', 'abandoned', false],
    ]);
    const b = report.profiles[1]!;
    expect(b.statusReason).toBe("analysis failed: Cannot read properties of undefined (reading 'kind')");
    expect(b.metrics).toBeNull();
    expect(b.findings.map((f) => f.code)).toEqual(['fetch-failed']);
    expect(report.summary.byStatus).toMatchObject({ active: 1, error: 1, abandoned: 1 });
    expect(schemaErrors(report)).toBeNull();
  });

  it('a profile whose fetch fails is error without internal: the profile failed, not channel-audit', async () => {
    const inventory = await loadInventory(join(dir, 'inventory.yaml'));
    inventory.profiles.push({
      ...inventory.profiles[0]!,
      id: 'live',
      url: 'https://bsky.app/profile/x.bsky.social',
      export: null,
    });
    const report = await runAudit(inventory, options());
    const live = report.profiles.at(-1)!;
    expect(live.status).toBe('error');
    expect(live.internal).toBe(false); // a network failure is the profile's, not a bug
    expect(report.profiles.slice(0, 3).map((p) => p.status)).toEqual(['active', 'active', 'abandoned']);
  });

  it('the status rests on what it says: posts from an export, and one post alone is thin evidence', async () => {
    const report = await runAudit(await loadInventory(join(dir, 'inventory.yaml')), options());
    expect(report.profiles.map((p) => [p.basis, p.basisNote])).toEqual([
      ['posts', "from 4 posts since 2026-10-24 read from the owner's export"],
      ['posts', "from 3 posts since 2026-10-26 read from the owner's export"],
      ['single-item', 'from 1 dated post'],
    ]);
    expect(report.summary.thinByStatus.abandoned).toBe(1);
    const abandoned = report.profiles[2]!.findings.find((f) => f.code === 'abandoned-profile')!;
    expect(abandoned.message).toBe('last post 9 months ago (2026-01-05), from 1 dated post');
  });
});
