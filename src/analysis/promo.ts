/** Promotional markers: what makes an original post an ad rather than a conversation. */

export interface PromoMarker {
  marker: string;
  pattern: RegExp;
}

export const PROMO_MARKERS: readonly PromoMarker[] = [
  { marker: 'follow us', pattern: /\bfollow us\b/i },
  { marker: 'DM us', pattern: /\b(dm|message) us\b/i },
  { marker: 'giveaway', pattern: /\bgive-?aways?\b/i },
  { marker: 'contest', pattern: /\b(contest|sweepstakes?)\b/i },
  { marker: 'RT to win', pattern: /\b(rt|retweet|repost|boost|share) (this )?(to|&|and) win\b/i },
  { marker: 'use code', pattern: /\b(use|promo|discount|coupon) code\b/i },
  { marker: 'link in bio', pattern: /\blink in (our |the )?bio\b/i },
  { marker: 'shop now', pattern: /\b(shop|buy|order) (now|today)\b/i },
  { marker: 'percent off', pattern: /\b\d{1,2}\s?% off\b/i },
  { marker: 'limited time', pattern: /\blimited[- ]time\b/i },
  { marker: 'shop link', pattern: /https?:\/\/\S*\b(shop|store|products?|checkout|cart)\b/i },
];

/** The markers a text matches, in table order. */
export function promoMarkersIn(text: string): string[] {
  return PROMO_MARKERS.filter((m) => m.pattern.test(text)).map((m) => m.marker);
}
