/** X's canonical profile URLs: https://x.com/name (twitter.com folded); /name/status/… is a post. */
import { type CanonicalRule, singleName } from '../kit/canonical.js';

const RESERVED =
  /^(i|intent|share|home|search|hashtag|explore|settings|login|signup|tos|privacy|messages|notifications|compose|download)$/i;

export const canonical: CanonicalRule = {
  hosts: /^(x|twitter)\.com$/,
  host: 'x.com',
  profile: (segments) => singleName(segments, RESERVED),
};
