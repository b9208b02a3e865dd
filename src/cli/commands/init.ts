/** `channel-audit init [FILE]`: write the commented starter inventory (examples/inventory.yaml). */
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

export const STARTER_URL = new URL('../../../examples/inventory.yaml', import.meta.url);

export async function initCommand(file: string, flags: { force?: boolean }): Promise<ExitCode> {
  const starter = await readFile(STARTER_URL, 'utf8');
  try {
    await writeFile(file, starter, { flag: flags.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists; use --force to overwrite it`);
    throw error;
  }
  process.stderr.write(`wrote ${file}: edit the company and profiles, then run: channel-audit audit ${file}\n`);
  return ExitCode.Ok;
}
