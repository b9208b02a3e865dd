/**
 * What the YouTube Data API readers share (the channel's uploads in api.ts, its comments in
 * comments.ts): the API's JSON, its error object in its own words, its list shape.
 */
import { decodeText } from '../../http/decode.js';
import type { HttpResponse } from '../../http/types.js';

interface YtError {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: Array<{ reason?: string; message?: string; domain?: string }>;
    details?: Array<{ reason?: string }>;
  };
}

export interface YtComment {
  id: string;
  snippet?: {
    textOriginal?: string;
    textDisplay?: string;
    authorDisplayName?: string;
    authorChannelId?: { value?: string };
    parentId?: string;
    publishedAt?: string;
  };
}

export interface YtThread {
  id: string;
  snippet?: { videoId?: string; topLevelComment?: YtComment; totalReplyCount?: number };
  replies?: { comments?: YtComment[] };
}

export interface Listed<T> {
  items?: T[];
  nextPageToken?: string;
}

/** The error reasons that say the quota is spent. */
export const QUOTA = new Set(['quotaExceeded', 'dailyLimitExceeded', 'rateLimitExceeded', 'userRateLimitExceeded']);

/** The API's error, in its own words: the first reason and the message without markup. */
export function youtubeError(res: HttpResponse): { reason: string; message: string } {
  let body: YtError = {};
  try {
    body = JSON.parse(decodeText(res.body, res.headers['content-type'])) as YtError;
  } catch {
    // not JSON: the status alone
  }
  const e = body?.error;
  const reason =
    e?.details?.find((d) => typeof d?.reason === 'string')?.reason ??
    e?.errors?.find((x) => typeof x?.reason === 'string')?.reason ??
    e?.status ??
    `HTTP ${res.status}`;
  const message = String(e?.message ?? '')
    .replace(/<[^>]*>/g, '')
    .slice(0, 200);
  return { reason, message };
}

/** Every reason the error object names (`errors[]` and `details[]`): a quota may be the second. */
export function errorReasons(res: HttpResponse): string[] {
  try {
    const e = (JSON.parse(res.body.toString('utf8')) as YtError).error;
    return [...(e?.errors ?? []), ...(e?.details ?? [])].flatMap((x) =>
      typeof x?.reason === 'string' ? [x.reason] : [],
    );
  } catch {
    return [];
  }
}

export const json = <T>(res: HttpResponse): T => JSON.parse(decodeText(res.body, res.headers['content-type'])) as T;
export const num = (v: string | undefined): number | null => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
export const channelUrl = (id: string) => `https://www.youtube.com/channel/${id}`;
export const videoUrl = (id: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
