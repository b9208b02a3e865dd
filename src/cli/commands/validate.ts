/** `channel-audit validate FILE`: check an inventory without fetching anything. */
import { loadInventory } from '../../config/load.js';
import { ExitCode } from '../exit-codes.js';
import { adapterFor } from '../../platforms/registry.js';

export async function validateCommand(file: string): Promise<ExitCode> {
  const inventory = await loadInventory(file);
  const unknown = inventory.profiles.filter((p) => !adapterFor(p));
  process.stdout.write(`${file}: valid — ${inventory.company}, ${inventory.profiles.length} profiles\n`);
  for (const p of unknown) {
    process.stderr.write(`note: no adapter recognises ${p.url}; it will be reported as "error" unless you set platform:\n`);
  }
  return ExitCode.Ok;
}
