/**
 * Headless Chromium for the HTML report tests: Debian's `chromium` driven by playwright-core (never a
 * browser download). Where it is not installed the tests skip with this message, except under CI,
 * where `.ci/run` installs it and its absence is a failure.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_MESSAGE = `headless Chromium not found at ${CHROMIUM}: the HTML report's browser tests are skipped (apt-get install -y chromium, or set CHROMIUM_PATH)`;

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
