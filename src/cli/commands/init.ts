/**
 * `channel-audit init [FILE]`: write the commented starter inventory (examples/inventory.yaml), or with
 * `--from-site URL` an inventory of the profiles the company's website links to. Never overwrites a
 * file without --force.
 */
import { writeFile } from 'node:fs/promises';
import {
  DEFAULT_SETTINGS,
  inventoryFromWebsite,
  platformName,
  plural,
  type SiteScan,
  starterInventory,
  terminalSafe,
} from '../../index.js';
import { RunError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { liveClient, type ClientFlags } from '../http-client.js';
import { parseHttpUrl } from '../options.js';

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

export async function initCommand(file: string, flags: InitFlags, io: CliIo = processIo()): Promise<ExitCode> {
  if (!flags.fromSite) {
    await write(file, await starterInventory(file), flags.force ?? false);
    io.stderr.write(`wrote ${file}: edit the company and profiles, then run: channel-audit audit ${file}\n`);
    return ExitCode.Ok;
  }
  const site = parseHttpUrl('--from-site', flags.fromSite);
  const http = liveClient(DEFAULT_SETTINGS, flags, io.env);
  let fromSite: { scan: SiteScan; text: string | null };
  try {
    fromSite = await inventoryFromWebsite(site, { http, file });
  } finally {
    await http.close();
  }
  const { scan, text } = fromSite;
  if (text === null) throw new RunError(`cannot read ${site}: ${scan.error}; nothing written`);
  await write(file, text, flags.force ?? false);
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
