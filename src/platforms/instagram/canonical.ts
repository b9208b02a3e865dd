/** Instagram's canonical profile URLs: https://www.instagram.com/name; /p/… and /reel/… are posts. */
import { type CanonicalRule, singleName } from '../kit/canonical.js';

const RESERVED = /^(p|reel|reels|explore|accounts|stories|direct|about|legal|developer|tv)$/i;

export const canonical: CanonicalRule = {
  hosts: /^instagram\.com$/,
  host: 'www.instagram.com',
  profile: (segments) => singleName(segments, RESERVED),
};
