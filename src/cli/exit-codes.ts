/** Exit codes, as documented in docs/commands.md and --help. */
export const ExitCode = {
  /** Nothing at or above the --fail-on level. */
  Ok: 0,
  /** Findings at or above the --fail-on level. */
  Findings: 1,
  /** Bad usage or a bad inventory file. */
  Usage: 2,
  /** The run itself failed. */
  RunFailed: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
