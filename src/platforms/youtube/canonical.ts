/** YouTube's canonical channel URLs: /@handle, /channel/UC… (case kept), /c/name, /user/name. */
import { type CanonicalRule, HANDLE } from '../kit/canonical.js';

export const canonical: CanonicalRule = {
  hosts: /^youtube\.com$/,
  host: 'www.youtube.com',
  profile: (segments) => {
    const [first = '', second = ''] = segments;
    if (segments.length === 1 && /^@[\w.-]{1,100}$/.test(first))
      return { path: `/${first.toLowerCase()}`, handle: first.slice(1).toLowerCase() };
    if (/^(channel|c|user)$/.test(first) && HANDLE.test(second) && segments.length <= 3) {
      // channel ids are case-sensitive; /c/ and /user/ names are not
      const name = first === 'channel' ? second : second.toLowerCase();
      return { path: `/${first}/${name}`, handle: name };
    }
    return null;
  },
};
