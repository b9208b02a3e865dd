/** Plain-text forms of report values shared by the renderers (no escaping here: each format escapes its own). */
import {
  ago,
  duration,
  LINK_SOURCE,
  plural,
  profileName,
  SMALL_SAMPLE,
  THIN_BASES,
  type Metrics,
  type ProfileResult,
  type Report,
  type UnansweredQuestion,
} from '../model/index.js';

/** A ratio 0..1 as a whole percentage, the one rounding every format uses; a missing value is an em dash. */
export const pct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
export const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));
/** Posts per week, always with one decimal. */
export const perWeek = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));

type Rate = 'postsPerWeek30d' | 'postsPerWeek90d' | 'repliesPerWeek30d' | 'repostsPerWeek30d';
/** A rate of the metrics, "≥ 93.0" where the source was read back over only part of its span (metrics.lowerBounds). */
export const rate = (m: Metrics | null | undefined, name: Rate): string => {
  const v = m?.[name];
  if (v === null || v === undefined) return '—';
  return m?.lowerBounds?.[name] ? `≥ ${perWeek(v)}` : perWeek(v);
};

/**
 * What the profile publishes a week over 30 days, with its replies and reposts beside it: "3.0 posts,
 * 19.0 reposts, 4.0 replies a week"; the reason where a figure is a lower bound.
 */
export function cadenceText(m: Metrics): string {
  const parts = [`${rate(m, 'postsPerWeek30d')} posts`];
  if (m.repostsPerWeek30d != null) parts.push(`${rate(m, 'repostsPerWeek30d')} reposts`);
  if (m.repliesPerWeek30d != null) parts.push(`${rate(m, 'repliesPerWeek30d')} replies`);
  const bound = m.lowerBounds?.postsPerWeek30d;
  return `${parts.join(', ')} a week (30 days)${bound ? `: at least, ${bound}` : ''}`;
}

/** A ratio with its counts when they are few: "2 of 3" below SMALL_SAMPLE items, else "67%". */
/** A ratio over so few items that its counts say more than a percentage. */
const fewItems = (ratio: number | null, count: number | null, of: number | null): boolean =>
  ratio !== null && count !== null && of !== null && of < SMALL_SAMPLE;
function countedRatio(ratio: number | null, count: number | null, of: number | null): string {
  return fewItems(ratio, count, of) ? `${count} of ${of}` : pct(ratio);
}
const ownPosts = (m: Metrics) => m.originals + m.selfThreads + m.mentions;
export const conversationText = (m: Metrics | null | undefined): string =>
  m ? countedRatio(m.conversationRatio, m.replies, ownPosts(m) + m.replies) : '—';
export const promoText = (m: Metrics | null | undefined): string =>
  m ? countedRatio(m.promoRatio, m.promoPosts, ownPosts(m)) : '—';
export const cannedText = (m: Metrics | null | undefined): string =>
  m ? countedRatio(m.cannedRatio, m.cannedReplies, m.repliesAnalyzed) : '—';

/** The basis in words when the status rests on thin evidence (page dates, a single item), else null. */
export const thinEvidence = (p: ProfileResult): string | null =>
  p.basis !== null && THIN_BASES.has(p.basis) ? p.basisNote : null;

/** "abandoned — from 1 post visible on a partly walled page" for a status on thin evidence; else the status. */
export function statusText(p: ProfileResult): string {
  const thin = thinEvidence(p);
  return thin ? `${p.status} — ${thin}` : p.status;
}

/** Each status with profiles, in the order given: its count, "4 (1 on thin evidence)", and "4 abandoned (1 on thin evidence)". */
export function statusCounts(
  report: Report,
  statuses: readonly ProfileResult['status'][],
): Array<{ status: ProfileResult['status']; count: string; text: string }> {
  return statuses
    .filter((s) => report.summary.byStatus[s] > 0)
    .map((s) => {
      const n = report.summary.byStatus[s];
      const thin = report.summary.thinByStatus?.[s] ?? 0;
      const of = thin > 0 ? ` (${thin} on thin evidence)` : '';
      return { status: s, count: `${n}${of}`, text: `${n} ${s}${of}` };
    });
}

/**
 * What the conversation, promo and canned metrics were counted over: "last 180 days, 212 posts" or
 * "newest 20 posts, back to 2025-03-02", with "(incomplete: …)" when the source showed less.
 */
export function sampleSpan(p: ProfileResult, windowDays: number): string {
  const s = p.metrics?.sample;
  if (!s) return '—';
  if (s.posts === null) return plural(s.size, 'post');
  const posts = plural(s.posts, 'post');
  const span = s.extended
    ? `newest ${posts}, back to ${s.from?.slice(0, 10) ?? 'unknown'}`
    : `last ${plural(windowDays, 'day')}, ${posts}`;
  return s.complete === false && s.incompleteReason ? `${span} (incomplete: ${s.incompleteReason})` : span;
}

/** The same, short enough for a table cell: "212 in 180 d", "20 since 2025-03-02", with "+" when incomplete. */
export function sampleCell(p: ProfileResult, windowDays: number): string {
  const s = p.metrics?.sample;
  if (!s) return '—';
  if (s.posts === null) return String(s.size);
  const span = s.extended ? `${s.posts} since ${s.from?.slice(0, 10) ?? '?'}` : `${s.posts} in ${windowDays} d`;
  return s.complete === false ? `${span} (incomplete)` : span;
}

export function lastPost(p: ProfileResult): string {
  const m = p.metrics;
  if (!m?.lastPostAt) return '—';
  return `${m.lastPostAt.slice(0, 10)} (${m.daysSinceLastPost}d)`;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** An ISO date as a client reads it, the same in every locale: "13 Sep 2026". */
export function dateWords(iso: string): string {
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[mo! - 1]} ${y}`;
}

/** The last post in the client formats (HTML, Markdown): "13 Sep 2026, 48 days ago"; the terminal keeps lastPost's short form. */
export function lastPostWords(p: ProfileResult): string {
  const m = p.metrics;
  if (!m?.lastPostAt) return '—';
  if (m.daysSinceLastPost === null) return dateWords(m.lastPostAt);
  // a post of the evening before is under a day old: "31 Oct 2026, today" would read wrong in a report as of 1 Nov
  return `${dateWords(m.lastPostAt)}, ${m.daysSinceLastPost < 1 ? 'less than a day ago' : ago(m.daysSinceLastPost)}`;
}

/** What a person calls the profile, the one name every client format uses (model's profileName). */
export const profileLabel = (p: ProfileResult): string => profileName(p);

/** A rate per 1,000 replies says something only over 100 replies or more; then it is a whole number. */
const RATE_MIN_REPLIES = 100;
const per1000 = (rate: number | null, replies: number | null): string =>
  rate === null || (replies ?? 0) < RATE_MIN_REPLIES ? '' : `, ${Math.round(rate)} per 1,000 replies`;

/** Days as people say them: "5 hours", "12 days"; the one form of a gap between posts. */
export const days = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : duration(v * 1440);

/** "84% of 386 replies in 5 templates, 13 per 1,000 replies, signed by 5 agents" */
export function cannedSummary(p: ProfileResult): string {
  const m = p.metrics!;
  const signers = m.signatures.length > 0 ? `, signed by ${plural(m.signatures.length, 'agent')}` : '';
  const count =
    m.templateCount === null
      ? ''
      : ` in ${plural(m.templateCount, 'template')}${per1000(m.templatesPer1000Replies, m.repliesAnalyzed)}`;
  return fewItems(m.cannedRatio, m.cannedReplies, m.repliesAnalyzed)
    ? `${cannedText(m)} replies canned${count}${signers}`
    : `${pct(m.cannedRatio)} of ${plural(m.repliesAnalyzed ?? 0, 'reply')}${count}${signers}`;
}

/** "^JS: 47 replies, 80% canned" for each agent signature. */
export function agentLines(p: ProfileResult): string[] {
  return p.metrics!.signatures.map(
    (s) => `${s.tag}: ${plural(s.count, 'reply')}${s.templateShare === null ? '' : `, ${pct(s.templateShare)} canned`}`,
  );
}

/** Profiles that have canned templates, in report order. */
export const templatedProfiles = (profiles: ProfileResult[]): ProfileResult[] =>
  profiles.filter((p) => (p.metrics?.templates.length ?? 0) > 0);

/** The website's profile links as rows: what it links to, how, where, and which profile of the inventory that is. */
export function websiteLinks(
  report: Report,
): Array<{ url: string; platform: string; how: string; page: string; profile: string }> {
  const byId = new Map(report.profiles.map((p) => [p.id, p]));
  return (report.website?.links ?? []).map((l) => {
    const p = l.profileId === null ? undefined : byId.get(l.profileId);
    return {
      url: l.url,
      platform: l.platform,
      how: LINK_SOURCE[l.source],
      page: l.page,
      profile: p ? `${profileLabel(p)} (${p.status})` : 'not on your list',
    };
  });
}

/** One line on how the website was read. */
export function websiteSummary(report: Report): string | null {
  const w = report.website;
  if (!w) return null;
  if (w.error) return `${w.url} could not be read (${w.error}): which profiles it links to is unknown.`;
  const read = w.pages.filter((p) => p.error === null).length;
  return `${w.url}: ${plural(read, 'page')} read, ${plural(w.links.length, 'profile link')} found.`;
}

/**
 * Listening in one line: "answered 37 of 85 audience replies (44%): 23 by Mastodon support, 14 by
 * itself; 26 of 49 questions; median answer 8 hours; 32 threads read of 32 with replies". Null where
 * the threads were not read.
 */
export function listeningSummary(p: ProfileResult, profiles: readonly ProfileResult[]): string | null {
  const m = p.metrics;
  if (!m || m.threadsRead == null) return null;
  if ((m.threadsWithReplies ?? 0) === 0) return 'nobody replied under its posts in the window';
  // no thread read (a budget, a rate limit, every one failed): why, never a count of 0
  if (m.audienceReplies == null) return m.unavailable.audienceReplies ?? 'the threads under its posts were not read';
  const name = (id: string) => (id === 'self' ? 'itself' : profileLabel(profiles.find((q) => q.id === id) ?? p));
  const by = (m.answeredBy ?? []).map((b) => `${b.count} by ${name(b.by)}`).join(', ');
  const parts = [
    `answered ${m.answeredReplies ?? 0} of ${plural(m.audienceReplies, 'audience reply', 'audience replies')} (${pct(m.answeredRate)})${by ? `: ${by}` : ''}`,
    m.questions
      ? `${m.questionsAnswered ?? 0} of ${plural(m.questions, 'question')} (${pct(m.questionAnsweredRate)})`
      : null,
    m.medianAnswerMinutes == null ? null : `median answer ${duration(m.medianAnswerMinutes)}`,
    `${plural(m.threadsRead, 'thread')} read of ${m.threadsWithReplies ?? 0} with replies${m.threadsFailed ? ` (${m.threadsFailed} could not be read)` : ''}${m.threadsUnread ? ` (${m.threadsUnread} not read: see the sample note)` : ''}`,
  ].filter((s): s is string => s !== null);
  return parts.join('; ');
}

/** When an unanswered question was asked, and how long it has waited: "2026-05-09, 175 days unanswered". */
export function unansweredSince(u: UnansweredQuestion): string {
  return `${u.createdAt?.slice(0, 10) ?? 'undated'}${u.ageDays === null ? '' : `, ${plural(u.ageDays, 'day')} unanswered`}`;
}

/**
 * How the owner's API was used for the profile, in words: "read through the YouTube Data API v3 with
 * YT_KEY: 8 calls, 8 quota units of a 2,000 budget", or why it was not used; null without a credential.
 */
export function apiText(p: ProfileResult): string | null {
  const a = p.api ?? null;
  if (!a) return null;
  const notes = a.notes.length > 0 ? `; ${a.notes.join('; ')}` : '';
  if (!a.used) return a.notes.join('; ') || `the ${a.service} was not used`;
  const units = a.unit !== 'call' ? `, ${plural(a.units, a.unit)}` : '';
  const budget = a.budget !== null ? ` (budget ${plural(a.budget, a.unit)} a run)` : '';
  return `read through the ${a.service} with ${a.credential}: ${plural(a.calls, 'call')}${units}${budget}${notes}`;
}
