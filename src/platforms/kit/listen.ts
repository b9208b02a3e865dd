/**
 * Listening, the part every platform shares (issue 17): which of the profile's posts to read threads
 * for — its own posts in the audit window that others replied to, newest first, at most the budget —
 * and the bookkeeping of reading them, where one failed thread is counted, never the profile's failure,
 * and a budget or a rate limit that stops the reading leaves the rest unread, not failed (issue 31).
 */
import { LISTENING_OFF, type AudienceThread, type Settings, type Timeline } from '../../model/index.js';
import type { HttpResponse } from '../../http/types.js';
import { BudgetSpentError } from './api-session.js';
import type { TrackedHttp } from './tracked-http.js';
import type { AdapterContext } from '../types.js';

export interface ReplyCounted {
  id: string;
  createdAt: string | null;
  /** Replies the platform counts under the post (others' and the profile's own). */
  replies: number;
}

/** The posts whose threads are worth reading: dated in the window, with replies, newest first. */
function postsToListen<T extends ReplyCounted>(posts: readonly T[], asOf: Date, settings: Settings): T[] {
  const from = asOf.getTime() - settings.windowDays * 86_400_000;
  return posts
    .filter((p) => {
      const t = p.createdAt ? Date.parse(p.createdAt) : Number.NaN;
      return p.replies > 0 && t >= from && t <= asOf.getTime();
    })
    .sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!));
}

/**
 * A reader's word that it may not read on: the platform rate-limited the thread requests, or its API
 * said its quota is spent. The thread is not read, nor any after it; none of them is a failure.
 */
export class ReadingStopped extends Error {
  override name = 'ReadingStopped';
}

/** A thread request the platform answered with 429 (too many requests): the reading stops there. */
export function stopIfRateLimited(res: Pick<HttpResponse, 'status' | 'finalUrl'>): void {
  if (res.status !== 429) return;
  let host = 'the platform';
  try {
    host = new URL(res.finalUrl).host;
  } catch {
    // no URL to name: the platform it is
  }
  throw new ReadingStopped(`rate limited by ${host} (HTTP 429)`);
}

/**
 * The timeline's listening: the threads of the profile's own posts worth reading (postsToListen), at
 * most the budget, read with `readThread` on the side of the profile's own requests (TrackedHttp.aside);
 * a thread that fails is counted with its reason, and the others are still read. With a budget of 0,
 * nothing is read and the timeline says listening is off.
 */
export async function listen<T extends ReplyCounted>(
  self: string,
  posts: readonly T[],
  ctx: Pick<AdapterContext, 'asOf' | 'settings'>,
  http: TrackedHttp,
  readThread: (post: T) => Promise<AudienceThread>,
): Promise<Pick<Timeline, 'listening' | 'listeningOff'>> {
  const { settings } = ctx;
  if (settings.listenBudget <= 0) return { listeningOff: LISTENING_OFF };
  const candidates = postsToListen(posts, ctx.asOf, settings);
  const before = http.fetchInfo().requests;
  const threads: AudienceThread[] = [];
  let failures = 0;
  let firstReason = '';
  let unread: { count: number; reason: string } | null = null;
  const toRead = candidates.slice(0, settings.listenBudget);
  await http.aside(async () => {
    for (const [i, post] of toRead.entries()) {
      try {
        threads.push(await readThread(post));
      } catch (error) {
        // a spent budget or a rate limit: asking again would be refused too, so the rest is left unread
        if (error instanceof BudgetSpentError || error instanceof ReadingStopped) {
          unread = { count: toRead.length - i, reason: error.message };
          break;
        }
        if (failures++ === 0) firstReason = (error as Error).message;
      }
    }
  });
  return {
    listening: {
      self,
      withReplies: candidates.length,
      threads,
      budget: settings.listenBudget,
      requests: http.fetchInfo().requests - before,
      failed: failures === 0 ? null : { count: failures, reason: firstReason },
      unread,
    },
  };
}
