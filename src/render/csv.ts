/**
 * One row per profile with every metric, RFC 4180 quoting by csv-stringify. Safe to open in a
 * spreadsheet (OWASP CSV injection guidance): a formula's first character (=, +, -, @, tab, CR) gets a
 * single quote before it wherever a spreadsheet may start a cell — at the start of the cell, of any
 * line in it, and after any separator a spreadsheet app may split on (`,`, `;` in the many locales
 * whose decimal mark is a comma, tab), spaces and quotes between allowed — so `Help;=cmd|' /C calc'!A0`
 * stays text even where `;` splits it. Every cell holding CR or LF is quoted (csv-stringify leaves a
 * bare LF unquoted under CRLF row ends). Terminal controls never reach a cell: the renderer reads a
 * display copy of the report (model/display-text.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { ProfileResult } from '../model/index.js';
import { fromDisplayCopy } from './sanitize.js';
import type { Renderer } from './types.js';

type Cell = string | number | boolean | null | undefined;

/**
 * A formula's first character where a cell may start: the start of the text, of a line, or after a
 * separator, with any spaces and quotes before it (a spreadsheet may trim the spaces, a naive reader
 * the quotes around a cell).
 */
const FORMULA_START = /(?<=(?:^|[\r\n,;\t])[ "']*)[=+\-@\t\r]/g;

/** Neutralises a text cell that a spreadsheet would read as a formula; numbers are left as numbers. */
export function neutralise(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return cell.replace(FORMULA_START, "'$&");
}

const list = <T>(items: T[], show: (item: T) => string) => items.map(show).join('; ');

/** The columns, in order: header → value of one profile. */
const COLUMNS: Array<[string, (p: ProfileResult) => Cell]> = [
  ['id', (p) => p.id],
  ['name', (p) => p.name],
  ['url', (p) => p.url],
  ['platform', (p) => p.platform],
  ['owner', (p) => p.owner],
  ['tags', (p) => p.tags.join('; ')],
  ['status', (p) => p.status],
  ['statusReason', (p) => p.statusReason],
  ['verdict', (p) => p.verdict],
  ['verdictReason', (p) => p.verdictReason],
  ['basis', (p) => p.basis],
  ['basisNote', (p) => p.basisNote],
  ['internalError', (p) => p.internal],
  ['handle', (p) => p.account.handle],
  ['displayName', (p) => p.account.displayName],
  ['followers', (p) => p.account.followers],
  ['accountPosts', (p) => p.account.posts],
  ['accountCreatedAt', (p) => p.account.createdAt],
  ['bioLink', (p) => p.account.bioLink],
  ['source', (p) => p.source],
  ['httpStatus', (p) => p.fetch.httpStatus],
  ['finalUrl', (p) => p.fetch.finalUrl],
  ['fetchError', (p) => p.fetch.error],
  ['apiService', (p) => p.api?.service],
  ['apiCredential', (p) => p.api?.credential],
  ['apiUsed', (p) => p.api?.used],
  ['apiCalls', (p) => p.api?.calls],
  ['apiUnits', (p) => p.api?.units],
  ['apiBudget', (p) => p.api?.budget],
  ['apiNotes', (p) => p.api?.notes.join('; ')],
  ['sampleMethod', (p) => p.metrics?.sample.method],
  ['sampleSize', (p) => p.metrics?.sample.size],
  ['samplePosts', (p) => p.metrics?.sample.posts],
  ['sampleFrom', (p) => p.metrics?.sample.from],
  ['sampleTo', (p) => p.metrics?.sample.to],
  ['sampleExtended', (p) => p.metrics?.sample.extended],
  ['sampleComplete', (p) => p.metrics?.sample.complete],
  ['sampleIncompleteReason', (p) => p.metrics?.sample.incompleteReason],
  ['sampleNote', (p) => p.metrics?.sample.note],
  ['rejectedRows', (p) => p.metrics?.sample.rejectedRows],
  ['postsAnalyzed', (p) => p.metrics?.postsAnalyzed],
  ['undatedPosts', (p) => p.metrics?.undatedPosts],
  ['futurePosts', (p) => p.metrics?.futurePosts],
  ['firstPostAt', (p) => p.metrics?.firstPostAt],
  ['lastPostAt', (p) => p.metrics?.lastPostAt],
  ['daysSinceLastPost', (p) => p.metrics?.daysSinceLastPost],
  ['postsPerWeek30d', (p) => p.metrics?.postsPerWeek30d],
  ['repliesPerWeek30d', (p) => p.metrics?.repliesPerWeek30d],
  ['repostsPerWeek30d', (p) => p.metrics?.repostsPerWeek30d],
  ['postsPerWeek90d', (p) => p.metrics?.postsPerWeek90d],
  ['postsLast90d', (p) => p.metrics?.postsLast90d],
  ['postsPrev90d', (p) => p.metrics?.postsPrev90d],
  ['medianGapDays', (p) => p.metrics?.medianGapDays],
  ['longestGapDays', (p) => p.metrics?.longestGapDays],
  ['goneQuiet', (p) => p.metrics?.goneQuiet],
  ['collapsing', (p) => p.metrics?.collapsing],
  ['weeklyPosts', (p) => p.metrics?.weeklyPosts.map((w) => (w === null ? '?' : String(w))).join(' ')],
  // the rates above that are only lower bounds, and why: "postsPerWeek30d ≥ (reading stopped after …)"
  [
    'lowerBounds',
    (p) =>
      Object.entries(p.metrics?.lowerBounds ?? {})
        .map(([name, why]) => `${name} ≥ (${why})`)
        .join('; '),
  ],
  ['originals', (p) => p.metrics?.originals],
  ['selfThreads', (p) => p.metrics?.selfThreads],
  ['mentions', (p) => p.metrics?.mentions],
  ['replies', (p) => p.metrics?.replies],
  ['reposts', (p) => p.metrics?.reposts],
  ['conversationRatio', (p) => p.metrics?.conversationRatio],
  ['promoRatio', (p) => p.metrics?.promoRatio],
  ['promoPosts', (p) => p.metrics?.promoPosts],
  ['promoMarkers', (p) => list(p.metrics?.promoMarkers ?? [], (m) => `${m.marker} (${m.count})`)],
  ['repliesAnalyzed', (p) => p.metrics?.repliesAnalyzed],
  ['cannedReplies', (p) => p.metrics?.cannedReplies],
  ['cannedRatio', (p) => p.metrics?.cannedRatio],
  ['templates', (p) => p.metrics?.templateCount],
  ['templatesPer1000Replies', (p) => p.metrics?.templatesPer1000Replies],
  ['top5Coverage', (p) => p.metrics?.top5Coverage],
  ['topTemplate', (p) => p.metrics?.templates[0]?.text],
  ['topTemplateCount', (p) => p.metrics?.templates[0]?.count],
  [
    'signatures',
    (p) =>
      list(
        p.metrics?.signatures ?? [],
        (s) =>
          `${s.tag} (${s.count}${s.templateShare === null ? '' : `, ${Math.round(s.templateShare * 100)}% canned`})`,
      ),
  ],
  ['medianResponseMinutes', (p) => p.metrics?.medianResponseMinutes],
  ['p90ResponseMinutes', (p) => p.metrics?.p90ResponseMinutes],
  ['responseTimesMeasured', (p) => p.metrics?.responseTimesMeasured],
  ['audienceReplies', (p) => p.metrics?.audienceReplies],
  ['answeredReplies', (p) => p.metrics?.answeredReplies],
  ['answeredRate', (p) => p.metrics?.answeredRate],
  ['answeredBy', (p) => list(p.metrics?.answeredBy ?? [], (b) => `${b.by}: ${b.count}`)],
  ['questions', (p) => p.metrics?.questions],
  ['questionAnsweredRate', (p) => p.metrics?.questionAnsweredRate],
  ['medianAnswerMinutes', (p) => p.metrics?.medianAnswerMinutes],
  ['unansweredOverWeek', (p) => p.metrics?.unansweredOverWeek],
  ['oldestUnanswered', (p) => p.metrics?.unanswered?.[0]?.text],
  ['threadsRead', (p) => p.metrics?.threadsRead],
  ['threadsWithReplies', (p) => p.metrics?.threadsWithReplies],
  ['unavailable', (p) => list(Object.entries(p.metrics?.unavailable ?? {}), ([k, why]) => `${k}: ${why}`)],
  ['freshnessScore', (p) => p.scores.freshness],
  ['conversationScore', (p) => p.scores.conversation],
  ['authenticityScore', (p) => p.scores.authenticity],
  ['score', (p) => p.scores.overall],
  ['findings', (p) => list(p.findings, (f) => `${f.severity}: ${f.code}${f.change ? ` (${f.change})` : ''}`)],
];

export const CSV_HEADER = COLUMNS.map(([name]) => name);

export const renderCsv: Renderer = fromDisplayCopy((report) =>
  stringify([CSV_HEADER, ...report.profiles.map((p) => COLUMNS.map(([, value]) => neutralise(value(p))))], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  }),
);
