/** `channel-audit audit FILE`: run the audit and print or write the report; the exit code follows --fail-on. */
import { stat } from 'node:fs/promises';
import { runAudit } from '../../audit.js';
import { loadInventory } from '../../config/load.js';
import { RecordingHttpClient, ReplayHttpClient } from '../../http/evidence.js';
import { LiveHttpClient } from '../../http/live.js';
import type { HttpClient } from '../../http/types.js';
import type { Report } from '../../model/index.js';
import { compareReports } from '../../report/compare.js';
import { formatForFile, RENDERERS, type Format } from '../../render/index.js';
import { TOOL, USER_AGENT } from '../../tool.js';
import { colorLevel } from '../color.js';
import { UsageError } from '../errors.js';
import { exitCodeFor, type ExitCode } from '../exit-codes.js';
import { parseAsOf, parseFailOn, parseFormat, parsePositiveInt } from '../options.js';
import { writeAtomically, writeStdout } from '../output.js';
import { createProgress, progressEnabled } from '../progress.js';
import { readReportFile } from '../read-report.js';

export interface AuditFlags {
  format?: string;
  output?: string;
  asOf?: string;
  failOn: string;
  record?: string;
  replay?: string;
  concurrency?: string;
  timeout?: string;
  quiet?: boolean;
  baseline?: string;
  failOnNew?: boolean;
}

function chooseFormat(flags: AuditFlags): Format {
  if (flags.format) return parseFormat(flags.format);
  if (flags.output) {
    const implied = formatForFile(flags.output);
    if (!implied) throw new UsageError(`-o ${flags.output}: cannot tell the format from the extension; add --format`);
    return implied;
  }
  return 'table';
}

export async function auditCommand(file: string, flags: AuditFlags): Promise<ExitCode> {
  if (flags.record && flags.replay) throw new UsageError('--record and --replay cannot be used together');
  if (flags.replay && !(await stat(flags.replay).then((s) => s.isDirectory(), () => false))) {
    throw new UsageError(`--replay ${flags.replay}: no such evidence directory (record one with --record)`);
  }
  if (flags.failOnNew && !flags.baseline) throw new UsageError('--fail-on-new needs --baseline PREVIOUS.json to know what is new');
  const format = chooseFormat(flags);
  const baseline = flags.baseline ? await readReportFile(flags.baseline, '--baseline') : null;
  const failOn = parseFailOn(flags.failOn);
  const asOf = flags.asOf ? parseAsOf(flags.asOf) : new Date();
  const inventory = await loadInventory(file);
  if (flags.concurrency) inventory.settings.concurrency = parsePositiveInt('--concurrency', flags.concurrency);
  if (flags.timeout) inventory.settings.timeoutMs = parsePositiveInt('--timeout', flags.timeout);

  let http: HttpClient = flags.replay
    ? new ReplayHttpClient(flags.replay)
    : new LiveHttpClient({ userAgent: USER_AGENT, timeoutMs: inventory.settings.timeoutMs });
  if (flags.record) http = new RecordingHttpClient(http, flags.record);

  const progress = createProgress(progressEnabled(process.env, flags.quiet ?? false), inventory.profiles.length);
  let report: Report;
  try {
    report = await runAudit(inventory, {
      http,
      asOf,
      generatedAt: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
      source: flags.replay ? 'replay' : 'live',
      tool: TOOL,
      onProfileDone: (result, done, total) => progress.update(result, done, total),
    });
  } finally {
    progress.stop();
    await http.close();
  }

  if (baseline) report = compareReports(baseline, report);
  const rendered = RENDERERS[format](report, {
    colorLevel: colorLevel(process.env, Boolean(flags.output)),
    width: flags.output ? null : (process.stdout.columns ?? null),
    failOn,
  });
  if (flags.output) {
    await writeAtomically(flags.output, rendered);
    if (!flags.quiet) process.stderr.write(`wrote ${format} report to ${flags.output}\n`);
  } else {
    await writeStdout(rendered);
  }
  return exitCodeFor(report, failOn, flags.failOnNew ?? false);
}
