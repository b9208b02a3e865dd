/** The consultant's branding (issue 15, item 9): the inventory's `report:` section, through to every format. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { cli } from './helpers/cli.js';

const golden = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

describe('branding', () => {
  it("carries the demo's preparedBy, intro, accent colour and logo into the JSON, HTML, Markdown and table", () => {
    const b = golden().branding!;
    expect(b.preparedBy).toBe('Example Consulting');
    expect(b.accentColor).toBe('#0b5394');
    expect(b.logo).toBe(`data:image/png;base64,${readFileSync('fixtures/demo/branding/logo.png').toString('base64')}`);
    const html = readFileSync('test/golden/demo-report.html', 'utf8');
    expect(html).toContain(':root { --accent: #0b5394; }');
    expect(html).toContain(`<img class="logo" src="${b.logo}" alt="Example Consulting">`);
    expect(html).toContain('<p class="prepared">Prepared by Example Consulting for Northwind Outfitters</p>');
    expect(readFileSync('test/golden/demo-report.md', 'utf8')).toContain('_Prepared by Example Consulting._');
    expect(readFileSync('test/golden/demo-report.txt', 'utf8')).toContain('Prepared by Example Consulting');
  });

  it.each([
    [
      'an SVG',
      'logo.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      /report\.logo: logo\.svg is not a PNG, JPEG, GIF or WebP image \(SVG is refused: it can carry scripts\)/,
    ],
    ['a missing file', 'nope.png', null, /report\.logo: nope\.png not found/],
    [
      'a file over 1 MiB',
      'big.png',
      Buffer.concat([readFileSync('fixtures/demo/branding/logo.png'), Buffer.alloc(1024 * 1024)]),
      /is \d+ bytes; a logo may be at most 1048576 bytes/,
    ],
  ])('refuses %s as the logo, with its line and column (exit 2)', async (_, name, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'channel-audit-brand-'));
    if (content !== null) writeFileSync(join(dir, name), content);
    const file = join(dir, 'inv.yaml');
    writeFileSync(file, `company: A\nreport:\n  logo: ${name}\nprofiles:\n  - url: https://a.example/feed\n`);
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:9: `));
    expect(run.stderr).toMatch(message);
  });

  it('refuses a logo outside the folder and a colour that is not one, in the same pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'channel-audit-brand-'));
    const file = join(dir, 'inv.yaml');
    writeFileSync(
      file,
      'company: A\nreport:\n  logo: ../logo.png\n  accentColor: red\n  colour: "#fff"\nprofiles:\n  - url: https://a.example/feed\n',
    );
    const run = await cli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/:3:9: report\.logo: \.\.\/logo\.png is outside the inventory's folder/);
    expect(run.stderr).toMatch(/:4:16: report\.accentColor: expected a colour such as "#0b5394"/);
    expect(run.stderr).toMatch(
      /:5:3: unknown key "colour" in report: did you mean "accentColor"\?|:5:3: unknown key "colour" in report/,
    );
  });

  it('renders a saved branded report again with its logo, and an unbranded one without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'channel-audit-brand-'));
    cpSync('test/golden/demo-report.json', join(dir, 'r.json'));
    await cli(['report', join(dir, 'r.json'), '-o', join(dir, 'r.html')]);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('class="logo"');
    const plain = { ...golden(), branding: null };
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(plain));
    await cli(['report', join(dir, 'plain.json'), '-o', join(dir, 'plain.html')]);
    expect(readFileSync(join(dir, 'plain.html'), 'utf8')).not.toContain('class="branding"');
  });
});
