#!/usr/bin/env node
/** The binary: runs the program and maps every error to a message on stderr and an exit code. */
import { CommanderError } from 'commander';
import { InventoryError } from '../config/errors.js';
import { MergeError, ReportFileError } from '../report/errors.js';
import { RunError, UsageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { buildProgram } from './program.js';

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof InventoryError) {
      process.stderr.write(`invalid inventory:\n${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof ReportFileError) {
      process.stderr.write(`error: cannot read report ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof MergeError) {
      process.stderr.write(`error: cannot merge: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof RunError) {
      process.stderr.write(`error: ${error.message}\n`);
      return ExitCode.RunFailed;
    }
    process.stderr.write(`channel-audit: the run failed: ${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.RunFailed;
  }
}

// a reader that stops early (`channel-audit … | head`) is not a failure: what it did not read is dropped;
// any other write failure (a full disk, /dev/full) is reported by the write that failed (writeStdout:
// one line, exit 3), never as an uncaught stack trace
process.stdout.on('error', () => undefined);

process.exitCode = await main(process.argv);
