/** Response time: minutes between the post replied to and the reply, where the source tells both dates. */
import type { Post } from '../model/index.js';
import { quantile, round } from './time.js';

export interface ResponseTimes {
  medianResponseMinutes: number | null;
  p90ResponseMinutes: number | null;
  responseTimesMeasured: number;
}

export const NO_RESPONSE_TIMES: ResponseTimes = {
  medianResponseMinutes: null,
  p90ResponseMinutes: null,
  responseTimesMeasured: 0,
};

export function responseTimes(replies: Post[]): ResponseTimes {
  const minutes = replies.flatMap((r) => {
    if (!r.createdAt || !r.inReplyToCreatedAt) return [];
    const m = (Date.parse(r.createdAt) - Date.parse(r.inReplyToCreatedAt)) / 60_000;
    return Number.isFinite(m) && m >= 0 ? [m] : [];
  });
  if (minutes.length === 0) return NO_RESPONSE_TIMES;
  return {
    medianResponseMinutes: round(quantile(minutes, 0.5)!, 1),
    p90ResponseMinutes: round(quantile(minutes, 0.9)!, 1),
    responseTimesMeasured: minutes.length,
  };
}
