/** LinkedIn's canonical profile URLs: /company/name, /in/name, /school/name, /showcase/name. */
import { type CanonicalRule, HANDLE } from '../kit/canonical.js';

export const canonical: CanonicalRule = {
  hosts: /^linkedin\.com$/,
  host: 'www.linkedin.com',
  profile: (segments) => {
    const [first = '', second = ''] = segments;
    return /^(company|in|school|showcase)$/.test(first) && HANDLE.test(second) && segments.length === 2
      ? { path: `/${first}/${second.toLowerCase()}`, handle: second.toLowerCase() }
      : null;
  },
};
