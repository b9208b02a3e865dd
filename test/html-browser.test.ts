/**
 * The HTML report in headless Chromium: it renders with no console errors and no network requests, a
 * hostile post's script never runs, and a screenshot is saved to test-artifacts/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERERS } from '../src/render/index.js';
import { hasChromium, launchChromium, SKIP_MESSAGE } from './helpers/browser.js';
import { cli, demoAt } from './helpers/cli.js';
import type { LocalServer } from './helpers/evidence-server.js';
import { serveHostileMastodon } from './helpers/hostile.js';

const tmp = mkdtempSync(join(tmpdir(), 'channel-audit-html-'));
const ARTIFACTS = 'test-artifacts';

if (!hasChromium) {
  if (process.env.CI) throw new Error(`${SKIP_MESSAGE} — under CI, .ci/run must install it`);
  console.warn(SKIP_MESSAGE);
}

// every test drives Chromium (a full-page screenshot and a PDF of the 29-profile demo among them): on a busy
// 2-core CI machine that took over 20 s, so the timeout is a guard against a hang, not a speed budget
describe.skipIf(!hasChromium)('the HTML report in headless Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let hostile: LocalServer & { profileUrl: string };
  beforeAll(async () => {
    browser = await launchChromium();
    hostile = await serveHostileMastodon();
  }, 60_000); // Chromium's start-up on a busy 2-core machine can take longer than the default 10 s
  afterAll(async () => {
    await browser?.close();
    await hostile?.close();
  });

  /** Opens a file, collecting console messages, page errors, dialogs and every request. */
  async function open(file: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on(
      'console',
      (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`),
    );
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(resolve(file)).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems, requests: requests.filter((r) => r !== url) };
  }

  /**
   * How far the page sticks out to the right at its viewport: the root's scroll width, the viewport, and the
   * first few elements whose right edge is past it (the page must never scroll sideways).
   */
  async function overflow(page: Page): Promise<{ viewport: number; scroll: number; wide: string[] }> {
    return page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            documentElement: { clientWidth: number; scrollWidth: number };
            querySelectorAll(
              s: string,
            ): ArrayLike<{ getBoundingClientRect(): { right: number }; tagName: string; className: unknown }>;
          };
        }
      ).document;
      const viewport = doc.documentElement.clientWidth;
      const wide = Array.from(doc.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > viewport + 1)
        .map((el) => `${el.tagName}.${String(el.className)}`);
      return { viewport, scroll: doc.documentElement.scrollWidth, wide: wide.slice(0, 5) };
    });
  }

  it('renders the demo report offline, with no errors, and saves a screenshot', async () => {
    const report = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
    const file = join(tmp, 'demo.html');
    writeFileSync(file, RENDERERS.html(report, { colorLevel: 0, width: null, failOn: 'warning' }));
    const { page, problems, requests } = await open(file);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('article.card').count()).toBe(report.profiles.length);
    // a card with posts gets its chart; one with nothing to chart says so in a sentence
    const charted = report.profiles.filter((p: { metrics: { weeklyPosts: Array<number | null> } | null }) =>
      p.metrics?.weeklyPosts.some((w) => w !== null && w > 0),
    ).length;
    expect(await page.locator('svg.activity').count()).toBe(charted);
    expect(await page.locator('p.nochart').count()).toBe(report.profiles.length - charted);
    expect(await page.locator('.grade').textContent()).toBe(report.summary.grade);
    const embedded = JSON.parse((await page.locator('script#channel-audit-report').textContent())!);
    expect(embedded).toEqual(report);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'demo-report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, 'demo-report.pdf'), pdf);
  });

  it.each([360, 800, 1280])(
    'fits a %i px wide window: no element wider than the viewport, the summary and overview first',
    async (width) => {
      const report = JSON.parse(readFileSync('test/golden/demo-report.json', 'utf8'));
      const file = join(tmp, `demo-${width}.html`);
      writeFileSync(file, RENDERERS.html(report, { colorLevel: 0, width: null, failOn: 'warning' }));
      const { page, problems, requests } = await open(file);
      await page.setViewportSize({ width, height: 900 });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      // nothing may stick out to the right: the page never scrolls sideways
      const out = await overflow(page);
      expect(out.wide, `wider than ${out.viewport}px`).toEqual([]);
      expect(out.scroll).toBeLessThanOrEqual(out.viewport);
      // the executive page (issue 36, item 3) and the overview come before everything else
      const headings = await page.locator('h2').allTextContents();
      expect(headings.slice(0, 4)).toEqual(['What to do first', 'By platform', 'Who does what', 'Overview']);
      expect(await page.locator('section.exec-page ul.verdict-counts li').count()).toBe(4);
      expect(await page.locator('table.platforms tbody tr').count()).toBe(
        new Set(report.profiles.map((p: { platform: string | null }) => p.platform)).size,
      );
      expect(await page.locator('ol.actions li').count()).toBe(report.actions.length);
      expect(await page.locator('table.overview tbody tr').count()).toBe(report.profiles.length);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.locator('section.executive').screenshot({ path: join(ARTIFACTS, `summary-${width}.png`) });
      await page.locator('table.overview').screenshot({ path: join(ARTIFACTS, `overview-${width}.png`) });
    },
  );

  it('shows the history page of small multiples at 360 and 1280 px without overflow, errors or requests', async () => {
    const reports = join(tmp, 'nights');
    mkdirSync(reports, { recursive: true });
    for (const date of ['2026-09-01', '2026-11-01'])
      await cli([...demoAt(date), '--fail-on', 'never', '-q', '-o', join(reports, `${date}.json`)]);
    const file = join(tmp, 'history.html');
    expect((await cli(['history', reports, '-o', file])).code).toBe(0);
    for (const width of [360, 1280]) {
      const { page, problems, requests } = await open(file);
      await page.setViewportSize({ width, height: 900 });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const { scroll, viewport } = await overflow(page);
      expect(scroll - viewport).toBeLessThanOrEqual(0);
      expect(await page.locator('div.panel').count()).toBe(29);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `history-${width}.png`) });
    }
  });

  it('shows the competitor benchmark (compare) at 360, 800 and 1280 px without overflow, errors or requests', async () => {
    // the golden page of `channel-audit compare`: the demo against two competitors (test/compare.test.ts)
    for (const width of [360, 800, 1280]) {
      const { page, problems, requests } = await open('test/golden/compare.html');
      await page.setViewportSize({ width, height: 900 });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const out = await overflow(page);
      expect({ scroll: out.scroll - out.viewport, wide: out.wide.length }).toEqual({ scroll: 0, wide: 0 });
      expect(await page.locator('h1').textContent()).toMatch(/Northwind Outfitters/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `compare-${width}.png`), fullPage: false });
    }
  });

  it("never runs a hostile post's script or follows its javascript: links", async () => {
    const inventory = join(tmp, 'hostile.yaml');
    writeFileSync(inventory, `company: Hostile\nprofiles:\n  - url: ${hostile.profileUrl}\n    platform: mastodon\n`);
    const file = join(tmp, 'hostile.html');
    const { code } = await cli(['audit', inventory, '--as-of', '2026-11-01', '-o', file, '--fail-on', 'never', '-q']);
    expect(code).toBe(0);
    const { page, problems, requests } = await open(file);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('blockquote').first().textContent()).toContain('<script>');
    // links out are http(s) only; the rest are the overview's links to the cards on the page
    const hrefs = await page.locator('a').evaluateAll((as) =>
      as.map((a) => {
        const link = a as unknown as { protocol: string; getAttribute(name: string): string | null };
        return link.getAttribute('href')?.startsWith('#profile-') ? 'in-page' : link.protocol;
      }),
    );
    expect(hrefs.every((p) => p === 'http:' || p === 'https:' || p === 'in-page')).toBe(true);
  });
});
