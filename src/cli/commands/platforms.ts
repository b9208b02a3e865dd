/** `channel-audit platforms`: the platforms it reads, from the registry (no adapter is loaded). */
import { PLATFORM_DEFINITIONS, platformsJson, platformsText } from '../../index.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { processIo, type CliIo } from '../io.js';
import { writeStdout } from '../output.js';

export async function platformsCommand(flags: { format?: string }, io: CliIo = processIo()): Promise<ExitCode> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: expected text or json, got "${format}"`);
  await writeStdout(io, format === 'json' ? platformsJson(PLATFORM_DEFINITIONS) : platformsText(PLATFORM_DEFINITIONS));
  return ExitCode.Ok;
}
