/** The exit code a report earns against --fail-on (kept apart from exit-codes.ts, which start-up loads: this needs the library). */
import { allFindings, type FailOn, failsAt, type Report } from '../index.js';
import { ExitCode } from './exit-codes.js';

/**
 * 1 when a finding is at or above --fail-on; with `onlyNew` (--fail-on-new), only findings that are new
 * against the baseline count, so a known problem does not keep the build red.
 */
export function exitCodeFor(report: Report, failOn: FailOn, onlyNew = false): ExitCode {
  const counted = allFindings(report).filter((f) => !onlyNew || f.change === 'new');
  return counted.some((f) => failsAt(f.severity, failOn)) ? ExitCode.Findings : ExitCode.Ok;
}
