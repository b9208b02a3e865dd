#!/usr/bin/env node
/** The binary: runs the command line on the process's own arguments and streams. */
import { processIo } from './io.js';
import { runCli } from './run-cli.js';

// a reader that stops early (`channel-audit … | head`) is not a failure: what it did not read is dropped;
// any other write failure (a full disk, /dev/full) is reported by the write that failed (writeStdout:
// one line, exit 3), never as an uncaught stack trace
process.stdout.on('error', () => undefined);
// stderr carries progress, notes and "wrote …" lines: one that cannot be written (`2>/dev/full`, a closed
// terminal) loses only those, never the run's result or its exit code (the report is on stdout or in -o)
process.stderr.on('error', () => undefined);

process.exitCode = await runCli(process.argv, processIo());
