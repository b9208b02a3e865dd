/**
 * Everything fetched is untrusted. A hostile account (helpers/hostile.ts) is audited through the real
 * binary into every format: no formula reaches a spreadsheet, no markup or link reaches HTML or
 * Markdown, no control sequence reaches the terminal, and the XML stays well-formed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, schemaErrors } from './helpers/cli.js';
import { serveHostileMastodon } from './helpers/hostile.js';
import type { LocalServer } from './helpers/evidence-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-hostile-'));
let server: LocalServer & { profileUrl: string };
let inventory: string;
const ESC = '\u001b';

beforeAll(async () => {
  server = await serveHostileMastodon();
  inventory = join(tmp, 'hostile.yaml');
  writeFileSync(
    inventory,
    `company: "<b>Hostile</b> =1+1"\nwebsite: ${new URL(server.profileUrl).origin}/\nprofiles:\n  - url: ${server.profileUrl}\n    platform: mastodon\n`,
  );
});
afterAll(() => server.close());

const audit = (format: string, env: Record<string, string> = {}) =>
  cli(['audit', inventory, '--as-of', '2026-11-01', '--format', format, '--fail-on', 'never'], env);

describe('a hostile profile', () => {
  it('is measured, and its text is in the JSON report as it was (JSON is data, escaped by JSON itself)', async () => {
    const { code, stdout } = await audit('json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(schemaErrors(report)).toBeNull();
    expect(report.profiles[0].name).toContain('=HYPERLINK');
    expect(report.profiles[0].metrics.templates[0].text).toContain('<script>');
    // the website's links reach every report too: the hostile Facebook path stays percent-encoded
    expect(report.website.links.map((l: { url: string }) => l.url)).toEqual([
      'https://www.facebook.com/pages/%3Cscript%3Ewindow.__pwned%3D4%3C%2Fscript%3E%0A%3D1%2B1/123',
      'https://x.com/hostile_brand',
    ]);
  });

  it('CSV: no cell can become a formula', async () => {
    const { stdout } = await audit('csv');
    const rows: string[][] = parse(stdout);
    expect(rows).toHaveLength(2);
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const name = rows[1]![rows[0]!.indexOf('name')]!;
    expect(name.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows[1]![rows[0]!.indexOf('topTemplate')]!.startsWith("'@")).toBe(true);
  });

  it('HTML: no script, no javascript: link, no injected element', async () => {
    const { stdout } = await audit('html');
    const $ = cheerio.load(stdout);
    expect($('script').length).toBe(1); // the JSON data block only
    expect($('script').attr('type')).toBe('application/json');
    expect($('img').length).toBe(0);
    expect($('[onerror]').length).toBe(0);
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get()
        // links out, and the overview's links to the cards (ids are [A-Za-z0-9._-] by the inventory's schema)
        .filter((href) => !/^https?:/.test(href) && !/^#profile-[A-Za-z0-9._-]+$/.test(href)),
    ).toEqual([]);
    expect($('blockquote').first().text()).toContain('<script>window.__pwned="reply"</script>');
    expect($('h1').text()).toContain('<b>Hostile</b>');
    // the embedded JSON cannot close its element, and still parses back to the report
    const json = $('script#channel-audit-report').html()!;
    expect(json).not.toMatch(/<\/script/i);
    expect(JSON.parse(json).profiles[0].name).toContain('<script>');
  });

  it('Markdown: post text renders as text, never as HTML, links or images', async () => {
    const { stdout } = await audit('markdown');
    expect(stdout).not.toMatch(/<script|<img|<a /i);
    expect(stdout).not.toMatch(/(?<!\\)\](\(|<)javascript:/i); // an escaped \] makes no link
    expect(stdout).toContain('&lt;script&gt;');
    expect(stdout).toContain('\\[click here\\]');
    expect(stdout).not.toContain(ESC);
    // a pipe in a name cannot break the table row
    expect(
      stdout
        .split('\n')
        .filter((l) => l.startsWith('| ['))
        .every((l) => l.split(/(?<!\\)\|/).length === 12),
    ).toBe(true);
  });

  it('terminal: no control sequence from the profile reaches the screen, with or without colour', async () => {
    const plain = await audit('table');
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).not.toContain('\u0007');
    expect(plain.stdout).toContain('=HYPERLINK');
    const coloured = await audit('table', { FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\u001b\[3\dm/); // our own colours are there…
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain(ESC); // …and nothing else
  });

  it('JUnit: well-formed XML without control characters', async () => {
    const { stdout } = await audit('junit');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const $ = cheerio.load(stdout, { xml: true });
    expect($('testcase').length).toBe(2);
    expect($('testcase').eq(1).attr('name')).toContain('<script>');
  });
});
