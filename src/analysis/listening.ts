/**
 * Does the brand answer the people who reply to it? From the threads under its own posts (pure):
 *
 * - an *audience reply* is a reply by someone who is neither the profile nor another profile of the
 *   inventory, written directly under the profile's post (the thread's root) or under a reply of the
 *   profile's in that thread — where the conversation is with the brand;
 * - it is *answered* when the profile, or another inventory profile (a support account answering under
 *   the main account's post), replied to it; the first such reply dates the answer;
 * - a *question* is an audience reply the detector (questions.ts) says asks something.
 *
 * What happened after the as-of date does not exist (issue 31): a reply written later is not counted,
 * and an answer written later answers nothing. A reply is counted once, however many of the threads read
 * hold it (the readers read the brand's top-level posts only; this is the second guard), and a thread
 * whose root is a reply inside another thread read is part of that thread, not a thread of its own.
 */
import type { AudienceThread, Listening, ListeningMetrics, ThreadReply, UnansweredQuestion } from '../model/index.js';
import { plural } from '../model/index.js';
import { displayReply } from './normalise.js';
import { detectQuestion } from './questions.js';
import { quantile, round } from './time.js';

/** A profile URL as a key: no scheme, no `www.`, no trailing slash or query, lowercase. */
export function authorKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Who else may answer for a profile: the inventory's other profiles, by author key → profile id. */
export type Siblings = ReadonlyMap<string, string>;

const MAX_UNANSWERED = 5;
const MAX_TEXT = 280;
const DAY = 86_400_000;

export const NO_LISTENING: ListeningMetrics = {
  audienceReplies: null,
  answeredReplies: null,
  answeredRate: null,
  answeredBy: [],
  peopleReplied: null,
  peopleAnswered: null,
  questions: null,
  questionsAnswered: null,
  questionAnsweredRate: null,
  medianAnswerMinutes: null,
  p90AnswerMinutes: null,
  unanswered: [],
  unansweredOverWeek: null,
  threadsRead: null,
  threadsWithReplies: null,
  threadsFailed: null,
  threadsUnread: null,
  listenRequests: null,
};

/** The question as a report shows it (displayReply: mentions and links masked), control and bidi characters gone, at most 280 characters. */
function shown(text: string): string {
  return displayReply(text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' '), MAX_TEXT);
}

interface Judged {
  reply: ThreadReply;
  answer: { at: number | null; by: string } | null;
  question: { rule: string } | null;
}

/** Whether a thread item existed on the as-of date (an undated one cannot be placed after it). */
const existed = (r: ThreadReply, asOf: number) => r.createdAt === null || !(Date.parse(r.createdAt) > asOf);

function judgeThread(
  thread: AudienceThread,
  who: (author: string) => string | null,
  asOf: number,
  counted: Set<string>,
): Judged[] {
  const replies = thread.replies.filter((r) => existed(r, asOf));
  const byId = new Map(replies.map((r) => [r.id, r]));
  const brandSaid = (id: string) => id === thread.rootId || (byId.has(id) && who(byId.get(id)!.author) !== null);
  const judged: Judged[] = [];
  for (const reply of replies) {
    if (counted.has(reply.id) || who(reply.author) !== null || !brandSaid(reply.parentId)) continue;
    counted.add(reply.id);
    const at = reply.createdAt ? Date.parse(reply.createdAt) : null;
    const answers = replies
      .filter((r) => r.parentId === reply.id && who(r.author) !== null)
      .map((r) => ({ at: r.createdAt ? Date.parse(r.createdAt) : null, by: who(r.author)! }))
      .sort((a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY));
    const verdict = detectQuestion(reply.text);
    judged.push({
      reply,
      answer: answers[0]
        ? { at: answers[0].at !== null && at !== null ? answers[0].at - at : null, by: answers[0].by }
        : null,
      question: verdict.question ? { rule: verdict.rule! } : null,
    });
  }
  return judged;
}

/** The roots among the threads read: a thread whose root is a reply inside another is part of that one. */
function rootsRead(threads: readonly AudienceThread[]): number {
  const inside = new Set(threads.flatMap((t) => t.replies.map((r) => r.id)));
  return new Set(threads.filter((t) => !inside.has(t.rootId)).map((t) => t.rootId)).size;
}

/**
 * Why there is nothing to count though own posts had replies: no thread could be read — a budget or a
 * rate limit stopped the reading, or every thread failed. Null when at least one thread was read.
 */
export function listeningUnread(listening: Listening): string | null {
  if (listening.threads.length > 0 || listening.withReplies === 0) return null;
  const n = plural(listening.withReplies, 'thread');
  if (listening.unread) return `${listening.unread.reason}: none of the ${n} with replies was read`;
  if (listening.failed) return `none of the ${n} with replies could be read: ${listening.failed.reason}`;
  return null;
}

export function listeningMetrics(listening: Listening, siblings: Siblings, asOf: Date): ListeningMetrics {
  const self = authorKey(listening.self);
  const who = (author: string): string | null => {
    const key = authorKey(author);
    return key === self ? 'self' : (siblings.get(key) ?? null);
  };
  const bookkeeping = {
    threadsRead: rootsRead(listening.threads),
    threadsWithReplies: listening.withReplies,
    threadsFailed: listening.failed?.count ?? 0,
    threadsUnread: listening.unread?.count ?? 0,
    listenRequests: listening.requests,
  };
  // not read is not zero: with no thread read, there is nothing to count (listeningUnread says why)
  if (listeningUnread(listening) !== null) return { ...NO_LISTENING, ...bookkeeping };
  const counted = new Set<string>();
  const judged = listening.threads.flatMap((t) => judgeThread(t, who, asOf.getTime(), counted));
  const answered = judged.filter((j) => j.answer !== null);
  const questions = judged.filter((j) => j.question !== null);
  const questionsAnswered = questions.filter((j) => j.answer !== null);
  const minutes = answered.flatMap((j) => (j.answer!.at !== null && j.answer!.at >= 0 ? [j.answer!.at / 60_000] : []));
  const by = new Map<string, number>();
  for (const j of answered) by.set(j.answer!.by, (by.get(j.answer!.by) ?? 0) + 1);
  const people = new Set(judged.map((j) => authorKey(j.reply.author)));
  const peopleAnswered = new Set(answered.map((j) => authorKey(j.reply.author)));
  const unanswered: UnansweredQuestion[] = questions
    .filter((j) => j.answer === null)
    .sort((a, b) => (a.reply.createdAt ?? '').localeCompare(b.reply.createdAt ?? ''))
    .slice(0, MAX_UNANSWERED)
    .map((j) => ({
      text: shown(j.reply.text),
      createdAt: j.reply.createdAt,
      ageDays: j.reply.createdAt ? Math.floor((asOf.getTime() - Date.parse(j.reply.createdAt)) / DAY) : null,
      url: j.reply.url,
      rule: j.question!.rule,
    }));
  const weekAgo = asOf.getTime() - 7 * DAY;
  const overWeek = questions.filter(
    (j) => j.answer === null && j.reply.createdAt !== null && Date.parse(j.reply.createdAt) < weekAgo,
  ).length;
  const rate = (n: number, of: number) => (of === 0 ? null : round(n / of, 4));
  return {
    audienceReplies: judged.length,
    answeredReplies: answered.length,
    answeredRate: rate(answered.length, judged.length),
    answeredBy: [...by]
      .map(([b, count]) => ({ by: b, count }))
      .sort((a, b) => b.count - a.count || a.by.localeCompare(b.by)),
    peopleReplied: people.size,
    peopleAnswered: peopleAnswered.size,
    questions: questions.length,
    questionsAnswered: questionsAnswered.length,
    questionAnsweredRate: rate(questionsAnswered.length, questions.length),
    medianAnswerMinutes: minutes.length ? round(quantile(minutes, 0.5)!, 1) : null,
    p90AnswerMinutes: minutes.length ? round(quantile(minutes, 0.9)!, 1) : null,
    unanswered,
    unansweredOverWeek: overWeek,
    ...bookkeeping,
  };
}

/** Why each listening metric is null, in `unavailable`'s terms. */
export function listeningGaps(m: ListeningMetrics, off: string | null): Record<string, string> {
  const gaps: Record<string, string> = {};
  const fields = [
    'audienceReplies',
    'answeredRate',
    'questionAnsweredRate',
    'medianAnswerMinutes',
    'p90AnswerMinutes',
  ] as const;
  if (off !== null) {
    for (const f of fields) gaps[f] = off;
    return gaps;
  }
  if (m.answeredRate === null)
    gaps.answeredRate =
      m.threadsRead === 0
        ? 'no own post in the sample had replies from others'
        : 'nobody else replied in the threads read';
  if (m.questionAnsweredRate === null)
    gaps.questionAnsweredRate = m.audienceReplies === 0 ? gaps.answeredRate! : 'no audience reply asked anything';
  if (m.medianAnswerMinutes === null) {
    gaps.medianAnswerMinutes =
      m.answeredReplies === 0 ? (gaps.answeredRate ?? 'no audience reply was answered') : 'the answers are not dated';
    gaps.p90AnswerMinutes = gaps.medianAnswerMinutes;
  }
  return gaps;
}
