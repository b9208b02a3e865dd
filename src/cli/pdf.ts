/**
 * `-o report.pdf`: the HTML report printed to an A4 PDF by a local Chromium, driven by playwright-core.
 *
 * playwright-core is a runtime dependency (about 14 MB of JavaScript, no dependencies of its own, no
 * install script): a PDF is the deliverable a client reads, so it must work after a plain install with
 * only a system Chromium added. It is imported here alone, when a PDF is asked for, so no other command
 * pays for loading it. It never downloads a browser: the one it drives is found on PATH or given with
 * --chromium, and where there is none the run stops before any work with how to get one — never an
 * HTML file named .pdf.
 *
 * The page is printed offline: the report is self-contained (its CSP forbids every external request
 * already), and every request the page might still make is aborted here as well, so a PDF never
 * depends on, or tells anyone about, the network.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { RunError, UsageError } from './errors.js';

/** The names a Chromium goes by on PATH, in the order they are looked for. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Chromium's switches for a headless print of a local page: no sandbox (containers, CI), no GPU, no background calls home. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const isExecutable = async (path: string): Promise<boolean> =>
  (await stat(path).catch(() => null))?.isFile() === true &&
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

async function onPath(names: readonly string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of names) {
      const path = resolve(join(dir, name));
      if (await isExecutable(path)) return path;
    }
  return null;
}

/**
 * The Chromium to print with: --chromium's path (or a bare name, looked up on PATH), else the first of
 * CHROMIUM_NAMES on PATH. A UsageError (exit 2) naming the file that cannot be written, and how to get
 * a Chromium, where there is none.
 */
export async function findChromium(file: string, given: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const found =
    given === undefined
      ? await onPath(CHROMIUM_NAMES, env)
      : given.includes('/')
        ? (await isExecutable(given))
          ? resolve(given)
          : null
        : await onPath([given], env);
  if (found) return found;
  const where = given === undefined ? `on PATH (${CHROMIUM_NAMES.join(', ')})` : `at ${given} (--chromium)`;
  throw new UsageError(
    `cannot write ${file}: no Chromium found ${where} (install chromium, e.g. \`apt-get install chromium\`, or pass --chromium PATH to its executable)`,
  );
}

/**
 * Prints an HTML page to A4 with its backgrounds and its own print CSS (its `@page` margins), with
 * every request the page makes aborted. `file` names the output in messages.
 */
export async function printPdf(html: string, chromium: string, file: string): Promise<Uint8Array> {
  const { chromium: driver } = await import('playwright-core');
  const browser = await driver.launch({ executablePath: chromium, args: CHROMIUM_ARGS }).catch((error: unknown) => {
    throw new RunError(`cannot write ${file}: Chromium (${chromium}) did not start: ${(error as Error).message}`);
  });
  try {
    // the report has no scripts (its CSP forbids them): none runs while printing either
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
