/** A series of saved reports of one inventory, over nights (`channel-audit history`). */
import type { Grade, ReportBranding, Status, Verdict } from './report.js';

/** One profile in one report. Every value null where the report did not have the profile or the metric. */
export interface HistoryPoint {
  asOf: string;
  status: Status | null;
  verdict: Verdict | null;
  score: number | null;
  postsPerWeek30d: number | null;
  conversationRatio: number | null;
  cannedRatio: number | null;
}

export interface ProfileHistory {
  id: string;
  name: string | null;
  /** The profile's address, so a profile without a name is named as in every other format (wording's profileName). */
  url: string;
  platform: string | null;
  /** One point per report, oldest first. */
  points: HistoryPoint[];
}

export interface HistoryReportRef {
  file: string;
  asOf: string;
  generatedAt: string;
  score: number | null;
  grade: Grade | null;
  byStatus: Record<Status, number>;
  findings: { critical: number; warning: number; info: number };
}

/** What makes the newest report worse than the ones before it: each reason names its rule. */
export interface Regression {
  /** How many reports before the newest were compared (`--window N`). */
  window: number;
  worse: boolean;
  /** Each way it is worse, in words ("company score 51, best of the last 7: 60"). */
  reasons: string[];
}

export interface History {
  company: string;
  /** Oldest first. */
  reports: HistoryReportRef[];
  profiles: ProfileHistory[];
  regression: Regression;
  /** The newest report's branding (logo, prepared by, accent colour), for the history page; null without one. */
  branding: ReportBranding | null;
}
