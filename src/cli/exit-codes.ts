/** Exit codes, as documented in README and --help. */
import { failsAt, type FailOn } from '../model/findings.js';
import { allFindings, type Report } from '../model/report.js';

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

export { FAIL_ON_LEVELS, type FailOn } from '../model/findings.js';

/**
 * 1 when a finding is at or above --fail-on; with `onlyNew` (--fail-on-new), only findings that are new
 * against the baseline count, so a known problem does not keep the build red.
 */
export function exitCodeFor(report: Report, failOn: FailOn, onlyNew = false): ExitCode {
  const counted = allFindings(report).filter((f) => !onlyNew || f.change === 'new');
  return counted.some((f) => failsAt(f.severity, failOn)) ? ExitCode.Findings : ExitCode.Ok;
}
