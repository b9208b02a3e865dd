/** Exit codes, as documented in README and --help. */
import { allFindings, failsAt, type FailOn, type Report } from '../model/index.js';

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

export { FAIL_ON_LEVELS, type FailOn } from '../model/index.js';

export function exitCodeFor(report: Report, failOn: FailOn): ExitCode {
  return allFindings(report).some((f) => failsAt(f.severity, failOn)) ? ExitCode.Findings : ExitCode.Ok;
}
