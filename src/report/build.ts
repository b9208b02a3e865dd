/** Builds the versioned JSON report object from profile results; deterministic key and profile order. */
import {
  allFindings,
  SCHEMA_VERSION,
  STATUSES,
  THIN_BASES,
  type Finding,
  type Settings,
  type ShardInfo,
  type ProfileResult,
  type Report,
  type Status,
  type WebsiteCheck,
  type ReportBranding,
  type NetworkDown,
  type FailOn,
} from '../model/index.js';
import { companyFindings } from '../scoring/company.js';
import { makeFinding } from '../scoring/evaluate.js';
import { grade, weightedMean } from '../scoring/scores.js';
import { companyActions, scoreDriver } from '../scoring/actions.js';
import { companyStrengths } from '../scoring/strengths.js';
import { verdictFor } from '../scoring/verdict.js';
import { websiteFindings } from '../scoring/website.js';

export interface ReportContext {
  company: string;
  settings: Settings;
  asOf: Date;
  generatedAt: Date;
  tool: { name: string; version: string };
  /** The run's --fail-on level, kept in the report so every rendering of it gives the same verdicts. */
  failOn?: FailOn | null;
  /** Set when the run audited one shard of the inventory (`--shard I/N`). */
  shard?: ShardInfo | null;
  /** The run was stopped (Ctrl-C, SIGTERM) before every profile was audited. */
  interrupted?: boolean;
  /** Most hosts could not be reached from this machine (audit.ts, networkDown). */
  networkDown?: NetworkDown | null;
  /** The inventory's website, read, its links matched to the whole inventory. */
  website?: WebsiteCheck | null;
  /** The consultant's branding (the inventory's `report:` section). */
  branding?: ReportBranding | null;
}

/**
 * A profile with the findings the website gives it (a link to it while it is dead or abandoned, no
 * link while it is live), in the order the website check lists them. The report applies this to every
 * profile; a streamed profile (`--format ndjson`) gets the same, so the two are identical.
 */
export function profileWithWebsite(p: ProfileResult, website: WebsiteCheck | null): ProfileResult {
  if (!website) return p;
  const own = websiteFindings(website, [p]).filter((f) => f.profileId === p.id);
  if (own.length === 0) return p;
  const findings = [...p.findings, ...own.map((f) => makeFinding(f.code, f.severity, f.profileId, f.evidence))];
  // a link from the website to a dead profile can make the worst finding, and so the verdict's reason
  return { ...p, ...verdictFor({ ...p, findings }), findings };
}

export function buildReport(unlinked: ProfileResult[], ctx: ReportContext): Report {
  const results = unlinked.map((p) => profileWithWebsite(p, ctx.website ?? null));
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const thinByStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of results) {
    byStatus[p.status]++;
    if (p.basis !== null && THIN_BASES.has(p.basis)) thinByStatus[p.status]++;
  }
  const score = weightedMean(results.map((p) => [p.scores.overall, 1]));
  const findings: Finding[] = companyFindings(results).map((f) => makeFinding(f.code, f.severity, null, f.evidence));
  if (ctx.website) {
    for (const f of websiteFindings(ctx.website, results)) {
      if (f.profileId === null) findings.push(makeFinding(f.code, f.severity, null, f.evidence));
    }
  }
  const all = allFindings({ findings, profiles: results });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: ctx.tool,
    company: ctx.company,
    asOf: ctx.asOf.toISOString(),
    generatedAt: ctx.generatedAt.toISOString(),
    settings: ctx.settings,
    failOn: ctx.failOn ?? null,
    summary: {
      profiles: results.length,
      byStatus,
      thinByStatus,
      score,
      grade: grade(score),
      scoreDriver: scoreDriver(results, score),
      findingsBySeverity: {
        critical: all.filter((f) => f.severity === 'critical').length,
        warning: all.filter((f) => f.severity === 'warning').length,
        info: all.filter((f) => f.severity === 'info').length,
      },
    },
    profiles: results,
    findings,
    actions: companyActions(results, findings),
    strengths: companyStrengths(results, ctx.settings),
    baseline: null,
    shard: ctx.shard ?? null,
    interrupted: ctx.interrupted ?? false,
    networkDown: ctx.networkDown ?? null,
    website: ctx.website ?? null,
    branding: ctx.branding ?? null,
  };
}
