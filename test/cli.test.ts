/** End to end: the built binary as a user runs it, against local servers and the demo evidence. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, DEMO, schemaErrors } from './helpers/cli.js';
import { serveEvidence, serveRoutes, type LocalServer } from './helpers/evidence-server.js';

const run = promisify(execFile);

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-'));
let masto: LocalServer, bsky: LocalServer, blog: LocalServer, xcom: LocalServer;

beforeAll(async () => {
  masto = await serveEvidence('fixtures/demo/evidence', 'https://social.northwind.example');
  bsky = await serveEvidence('fixtures/demo/evidence', 'https://public.api.bsky.app');
  blog = await serveEvidence('fixtures/demo/evidence', 'https://blog.northwind.example');
  // X sends logged-out readers to its login flow
  xcom = await serveRoutes({
    '/northwind': { status: 302, body: '', headers: { location: '/i/flow/login?redirect_after_login=%2Fnorthwind' } },
    '/i/flow/login?redirect_after_login=%2Fnorthwind': {
      type: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html><head><title>X</title></head><body></body></html>',
    },
  });
});
afterAll(async () => Promise.all([masto, bsky, blog, xcom].map((s) => s.close())));

function liveInventory(): string {
  const file = join(tmp, 'live.yaml');
  writeFileSync(
    file,
    `company: Local Test Co
settings:
  listenBudget: 4   # the deals account's threads: enough to see it ignores people, quick at 250 ms a request
  endpoints:
    bluesky: ${bsky.url}
profiles:
  - url: ${masto.url}/@northwind_deals
    platform: mastodon
  - url: ${masto.url}/@northwind_shop
    platform: mastodon
  - url: https://bsky.app/profile/northwindhelp.bsky.social
  - url: ${blog.url}/feed.xml
    platform: feed
  - url: ${xcom.url}/northwind
    platform: x
`,
  );
  return file;
}

describe('channel-audit audit (live, against 127.0.0.1)', () => {
  it('prints a JSON report that matches the published schema', async () => {
    const { code, stdout, stderr } = await cli(['audit', liveInventory(), '--format', 'json', '--as-of', '2026-11-01']);
    expect(stderr).toBe('');
    expect(code).toBe(1); // a dead profile link is critical
    const report = JSON.parse(stdout);
    expect(schemaErrors(report)).toBeNull();
    expect(report.profiles.map((p: { status: string }) => p.status)).toEqual([
      'active',
      'unreachable',
      'active',
      'active',
      'blocked',
    ]);
    const [deals, , help, blogResult, x] = report.profiles;
    expect(deals.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['broadcast-only', 'promo-heavy']),
    );
    // listening, live: 4 threads read of the posts people replied to, nobody answered
    expect(deals.metrics).toMatchObject({ threadsRead: 4, listenRequests: 4, answeredRate: 0 });
    expect(deals.metrics.threadsWithReplies).toBeGreaterThan(4);
    expect(help.findings.map((f: { code: string }) => f.code)).toContain('canned-responses');
    expect(help.metrics.signatures.length).toBe(5);
    expect(blogResult.metrics.conversationRatio).toBeNull();
    expect(blogResult.metrics.unavailable.conversationRatio).toMatch(/feed/);
    expect(x.statusReason).toMatch(/X\/Twitter login wall: X redirected to its login page/);
    expect(x.findings.map((f: { code: string; recommendation: string }) => [f.code, f.recommendation])).toEqual([
      [
        'unverifiable-profile',
        expect.stringMatching(/X: More → Settings and privacy → Your account → Download an archive/),
      ],
    ]);
  });

  it('exit codes follow --fail-on', async () => {
    const inv = liveInventory();
    expect((await cli(['audit', inv, '--as-of', '2026-11-01', '--fail-on', 'never'])).code).toBe(0);
    expect((await cli(['audit', inv, '--as-of', '2026-11-01', '--fail-on', 'info'])).code).toBe(1);
  });
});

describe('channel-audit audit (replay of the demo)', () => {
  it('prints the table: summary, statuses, findings and templates', async () => {
    const { code, stdout } = await cli([...DEMO, '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Northwind Outfitters — audit as of 2026-11-01 — score \d+ \([A-F]\) — 29 profiles/);
    for (const s of ['active', 'stale', 'abandoned', 'empty', 'unreachable', 'blocked']) expect(stdout).toContain(s);
    for (const p of ['youtube', 'reddit', 'threads', 'web', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok'])
      expect(stdout).toMatch(new RegExp(`│ ${p} +│`));
    expect(stdout).toContain('CRITICAL');
    expect(stdout).toContain('Top canned templates');
    expect(stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });

  it('matches the golden report (generatedAt aside)', async () => {
    // at --fail-on warning, the level every golden rendering's verdicts are at (the report keeps it)
    const { stdout } = await cli([...DEMO, '--format', 'json', '--fail-on', 'warning'], {
      SOURCE_DATE_EPOCH: '1793491200',
    });
    const report = JSON.parse(stdout);
    expect(schemaErrors(report)).toBeNull();
    const golden = 'test/golden/demo-report.json';
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, stdout); // UPDATE_GOLDEN=1 npm test, after a deliberate change
    expect(report).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('writes -o FILE atomically, in the format of its extension', async () => {
    const out = join(tmp, 'report.json');
    const { code, stdout } = await cli([...DEMO, '-o', out, '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it.each([
    ['report.md', /^# Social profile audit: Northwind Outfitters/],
    ['report.csv', /^id,name,url,platform,/],
    ['report.html', /^<!DOCTYPE html>/],
    ['report.xml', /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /],
  ])('-o %s writes that format', async (name, start) => {
    const out = join(tmp, name);
    const { code, stderr } = await cli([...DEMO, '-o', out, '--fail-on', 'never']);
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`wrote \\w+ report to .*${name}`));
    expect(readFileSync(out, 'utf8')).toMatch(start);
  });

  it('records evidence that replays to the same report', async () => {
    const dir = join(tmp, 'evidence');
    const first = await cli(['audit', liveInventory(), '--format', 'json', '--as-of', '2026-11-01', '--record', dir], {
      SOURCE_DATE_EPOCH: '0',
    });
    const inv = liveInventory();
    const second = await cli(['audit', inv, '--format', 'json', '--as-of', '2026-11-01', '--replay', dir], {
      SOURCE_DATE_EPOCH: '0',
    });
    const strip = (s: string) => JSON.parse(s).profiles.map((p: { source: string }) => ({ ...p, source: null }));
    expect(strip(second.stdout)).toEqual(strip(first.stdout));
  });

  it('fails clearly on a request that was not recorded', async () => {
    const empty = join(tmp, 'empty-dir');
    mkdirSync(empty, { recursive: true });
    const { stdout } = await cli([
      'audit',
      liveInventory(),
      '--format',
      'json',
      '--as-of',
      '2026-11-01',
      '--replay',
      empty,
    ]);
    expect(JSON.parse(stdout).profiles[0].statusReason).toMatch(
      /no recorded response for .* \(replay never goes to the network\)/,
    );
  });
});

describe('usage and inventory errors', () => {
  it('exits 2 with file, line and column for a malformed inventory', async () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'company: A\nprofiles:\n  - url: https://a.example/feed\n    platfrom: feed\n');
    const { code, stderr, stdout } = await cli(['audit', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:4:5: unknown key "platfrom" in profiles[0]: did you mean "platform"?`);
  });

  it.each([
    [['audit'], /missing required argument/],
    [
      ['audit', 'x.yaml', '--format', 'docx'],
      /--format: expected one of table, json, ndjson, markdown, csv, html, junit, pdf/,
    ],
    [['audit', 'x.yaml', '--as-of', 'yesterday'], /--as-of: expected a date/],
    [['audit', 'x.yaml', '--fail-on', 'sometimes'], /--fail-on: expected one of/],
    // issue 21, item 6: odd inputs answered plainly, before anything is fetched
    [['audit', 'x.yaml', '--as-of', '2026-02-30'], /--as-of: 2026-02 has no day 30, got "2026-02-30"/],
    [['audit', 'x.yaml', '--as-of', '2026-13-01'], /--as-of: there is no month 13/],
    [['audit', 'x.yaml', '--as-of', '2026-11-01T24:30:00Z'], /--as-of: expected a date/],
    [['audit', 'x.yaml', '--shard', '1/1000000'], /--shard: at most 1,000 shards \(one per CI runner\), got 1,000,000/],
    [
      ['audit', 'examples/inventory.yaml', '--replay', 'no-such-dir'],
      /--replay no-such-dir: no such evidence directory/,
    ],
  ])('%j exits 2', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds before the audit, and an inventory with no profiles', async () => {
    for (const epoch of ['abc', '1.5', '99999999999999999']) {
      const bad = await cli(DEMO, { SOURCE_DATE_EPOCH: epoch });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toMatch(/SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01/);
    }
    const empty = join(tmp, 'empty.yaml');
    writeFileSync(empty, 'company: A\nprofiles: []\n');
    const none = await cli(['audit', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${empty}:2:11: profiles: the list is empty, so there are no profiles to audit`);
  });

  it('validate accepts the example and init writes a starter that validates', async () => {
    expect((await cli(['validate', 'examples/inventory.yaml'])).code).toBe(0);
    const demo = await cli(['validate', 'fixtures/demo/inventory.yaml']);
    expect(demo.stdout).toMatch(/^ {2}x\.com-northwind {2}x {2}\(archive: exports\/x\/data\/tweets\.js\)$/m);
    expect(demo.stdout).toMatch(
      /^ {2}instagram\.com-northwind {2}instagram {2}\(archive: exports\/instagram-northwind\.zip\)$/m,
    );
    expect(demo.stdout).toMatch(
      /^ {4}the owner's Instagram download \(3 files\): 98 posts and 0 comments of its own; 3 comments under its own posts that answer nobody else counted as its own thread; read your_instagram_activity\/comments\/post_comments_1\.json, your_instagram_activity\/content\/posts_1\.json and your_instagram_activity\/content\/reels\.json, 2026-03-06 to 2026-10-28$/m,
    );
    expect(demo.stderr).toBe('');
    // a missing export, posts file or logo is an error at its line, in the same pass as every other problem
    const missing = join(tmp, 'missing-export.yaml');
    writeFileSync(
      missing,
      'company: A\nreport:\n  logo: nologo.png\nprofiles:\n  - url: https://x.com/a\n    archive: nope/tweets.js\n  - url: https://www.facebook.com/b\n    posts: nope.csv\n  - url: not a url\n',
    );
    const checked = await cli(['validate', missing]);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toBe('');
    expect(checked.stderr).toContain(`${missing}:3:9: report.logo: nologo.png not found`);
    expect(checked.stderr).toContain(`${missing}:6:14: profiles[0].archive: nope/tweets.js not found`);
    expect(checked.stderr).toContain(`${missing}:8:12: profiles[1].posts: nope.csv not found`);
    expect(checked.stderr).toMatch(
      new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:\\d+: profiles\\[2\\]\\.url`),
    );
    // one that is there but cannot be read is an error too, at its line
    writeFileSync(join(tmp, 'garbage-tweets.js'), 'not an archive');
    const garbled = join(tmp, 'garbled-export.yaml');
    writeFileSync(garbled, 'company: A\nprofiles:\n  - url: https://x.com/a\n    archive: garbage-tweets.js\n');
    const unreadable = await cli(['validate', garbled]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain(`${garbled}:4:14: profiles[0].archive: the export cannot be read: `);
    const file = join(tmp, 'starter.yaml');
    expect((await cli(['init', file])).code).toBe(0);
    // the header's commands name the file it was written to (issue 21, item 7)
    expect(readFileSync(file, 'utf8')).toContain(`# Check it with:  channel-audit validate ${file}\n`);
    expect((await cli(['validate', file])).code).toBe(0);
    expect((await cli(['init', file])).code).toBe(2);
  });

  it('--help documents the exit codes', async () => {
    const { code, stdout } = await cli(['audit', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('2  bad usage or a bad inventory file');
  });

  it.each([[['--help']], [[...DEMO, '--format', 'html', '--fail-on', 'never']]])(
    'stops quietly when the reader of stdout goes away: %j | head -c 20',
    async (args) => {
      const quoted = [BIN, ...args].map((a) => `'${a}'`).join(' ');
      const { stderr } = await run('sh', ['-c', `node ${quoted} | head -c 20 > /dev/null`], {
        env: { ...process.env, CI: '1', NO_COLOR: '1' },
      });
      expect(stderr).not.toMatch(/EPIPE|Unhandled|Error/);
    },
  );
});
