/**
 * `--format ndjson`: one JSON object per line, for pipelines that stream large audits (`jq -c`).
 * Each profile is a line `{"type":"profile", …the report's profile}`; the last line is
 * `{"type":"summary", …the rest of the report, "profileIds": [inventory order]}`. The report is
 * `summary` with `profiles` put back from the profile lines in `profileIds` order. The audit writes a
 * profile's line as soon as it is final, so the stream's profile order is the order they finished.
 */
import { displayCopy, type ProfileResult, type Report } from '../model/index.js';
import type { Renderer } from './types.js';

/** A profile's line, from its display copy (model/display-text.ts) as every format's text is. */
export function profileLine(profile: ProfileResult): string {
  return `${JSON.stringify({ type: 'profile', ...displayCopy(profile) })}\n`;
}

export function summaryLine(report: Report): string {
  const { profiles, ...rest } = displayCopy(report);
  return `${JSON.stringify({ type: 'summary', ...rest, profileIds: profiles.map((p) => p.id) })}\n`;
}

export const renderNdjson: Renderer = (report) => `${report.profiles.map(profileLine).join('')}${summaryLine(report)}`;
