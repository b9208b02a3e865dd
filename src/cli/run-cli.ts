/** The command line as a function: arguments and IO in, exit code out; every error becomes a message and a code. */
import { CommanderError } from 'commander';
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
    return (await import('./failure.js')).reportFailure(error, io);
  }
}
