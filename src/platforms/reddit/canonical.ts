/** Reddit's canonical profile URLs: /user/name (/u/ folded) and /r/name. */
import { type CanonicalRule, HANDLE } from '../kit/canonical.js';

export const canonical: CanonicalRule = {
  hosts: /^reddit\.com$/,
  host: 'www.reddit.com',
  profile: (segments) => {
    const [first = '', second = ''] = segments;
    if (!HANDLE.test(second) || segments.length !== 2) return null;
    if (/^(user|u)$/.test(first)) return { path: `/user/${second.toLowerCase()}`, handle: second.toLowerCase() };
    return first === 'r' ? { path: `/r/${second.toLowerCase()}`, handle: second.toLowerCase() } : null;
  },
};
