/** The commented starter inventory `init` writes: examples/inventory.yaml, shipped with the package. */
import { readFile } from 'node:fs/promises';

const STARTER_URL = new URL('../../examples/inventory.yaml', import.meta.url);

/**
 * The starter inventory's text, its header commands naming `file` (the file it will be written to)
 * instead of the example's own name.
 */
export async function starterInventory(file = 'channel-audit.yaml'): Promise<string> {
  return starterFor(file, await readFile(STARTER_URL, 'utf8'));
}

export function starterFor(file: string, starter: string): string {
  return starter.replace(/^(# (?:Check|Audit) it with: +channel-audit \w+ )inventory\.yaml$/gm, `$1${shellWord(file)}`);
}

/** A file name as a shell word: quoted when it has anything but letters, digits and ./_- in it. */
export function shellWord(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
}
