/** The command line as a function: arguments and IO in, exit code out; every error becomes a message and a code. */
import { CommanderError } from 'commander';
import { InventoryError } from '../config/errors.js';
import { MergeError, ReportFileError } from '../report/errors.js';
import { RunError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';

/** `argv` as process.argv gives it (node, script, arguments…). */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const program = buildProgram((c) => {
    code = c;
  }, io);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
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
}
