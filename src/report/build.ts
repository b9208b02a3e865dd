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
} from '../model/index.js';
import { companyFindings } from '../scoring/company.js';
import { makeFinding } from '../scoring/evaluate.js';
import { grade, weightedMean } from '../scoring/scores.js';
import { websiteFindings } from '../scoring/website.js';

export interface ReportContext {
  company: string;
  settings: Settings;
  asOf: Date;
  generatedAt: Date;
  tool: { name: string; version: string };
  /** Set when the run audited one shard of the inventory (`--shard I/N`). */
  shard?: ShardInfo | null;
  /** The run was stopped (Ctrl-C, SIGTERM) before every profile was audited. */
  interrupted?: boolean;
  /** The inventory's website, read, its links matched to the whole inventory. */
  website?: WebsiteCheck | null;
}

export function buildReport(results: ProfileResult[], ctx: ReportContext): Report {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const thinByStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of results) {
    byStatus[p.status]++;
    if (p.basis !== null && THIN_BASES.has(p.basis)) thinByStatus[p.status]++;
  }
  const score = weightedMean(results.map((p) => [p.scores.overall, 1]));
  const findings: Finding[] = companyFindings(results).map((f) => makeFinding(f.code, f.severity, null, f.evidence));
  if (ctx.website) {
    const byId = new Map(results.map((p) => [p.id, p]));
    for (const f of websiteFindings(ctx.website, results)) {
      const finding = makeFinding(f.code, f.severity, f.profileId, f.evidence);
      if (f.profileId === null) findings.push(finding);
      else byId.get(f.profileId)!.findings.push(finding);
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
    summary: {
      profiles: results.length,
      byStatus,
      thinByStatus,
      score,
      grade: grade(score),
      findingsBySeverity: {
        critical: all.filter((f) => f.severity === 'critical').length,
        warning: all.filter((f) => f.severity === 'warning').length,
        info: all.filter((f) => f.severity === 'info').length,
      },
    },
    profiles: results,
    findings,
    baseline: null,
    shard: ctx.shard ?? null,
    interrupted: ctx.interrupted ?? false,
    website: ctx.website ?? null,
  };
}
