/**
 * The HTML report's print layout (src/render/html-print.ts) shortens parts of a card and of the identity
 * table by name: a rule aimed at "the 10th row of the card" silently clamped another row the day a row
 * was added above it. The page count itself is test/pdf.test.ts's (it needs a Chromium).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/index.js';
import { renderReport } from '../src/index.js';
import { sampleSpan } from '../src/render/format.js';
import { PRINT_STYLE } from '../src/render/html-print.js';

const demo = (): Report => JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));

describe('print layout', () => {
  it('targets what it shortens by class, never by position', () => {
    expect(PRINT_STYLE).not.toMatch(/nth-of-type/);
    expect(PRINT_STYLE).toContain('dl.metrics dd.sample');
    expect(PRINT_STYLE).toContain('section.identity .bio');
  });

  it("each measured card's sample row carries the class, and only that row", () => {
    const report = demo();
    const html = renderReport(report, 'html');
    const samples = [...html.matchAll(/<dt>([^<]*)<\/dt><dd class="sample">([^<]*)<\/dd>/g)];
    const measured = report.profiles.filter((p) => p.metrics !== null);
    expect(samples).toHaveLength(measured.length);
    for (const [i, m] of samples.entries()) {
      expect(m[1]).toBe('sample');
      expect(m[2]!.startsWith(sampleSpan(measured[i]!, report.settings.windowDays))).toBe(true);
    }
    expect(html.match(/<dd class=/g)).toHaveLength(measured.length);
  });

  it('the identity table wraps each bio it shows, so print can clamp it to two lines', () => {
    const html = renderReport(demo(), 'html');
    const identity = html.slice(
      html.indexOf('<section class="identity">'),
      html.indexOf('</section>', html.indexOf('<section class="identity">')),
    );
    expect(identity).toContain('<td data-label="bio"><span class="bio">Northwind Help — official account.</span></td>');
  });
});
