/** TikTok's canonical profile URLs: https://www.tiktok.com/@name. */
import { atName, type CanonicalRule } from '../kit/canonical.js';

const RESERVED = /^(tag|music|discover|search|legal|about|login|upload|foryou|following|live)$/i;

export const canonical: CanonicalRule = {
  hosts: /^tiktok\.com$/,
  host: 'www.tiktok.com',
  profile: (segments) => atName(segments, RESERVED),
};
