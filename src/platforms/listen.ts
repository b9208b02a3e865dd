/**
 * Listening, the part every platform shares (issue 17): which of the profile's posts to read threads
 * for — its own posts in the audit window that others replied to, newest first, at most the budget —
 * and the bookkeeping of reading them, where one failed thread is counted, never the profile's failure.
 */
import type { AudienceThread, Listening, Settings } from '../model/index.js';
import type { TrackedHttp } from './tracked-http.js';

export interface ReplyCounted {
  id: string;
  createdAt: string | null;
  /** Replies the platform counts under the post (others' and the profile's own). */
  replies: number;
}

/** The posts whose threads are worth reading: dated in the window, with replies, newest first. */
export function postsToListen<T extends ReplyCounted>(posts: readonly T[], asOf: Date, settings: Settings): T[] {
  const from = asOf.getTime() - settings.windowDays * 86_400_000;
  return posts
    .filter((p) => {
      const t = p.createdAt ? Date.parse(p.createdAt) : Number.NaN;
      return p.replies > 0 && t >= from && t <= asOf.getTime();
    })
    .sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!));
}

/** Why there is no listening: off by setting, or no budget. */
export const LISTENING_OFF = 'listening is off (settings.listenBudget or --listen is 0)';

/**
 * Reads the threads of `candidates` (at most the budget) with `readThread`; a thread that fails is
 * counted with its reason, and the others are still read.
 */
export async function listen<T extends ReplyCounted>(
  self: string,
  candidates: readonly T[],
  settings: Settings,
  http: TrackedHttp,
  readThread: (post: T) => Promise<AudienceThread>,
): Promise<Listening> {
  const before = http.fetchInfo().requests;
  const threads: AudienceThread[] = [];
  let failures = 0;
  let firstReason = '';
  for (const post of candidates.slice(0, settings.listenBudget)) {
    try {
      threads.push(await readThread(post));
    } catch (error) {
      if (failures++ === 0) firstReason = (error as Error).message;
    }
  }
  const failed = failures === 0 ? null : { count: failures, reason: firstReason };
  return {
    self,
    withReplies: candidates.length,
    threads,
    budget: settings.listenBudget,
    requests: http.fetchInfo().requests - before,
    failed,
  };
}
