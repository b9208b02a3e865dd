/**
 * An owner download that cannot be read says what would help — which download to request, where, in
 * which format — never "re-run the audit"; and `validate` shows the span of dates the audit uses.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditInventory, loadInventory, type Report, ReplayHttpClient, validateInventory } from '../src/index.js';

const AS_OF = new Date('2025-06-01T00:00:00Z');

function inventoryWith(profiles: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ca-advice-'));
  mkdirSync(join(dir, 'evidence'));
  writeFileSync(join(dir, 'inventory.yaml'), `company: Northwind\nprofiles:\n${profiles}`);
  return dir;
}

async function audit(dir: string): Promise<Report> {
  const inventory = await loadInventory(join(dir, 'inventory.yaml'));
  return auditInventory(inventory, {
    http: new ReplayHttpClient(join(dir, 'evidence')),
    asOf: AS_OF,
    generatedAt: AS_OF,
  });
}

const failure = (report: Report, id: string) =>
  report.profiles.find((p) => p.id === id)!.findings.find((f) => f.code === 'fetch-failed')!;

describe('advice that fits the failure', () => {
  it("names where each platform's download is requested, and in which format", async () => {
    const dir = inventoryWith(
      [
        '  - {id: fb, url: https://www.facebook.com/northwind, archive: fb}',
        '  - {id: tt, url: https://www.tiktok.com/@northwind, archive: tt}',
        '  - {id: posts, url: https://www.northwind.example/news, posts: posts.csv}',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'fb', 'messages'), { recursive: true });
    writeFileSync(join(dir, 'fb', 'messages', 'inbox.json'), '{}');
    mkdirSync(join(dir, 'tt'));
    writeFileSync(join(dir, 'tt', 'readme.txt'), 'nothing');
    writeFileSync(join(dir, 'posts.csv'), 'not,a,posts,file\n1,2,3,4\n');
    const report = await audit(dir);
    const fb = failure(report, 'fb');
    expect(fb.recommendation).toMatch(/Download your information.*JSON/);
    expect(failure(report, 'tt').recommendation).toMatch(/Download your data.*JSON/);
    expect(failure(report, 'posts').recommendation).toMatch(/posts file/);
    for (const id of ['fb', 'tt', 'posts']) expect(failure(report, id).recommendation).not.toMatch(/Re-run the audit/);
  });

  it('says an archive: of a platform without a download reader takes a posts file instead', async () => {
    const dir = inventoryWith('  - {id: rd, url: https://www.reddit.com/user/northwind, archive: rd.zip}');
    writeFileSync(join(dir, 'rd.zip'), 'PK');
    const report = await audit(dir);
    expect(report.profiles[0]!.statusReason).toMatch(/Reddit has no owner download this tool reads.*posts:/);
  });
});

describe('validate', () => {
  it('shows the span of dates the audit uses: a 1970 date is a misread one, not the start', async () => {
    const dir = inventoryWith('  - {id: m, url: https://mastodon.example/@northwind, archive: outbox.json}');
    const note = (id: string, published: string) => ({
      type: 'Create',
      published,
      object: {
        id,
        type: 'Note',
        published,
        content: '<p>News</p>',
        to: ['https://www.w3.org/ns/activitystreams#Public'],
      },
    });
    const outbox = {
      orderedItems: [
        note('https://mastodon.example/users/northwind/statuses/1', '1970-01-20T00:00:00Z'),
        note('https://mastodon.example/users/northwind/statuses/2', '2025-01-02T10:00:00Z'),
      ],
    };
    writeFileSync(join(dir, 'outbox.json'), JSON.stringify(outbox));
    const { profiles } = await validateInventory(join(dir, 'inventory.yaml'));
    const check = profiles[0]!.download;
    expect(check).toMatchObject({ found: true, read: { ok: true } });
    const summary = (check as { read: { summary: string } }).read.summary;
    expect(summary).toContain('2025-01-02 to 2025-01-02');
    expect(summary).not.toContain('1970');
  });
});
