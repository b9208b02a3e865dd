/**
 * What the command line says, and the exit code, for an error a command threw. Loaded only when one
 * is thrown (run-cli.ts), so starting the program loads none of the error classes' modules.
 */
import { InventoryError, MergeError, ReportFileError, terminalText } from '../index.js';
import { RunError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/**
 * The message goes to a terminal: what it quotes (a company name from a forged report, a profile id,
 * an inventory value, a server's error) is shown without control, bidi or zero-width characters.
 */
export function reportFailure(error: unknown, given: CliIo): ExitCode {
  const io = { stderr: { write: (text: string) => given.stderr.write(terminalText(text)) } };
  if (error instanceof InventoryError) {
    io.stderr.write(`invalid inventory:\n${error.message}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof ReportFileError) {
    io.stderr.write(`error: cannot read report ${error.message}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof MergeError) {
    io.stderr.write(`error: cannot merge: ${error.message}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.Usage;
  }
  if (error instanceof RunError) {
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.RunFailed;
  }
  io.stderr.write(`channel-audit: the run failed: ${(error as Error)?.stack ?? String(error)}\n`);
  return ExitCode.RunFailed;
}
