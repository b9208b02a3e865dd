/**
 * Reading a saved JSON report (a baseline, a report to diff, a shard to merge). Reports of this
 * schemaVersion written before a field was added are upgraded by filling it in; a report from a newer
 * channel-audit, or a file that is not a report, is rejected with a message that says which.
 */
import { z } from 'zod';
import { ACTIVITY_WEEKS, SCHEMA_VERSION, STATUSES, type Report } from '../model/index.js';
import { findingDefinition } from '../scoring/findings/index.js';
import { companyActions, scoreDriver } from '../scoring/actions.js';
import { companyStrengths } from '../scoring/strengths.js';
import { verdictFor } from '../scoring/verdict.js';
import { ReportFileError } from './errors.js';
import { nestingProblem, olderReportSchemaProblem, reportReferenceProblem, reportSchemaProblem } from './validate.js';

export { ReportFileError } from './errors.js';

// only what comparing and merging rely on is checked; everything else is carried as it is
const finding = z.looseObject({
  code: z.string(),
  severity: z.enum(['critical', 'warning', 'info']),
  profileId: z.string().nullable(),
});
const shape = z.looseObject({
  schemaVersion: z.number(),
  company: z.string(),
  asOf: z.string(),
  generatedAt: z.string(),
  settings: z.looseObject({}),
  profiles: z.array(
    z.looseObject({
      id: z.string(),
      status: z.enum(['active', 'stale', 'abandoned', 'empty', 'unreachable', 'blocked', 'error']),
      findings: z.array(finding),
      metrics: z.looseObject({}).nullable(),
    }),
  ),
  findings: z.array(finding),
});

/** Fills in the fields added to schemaVersion 1 after a report was written. */
function upgrade(report: Record<string, unknown>): Report {
  const r = report as unknown as Report;
  for (const f of [...r.findings, ...r.profiles.flatMap((p) => p.findings)]) {
    f.change ??= null;
    f.title ??= findingDefinition(f.code)?.title ?? f.code;
  }
  // an older report did not keep its --fail-on: unknown (rendered as `report` rendered it before, never)
  r.failOn ??= null;
  r.summary.thinByStatus ??= Object.fromEntries(STATUSES.map((s) => [s, 0])) as Report['summary']['thinByStatus'];
  for (const p of r.profiles) {
    p.basis ??= null;
    p.basisNote ??= null;
    p.internal ??= false;
    p.api ??= null;
    // an older report did not record the account's facts: unknown, not made up
    p.account ??= {
      handle: null,
      displayName: null,
      followers: null,
      posts: null,
      createdAt: null,
      bioLink: null,
      bio: null,
      bioLinkStatus: null,
    };
    // nor, before the identity section, the bio; nor, before bio links were opened, what they showed
    p.account.bio ??= null;
    p.account.bioLinkStatus ??= null;
    if (p.verdict === undefined) Object.assign(p, verdictFor(p));
    const m = p.metrics;
    if (!m) continue;
    m.weeklyPosts ??= Array.from({ length: ACTIVITY_WEEKS }, () => null);
    // the sample's definition was written down later: what an older report did not record is unknown, not made up
    m.sample.posts ??= null;
    m.sample.fetched ??= m.sample.size;
    m.sample.from ??= null;
    m.sample.to ??= null;
    m.sample.extended ??= null;
    m.sample.complete ??= null;
    m.sample.incompleteReason ??= null;
    m.promoPosts ??= null;
    // older reports did not say: unknown, never a made-up zero; and no span was marked as a lower bound
    m.repliesPerWeek30d ??= null;
    m.repostsPerWeek30d ??= null;
    m.lowerBounds ??= {};
    m.cannedReplies ??= null;
    m.templateCount ??= null;
    m.templatesPer1000Replies ??= null;
    m.top5Coverage ??= null;
    for (const t of m.templates) {
      t.firstSeenAt ??= null;
      t.lastSeenAt ??= null;
      // an older report did not work out the script: its example is the nearest thing, with no slot marked
      t.skeleton ??= t.text;
      t.signedBy ??= null;
    }
    // an older report did not say how canned each agent's replies are: 0 would be a made-up number
    for (const sig of m.signatures as Array<{ templateShare: number | null }>) sig.templateShare ??= null;
  }
  r.summary.scoreDriver ??= scoreDriver(r.profiles, r.summary.score);
  r.actions ??= companyActions(r.profiles, r.findings);
  // worked out from what the report holds, as the actions are
  r.strengths ??= companyStrengths(r.profiles, r.settings);
  r.baseline ??= null;
  // an older comparison did not record metric changes: none claimed, never made up
  if (r.baseline) r.baseline.metricChanges ??= [];
  r.shard ??= null;
  r.interrupted ??= false;
  r.networkDown ??= null;
  r.website ??= null;
  r.branding ??= null;
  return r;
}

export function parseReport(text: string, file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(
      file,
      `not JSON (${(error as Error).message}); expected a report written with --format json`,
    );
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number')
    throw new ReportFileError(
      file,
      'not a channel-audit report (no schemaVersion); expected a report written with --format json',
    );
  if (version > SCHEMA_VERSION) {
    throw new ReportFileError(
      file,
      `written by a newer channel-audit (schemaVersion ${version}); this version reads schemaVersion ${SCHEMA_VERSION}: upgrade channel-audit`,
    );
  }
  if (version < 1 || !Number.isInteger(version)) throw new ReportFileError(file, `unknown schemaVersion ${version}`);
  const invalid = (problem: string) =>
    new ReportFileError(file, `not a valid channel-audit report: ${problem.slice(0, 300)}`);
  const tooDeep = nestingProblem(raw);
  if (tooDeep) throw invalid(tooDeep);
  const checked = shape.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    // the path is made of the report's own keys: printable characters only
    // eslint-disable-next-line no-control-regex
    throw invalid(
      `${
        issue.path
          .join('.')
          .replace(/[^\x20-\x7e]/g, '?')
          .slice(0, 120) || '(top level)'
      }: ${issue.message}`,
    );
  }
  // everything is checked before the upgrade reads it (a forged `metrics: {}` must not reach it) and
  // before any renderer: every field's type, then every reference between profiles and findings
  const before = olderReportSchemaProblem(raw) ?? reportReferenceProblem(raw as Report);
  if (before) throw invalid(before);
  const report = upgrade(raw as Record<string, unknown>); // the parsed text, not zod's output: key order is kept
  const problem = reportSchemaProblem(report) ?? reportReferenceProblem(report);
  if (problem) throw invalid(problem);
  return report;
}
