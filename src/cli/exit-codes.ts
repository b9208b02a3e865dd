/** Exit codes, as documented in README and --help. */
import { allFindings, SEVERITY_RANK, type Report, type Severity } from '../model/index.js';

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

export type FailOn = Severity | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['critical', 'warning', 'info', 'never'];

export function exitCodeFor(report: Report, failOn: FailOn): ExitCode {
  if (failOn === 'never') return ExitCode.Ok;
  const threshold = SEVERITY_RANK[failOn];
  return allFindings(report).some((f) => SEVERITY_RANK[f.severity] >= threshold) ? ExitCode.Findings : ExitCode.Ok;
}
