/**
 * `channel-audit init [FILE]`: write the commented starter inventory (examples/inventory.yaml), or with
 * `--from-site URL` an inventory of the profiles the company's website links to. Never overwrites a
 * file without --force.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS } from '../../config/defaults.js';
import { inventoryFromSite } from '../../discovery/inventory-yaml.js';
import { platformName, plural } from '../../model/index.js';
import { readSite } from '../../discovery/read-site.js';
import { RunError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { liveClient, type ClientFlags } from '../http-client.js';
import { parseHttpUrl } from '../options.js';
import { terminalSafe } from '../../render/sanitize.js';

export const STARTER_URL = new URL('../../../examples/inventory.yaml', import.meta.url);

export interface InitFlags extends ClientFlags {
  force?: boolean;
  fromSite?: string;
}

async function write(file: string, text: string, force: boolean): Promise<void> {
  try {
    await writeFile(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${file} already exists; use --force to overwrite it`);
    throw error;
  }
}

/** The starter's header commands name the file it is written to, not the example's own name. */
export function starterFor(file: string, starter: string): string {
  return starter.replace(/^(# (?:Check|Audit) it with: +channel-audit \w+ )inventory\.yaml$/gm, `$1${shellWord(file)}`);
}

/** A file name as a shell word: quoted when it has anything but letters, digits and ./_- in it. */
function shellWord(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
}

export async function initCommand(file: string, flags: InitFlags, io: CliIo = processIo()): Promise<ExitCode> {
  if (!flags.fromSite) {
    await write(file, starterFor(file, await readFile(STARTER_URL, 'utf8')), flags.force ?? false);
    io.stderr.write(`wrote ${file}: edit the company and profiles, then run: channel-audit audit ${file}\n`);
    return ExitCode.Ok;
  }
  const site = parseHttpUrl('--from-site', flags.fromSite);
  const http = liveClient(DEFAULT_SETTINGS, flags, io.env);
  let scan: Awaited<ReturnType<typeof readSite>>;
  try {
    scan = await readSite(site, http);
  } finally {
    await http.close();
  }
  if (scan.error) throw new RunError(`cannot read ${site}: ${scan.error}; nothing written`);
  await write(
    file,
    inventoryFromSite(scan, `channel-audit init --from-site ${site}`, shellWord(file)),
    flags.force ?? false,
  );
  // a page's URL and error come from the site: shown without control, bidi or zero-width characters
  for (const page of scan.pages)
    if (page.error) io.stderr.write(`note: ${terminalSafe(page.url)}: ${terminalSafe(page.error)}\n`);
  const platforms = [...new Set(scan.profiles.map((p) => platformName(p.platform)))].join(', ');
  const read = scan.pages.filter((p) => p.error === null).length;
  io.stderr.write(
    `wrote ${file}: ${plural(scan.profiles.length, 'profile')}${platforms ? ` (${platforms})` : ''} linked from ${plural(read, 'page')} read of ${site}\n`,
  );
  return ExitCode.Ok;
}
